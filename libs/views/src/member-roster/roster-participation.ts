import { ReadStore } from '@platform/read-models';
import { ExportColumn } from '../exports/export-format';
import { BoardRow } from '../progress-board/board-view';
import { BoardUnitDoc } from '../progress-board/progress-board.documents';
import { campaignUnitDocs, UnitFilter } from '../shared/view-scope';
import { ROSTER_PARTICIPATION, RosterParticipationDoc } from './member-roster.documents';

/** Where a unit's participation rate on the board comes from. */
export type ParticipationSource = 'roster' | 'reported' | null;

export const PARTICIPATION_SOURCE_NAMES: Record<'roster' | 'reported', string> = { roster: '按党员名册计算', reported: '按上报人数计算' };

/** The campaign's units that keep their participation in a roster (at least one step recorded), with their sums. */
export async function readRosterParticipation(store: ReadStore, campaignId: string, filter: UnitFilter): Promise<Map<string, RosterParticipationDoc>> {
  const docs = await store.find<RosterParticipationDoc>(ROSTER_PARTICIPATION, campaignUnitDocs(campaignId, filter));
  return new Map(docs.filter((d) => d.steps > 0).map((d) => [d.unitId, d]));
}

/**
 * The board's units with the participation of a unit that keeps a roster taken from it (members
 * who took part over members expected, excused ones with their reason not expected) instead of
 * the counts it reported; the others keep their reported counts.
 */
export function withRosterParticipation(units: readonly BoardUnitDoc[], roster: ReadonlyMap<string, RosterParticipationDoc>): BoardUnitDoc[] {
  if (roster.size === 0) return units as BoardUnitDoc[];
  return units.map((u) => {
    const r = roster.get(u.unitId);
    return r ? withParticipation(u, { shouldAttend: r.shouldAttend, attended: r.attended, excused: r.excused }) : u;
  });
}

type Participation = NonNullable<BoardUnitDoc['participation']>;

/** The last merge per frozen unit document, so a moment whose unit and roster sums did not change gets the same (frozen) unit again and the board its row built before. */
const merged = new WeakMap<BoardUnitDoc, BoardUnitDoc>();

function withParticipation(u: BoardUnitDoc, participation: Participation): BoardUnitDoc {
  if (!Object.isFrozen(u)) return { ...u, participation };
  const known = merged.get(u);
  const p = known?.participation;
  if (known && p && p.shouldAttend === participation.shouldAttend && p.attended === participation.attended && p.excused === participation.excused) return known;
  const unit = Object.freeze({ ...u, participation: Object.freeze(participation) });
  merged.set(u, unit);
  return unit;
}

/** Says on a board row which participation it shows. */
export function participationSource(row: { unitId: string; counts: { participation: { shouldAttend: number } } }, roster: ReadonlyMap<string, unknown>): ParticipationSource {
  if (roster.has(row.unitId)) return 'roster';
  return row.counts.participation.shouldAttend > 0 ? 'reported' : null;
}

/** The board export's column saying, per unit, where its participation rate comes from. */
export function participationSourceColumn(roster: ReadonlyMap<string, unknown>): ExportColumn<BoardRow> {
  return {
    header: '参学率口径',
    value: (r) => {
      const source = participationSource(r, roster);
      return source ? PARTICIPATION_SOURCE_NAMES[source] : null;
    },
  };
}
