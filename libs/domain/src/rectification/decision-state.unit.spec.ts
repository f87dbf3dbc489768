import { fold } from '../shared/decider';
import { decisionStateOf, evolveDecisionState } from './decision-state';
import { evolveProblem } from './problem-state';
import { ProblemEvent } from './problem.events';
import { problemDecider, problemRecordFolding } from './problem.decider';
import { claimed, closed, ev, HISTORY, jointStarted, partClosed, planned, progressed, published, registered, verified } from './testing/problem-fixtures';

const FILE = 'sha256:' + 'c'.repeat(64);
const withFile = (note: string) => ev('ProgressRecorded', { note, attachmentRefs: [FILE], recordedBy: 'op-1' });
const partNote = (partId: string, note: string, attachmentRefs: string[] = []) => ev('PartProgressRecorded', { partId, note, attachmentRefs, recordedBy: 'op-2' });
const rebounded = ev('ProblemRebounded', { lookBackCampaignId: 'lookback-2026', previousCycle: 1, cycle: 2, finding: '窗口又出现推诿', checkedBy: 'insp-1' });

const decision = (events: readonly ProblemEvent[]) => fold(problemDecider, events);
const record = (events: readonly ProblemEvent[]) => fold(problemRecordFolding, events);

describe('a problem’s decision state', () => {
  const histories: Record<string, ProblemEvent[]> = {
    ...HISTORY,
    'notes with and without files': [registered(), planned(), published(), progressed('一'), withFile('二'), progressed('三'), withFile('四'), progressed('五')],
    'joint parts’ notes': [registered(), planned(), progressed(), jointStarted(), partNote('part-a', '排查'), partNote('part-b', '整治', [FILE]), partNote('part-a', '复查'), partClosed('part-a')],
    'a rebounded problem’s new cycle': [...HISTORY.closed, withFile('旧轮附件'), rebounded, planned(), progressed('新一轮'), withFile('新一轮附件')],
    'noted after it was verified and closed': [registered(), planned(), progressed(), withFile('证明'), claimed(), verified(), closed()],
  };

  it.each(Object.entries(histories))('is the record without the notes that carry no file: %s', (_, events) => {
    expect(decision(events)).toEqual(decisionStateOf(record(events)));
  });

  it('keeps the notes with files, in order, in every cycle and every part', () => {
    const s = decision(histories['notes with and without files']);
    expect(s.current.progress.map((n) => n.note)).toEqual(['二', '四']);
    expect(record(histories['notes with and without files']).current.progress).toHaveLength(5);
    const joint = decision(histories['joint parts’ notes']).current.joint;
    expect(joint?.parts.map((p) => p.progress.map((n) => n.note))).toEqual([[], ['整治']]);
    const reopened = decision(histories['a rebounded problem’s new cycle']);
    expect(reopened.cycles[0].progress.map((n) => n.note)).toEqual(['旧轮附件']);
    expect(reopened.current.progress.map((n) => n.note)).toEqual(['新一轮附件']);
  });

  it('still takes what a plain note changes: the first one starts the work', () => {
    const s = decision([registered(), planned(), progressed('开始整改')]);
    expect(s.status).toBe('in_progress');
    expect(s.current.progress).toEqual([]);
  });

  it('is the state itself after a plain note that starts no work, and the fold of the note after any other', () => {
    const underWay = decision([registered(), planned(), progressed('开始整改')]);
    expect(evolveDecisionState(underWay, progressed('再次进展'))).toBe(underWay);
    const planned1 = decision([registered(), planned()]);
    expect(evolveDecisionState(planned1, progressed('开始整改'))).not.toBe(planned1);
    // A state that still holds plain notes (a record's fold) drops them at the next one.
    const whole = record([registered(), planned(), progressed('一'), progressed('二')]);
    expect(evolveDecisionState(whole, progressed('三')).current.progress).toEqual([]);
    // After every prefix of every history: what a plain note or a part's plain note leaves is the note folded in, plain notes dropped.
    for (const events of Object.values(histories)) {
      for (let n = 1; n <= events.length; n++) {
        const s = decision(events.slice(0, n));
        for (const note of [progressed('又一次进展'), partNote('part-a', '又一次排查'), partNote('part-b', '又一次整治')]) {
          expect(evolveDecisionState(s, note)).toEqual(decisionStateOf(evolveProblem(s, note)));
        }
      }
    }
  });

  it('does not grow with plain notes', () => {
    const many = [registered(), planned(), ...Array.from({ length: 500 }, (_, i) => progressed(`第${i + 1}次整改进展`))];
    expect(JSON.stringify(decision(many)).length).toBe(JSON.stringify(decision(many.slice(0, 3))).length);
  });
});
