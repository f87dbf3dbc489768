import { NotFoundException } from '@nestjs/common';
import { ReadStore } from '@platform/read-models';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
import { MomentMemo, ViewMoment } from '../shared/view-moment';
import { BoardQuery, boardView, BoardView } from './board-view';
import { RankedBoard } from './ranked-board';
import { CURRENT_HANDLING_VERSION } from '@platform/domain';
import { readRosterParticipation, withRosterParticipation } from '../member-roster/roster-participation';
import { BOARD_CAMPAIGNS, BOARD_UNITS, BoardCampaignDoc, BoardUnitDoc } from './progress-board.documents';

export const BOARD_PROJECTIONS = ['progress-board', 'rectification-ledger', 'member-roster'] as const;

/** Reads what the board needs from the moment's stores (live or replayed) and computes it. */
export async function readBoard(
  store: ViewMoment['store'],
  tree: ViewMoment['tree'],
  campaignId: string,
  filter: UnitFilter,
  query: BoardQuery,
  memo?: MomentMemo,
): Promise<BoardView> {
  const board: ReadStore = store('progress-board');
  const ledger: ReadStore = store('rectification-ledger');
  const campaign = await board.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  if (memo) {
    // Ranking needs every unit in scope: the campaign's board is prepared once per moment (and
    // rule), and each request keeps its visible rows and reads its roll-ups off the prepared sums.
    const rules = { metricsVersion: query.metricsVersion, handlingVersion: query.handlingVersion ?? CURRENT_HANDLING_VERSION };
    const ranked = await memo(BOARD_PROJECTIONS, `ranked-board:${campaignId}:${rules.metricsVersion}:${rules.handlingVersion}`, async () => {
      const [units, tallies, roster] = await Promise.all([
        // The units only feed the prepared board; the tallies are shared with the tracker's past moments.
        board.find<BoardUnitDoc>(BOARD_UNITS, { campaignId }),
        memo('rectification-ledger', `${LEDGER_UNIT_TALLIES}:${campaignId}`, () => ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId })),
        readRosterParticipation(store('member-roster'), campaignId, ALL_UNITS),
      ]);
      return new RankedBoard({ campaign, units: withRosterParticipation(units, roster), tallies, tree }, rules);
    });
    return ranked.view(tree, filter, query);
  }
  // Without a memo (a notice, its reproduction): only the scope's units are read.
  const [units, tallies, roster] = await Promise.all([
    board.find<BoardUnitDoc>(BOARD_UNITS, { campaignId, ...unitClause('unitId', filter) }),
    ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId, ...unitClause('unitId', filter) }),
    readRosterParticipation(store('member-roster'), campaignId, filter),
  ]);
  return boardView({ campaign, units: withRosterParticipation(units, roster), tallies, tree, filter }, query);
}

const ALL_UNITS: UnitFilter = { visible: () => true, ids: null };
