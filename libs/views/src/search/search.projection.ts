import { InstructionIssued, NoticePublished, OrganizationEvent, ProblemEvent } from '@platform/domain';
import { documentProjection } from '@platform/read-models';
import { shortRunsAppended } from './search-terms';
import { entryId, SEARCH_ENTRIES, SEARCH_TEXT_FIELDS, SearchBody, SearchEntry, withRuns } from './search.documents';

type Handled = ProblemEvent | NoticePublished | OrganizationEvent | InstructionIssued;

const PROBLEM_TEXT_EVENTS = ['ProblemRegistered', 'RectificationPlanned', 'ProgressRecorded', 'PartProgressRecorded', 'JointHandlingStarted', 'SupervisionNoted'] as const;

/**
 * The search index's documents: what each problem, unit and notice says, and the units whose
 * scope may find it. The embedded store indexes the head (title, description, measures) and each item
 * of the lists with FTS5 (sqlite-search-index.ts), MongoDB the same fields by their n-grams (the text
 * index declared here). The body is kept as its parts only: joined too, it was stored twice, and a
 * problem's entry is stored again at each note.
 */
export const searchProjection = documentProjection<SearchEntry, Handled['data']>({
  name: 'search',
  // 2: supervision notes and instructions are searched too. 3: the body no longer stored joined (`text`).
  version: 3,
  collection: SEARCH_ENTRIES,
  handles: [...PROBLEM_TEXT_EVENTS, 'NoticePublished', 'UnitCreated', 'UnitRenamed', 'UnitClosed', 'InstructionIssued'],
  indexes: { kind: 'scalar' },
  textIndex: SEARCH_TEXT_FIELDS,
  id: (stored) => {
    const e = stored as unknown as Handled;
    switch (e.type) {
      case 'NoticePublished':
        return entryId('notice', e.data.noticeId);
      case 'UnitCreated':
      case 'UnitRenamed':
      case 'UnitClosed':
        return entryId('unit', e.data.unitId);
      case 'InstructionIssued':
        return entryId(e.data.target.kind, e.data.target.id);
      default:
        return 'problemId' in e.data ? entryId('problem', e.data.problemId) : null;
    }
  },
  evolve: (current, stored) => {
    const e = stored as unknown as Handled;
    switch (e.type) {
      case 'ProblemRegistered':
        return withRuns({
          _id: entryId('problem', e.data.problemId),
          kind: 'problem',
          refId: e.data.problemId,
          campaignId: e.data.campaignId,
          unitIds: [e.data.responsibleUnitId],
          title: e.data.category,
          ...NO_TEXT,
          description: e.data.description,
        });
      case 'RectificationPlanned':
        return current && withRuns({ ...current, measures: e.data.measures });
      case 'ProgressRecorded':
      case 'PartProgressRecorded':
        return current && appended(current, 'notes', e.data.note);
      case 'SupervisionNoted':
        return current && appended(current, 'supervision', `${e.data.finding}\n${e.data.demand}`);
      case 'InstructionIssued':
        // Only on something that exists: an instruction on a closed unit finds nothing to attach to.
        return current && appended(current, 'instructions', e.data.text);
      case 'JointHandlingStarted': {
        // The coordinator and the parts' units work on it too: their scopes find it as well.
        const units = [e.data.coordinatorUnitId, ...e.data.parts.map((p) => p.unitId)];
        return current && withRuns({ ...current, unitIds: [...new Set([...current.unitIds, ...units])] });
      }
      case 'NoticePublished':
        return withRuns({ _id: entryId('notice', e.data.noticeId), kind: 'notice', refId: e.data.noticeId, campaignId: e.data.campaignId, unitIds: e.data.unitIds, title: e.data.title, ...NO_TEXT });
      case 'UnitCreated':
        return withRuns({ _id: entryId('unit', e.data.unitId), kind: 'unit', refId: e.data.unitId, campaignId: null, unitIds: [e.data.unitId], title: e.data.name, ...NO_TEXT });
      case 'UnitRenamed':
        return current && withRuns({ ...current, title: e.data.name });
      case 'UnitClosed':
        return null;
      default:
        return current;
    }
  },
});

const NO_TEXT: SearchBody = { description: '', measures: [], notes: [], supervision: [], instructions: [] };

/**
 * The entry with `piece` added to one of its lists, its runs grown by the piece alone
 * (shortRunsAppended): the runs are a set, so a piece that lands before a later list (a note after
 * a supervision note) adds the same runs as one that ends the body. Made again from every part,
 * a problem's runs cost each note all the notes before it: under a stream of notes on problems
 * with supervision notes, that was a quarter of the projector's time.
 */
function appended(current: SearchEntry, part: 'notes' | 'supervision' | 'instructions', piece: string): SearchEntry {
  const next = { ...current, [part]: [...current[part], piece] };
  return piece ? { ...next, runs: shortRunsAppended(current.runs, piece) } : next;
}
