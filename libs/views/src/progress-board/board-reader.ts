import { NotFoundException } from '@nestjs/common';
import { ReadStore } from '@platform/read-models';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
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
 */
export async function prepareBoard(
  store: ViewMoment['store'],
  tree: ViewMoment['tree'],
  campaignId: string,
  query: BoardQuery,
  memo?: MomentMemo,
): Promise<PreparedBoard> {
  const board: ReadStore = store('progress-board');
  const ledger: ReadStore = store('rectification-ledger');
  const campaign = await board.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  const rules = { metricsVersion: query.metricsVersion, handlingVersion: query.handlingVersion ?? CURRENT_HANDLING_VERSION };
  const prepare = async (): Promise<PreparedBoard> => {
    const [units, tallies, roster] = await Promise.all([
      // The units only feed the prepared board; the tallies are shared with the tracker's past moments.
      board.find<BoardUnitDoc>(BOARD_UNITS, { campaignId }),
      memo ? memo('rectification-ledger', `${LEDGER_UNIT_TALLIES}:${campaignId}`, () => readTallies(ledger, campaignId)) : readTallies(ledger, campaignId),
      readRosterParticipation(store('member-roster'), campaignId, ALL_UNITS),
    ]);
    return { ranked: new RankedBoard({ campaign, units: withRosterParticipation(units, roster), tallies, tree }, rules), roster };
  };
  return memo ? memo(BOARD_PROJECTIONS, `ranked-board:${campaignId}:${rules.metricsVersion}:${rules.handlingVersion}`, prepare) : prepare();
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
    board.find<BoardUnitDoc>(BOARD_UNITS, { campaignId, ...unitClause('unitId', filter) }),
    store('rectification-ledger').find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId, ...unitClause('unitId', filter) }),
    readRosterParticipation(store('member-roster'), campaignId, filter),
  ]);
  return boardView({ campaign, units: withRosterParticipation(units, roster), tallies, tree, filter }, query);
}

const readTallies = (ledger: ReadStore, campaignId: string) => ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId });

const ALL_UNITS: UnitFilter = { visible: () => true, ids: null };
