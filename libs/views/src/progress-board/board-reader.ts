import { NotFoundException } from '@nestjs/common';
import { ReadStore } from '@platform/read-models';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import { campaignUnitDocs, isSmallScope, NOT_FOUND, UnitFilter } from '../shared/view-scope';
import { MomentMemo, ViewMoment } from '../shared/view-moment';
import { BoardQuery, boardView, BoardView } from './board-view';
import { RankedBoard } from './ranked-board';
import { CURRENT_HANDLING_VERSION } from '@platform/domain';
import { readRosterParticipation, withRosterParticipation } from '../member-roster/roster-participation';
import { RosterParticipationDoc } from '../member-roster/member-roster.documents';
import { BOARD_CAMPAIGNS, BOARD_UNITS, BoardCampaignDoc, BoardUnitDoc } from './progress-board.documents';

export const BOARD_PROJECTIONS = ['progress-board', 'rectification-ledger', 'member-roster'] as const;

/** A campaign's board prepared for one moment, with the units that keep a roster (where their participation comes from). */
export interface PreparedBoard {
  readonly ranked: RankedBoard;
  readonly roster: ReadonlyMap<string, RosterParticipationDoc>;
}

/**
 * The campaign's board prepared once per moment (and rule) when the moment shares its reads:
 * ranking needs every unit in scope, so each request then keeps its visible rows and reads its
 * roll-ups off the prepared sums. Without a memo it is prepared for this request alone.
 *
 * `scope`, given for a past moment, prepares the board of that scope alone when it holds at most
 * a quarter of the tree (a county's leader looking back): only the scope's units, tallies and
 * roster figures as they stood are read, each by its key, and a row is built for them only, so a
 * county's first look at a moment costs what its units do in a city of any size (read whole, the
 * campaign's units and tallies grew with the city: p95 10.7 ms at half the demo city, 37.4 ms at
 * twice it). A board of the scope's units alone answers that scope as the whole campaign's does
 * (board-view spec). A live moment keeps the whole campaign's board, carried from checkpoint to
 * checkpoint while nothing it shows changed.
 */
export async function prepareBoard(
  store: ViewMoment['store'],
  tree: ViewMoment['tree'],
  campaignId: string,
  query: BoardQuery,
  memo?: MomentMemo,
  scope?: UnitFilter,
): Promise<PreparedBoard> {
  const board: ReadStore = store('progress-board');
  const ledger: ReadStore = store('rectification-ledger');
  const campaign = await board.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  const rules = { metricsVersion: query.metricsVersion, handlingVersion: query.handlingVersion ?? CURRENT_HANDLING_VERSION };
  const rulesKey = `ranked-board:${campaignId}:${rules.metricsVersion}:${rules.handlingVersion}`;
  const part = memo && scope ? scopePart(tree, scope) : null;
  const prepare = async (): Promise<PreparedBoard> => {
    const units = part ?? ALL_UNITS;
    const [unitDocs, tallies, roster] = await Promise.all([
      readUnits(board, campaignId, units),
      // The whole campaign's tallies are shared with the tracker's past moments.
      memo && !part ? memo('rectification-ledger', `${LEDGER_UNIT_TALLIES}:${campaignId}`, () => readTallies(ledger, campaignId, units)) : readTallies(ledger, campaignId, units),
      readRosterParticipation(store('member-roster'), campaignId, units),
    ]);
    return { ranked: new RankedBoard({ campaign, units: withRosterParticipation(unitDocs, roster), tallies, tree }, rules), roster };
  };
  return memo ? memo(BOARD_PROJECTIONS, part ? `${rulesKey}:${part.key}` : rulesKey, prepare) : prepare();
}

/** The scope as a part of the tree worth a board of its own (see prepareBoard), or null. */
function scopePart(tree: ViewMoment['tree'], scope: UnitFilter): (UnitFilter & { readonly key: string }) | null {
  const { key } = scope;
  if (key === undefined || !isSmallScope(tree, scope)) return null;
  return { ...scope, key };
}

/** Reads what the board needs from the moment's stores (live or replayed) and computes it. */
export async function readBoard(
  store: ViewMoment['store'],
  tree: ViewMoment['tree'],
  campaignId: string,
  filter: UnitFilter,
  query: BoardQuery,
  memo?: MomentMemo,
): Promise<BoardView> {
  if (memo) return (await prepareBoard(store, tree, campaignId, query, memo)).ranked.view(tree, filter, query);
  const board: ReadStore = store('progress-board');
  const campaign = await board.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  // Without a memo (a notice, its reproduction): only the scope's units are read.
  const [units, tallies, roster] = await Promise.all([
    readUnits(board, campaignId, filter),
    readTallies(store('rectification-ledger'), campaignId, filter),
    readRosterParticipation(store('member-roster'), campaignId, filter),
  ]);
  return boardView({ campaign, units: withRosterParticipation(units, roster), tallies, tree, filter }, query);
}

const readTallies = (ledger: ReadStore, campaignId: string, units: UnitFilter) => ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, campaignUnitDocs(campaignId, units));
const readUnits = (board: ReadStore, campaignId: string, units: UnitFilter) => board.find<BoardUnitDoc>(BOARD_UNITS, campaignUnitDocs(campaignId, units));

const ALL_UNITS: UnitFilter = { visible: () => true, ids: null };
