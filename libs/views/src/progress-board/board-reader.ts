import { NotFoundException } from '@nestjs/common';
import { ReadStore } from '@platform/read-models';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
import { ViewMoment } from '../shared/view-moment';
import { BoardQuery, boardView, BoardView } from './board-view';
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
): Promise<BoardView> {
  const board: ReadStore = store('progress-board');
  const ledger: ReadStore = store('rectification-ledger');
  const campaign = await board.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  const ofCampaign = { campaignId, ...unitClause('unitId', filter) };
  const [units, tallies, roster] = await Promise.all([
    board.find<BoardUnitDoc>(BOARD_UNITS, ofCampaign),
    ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, ofCampaign),
    readRosterParticipation(store('member-roster'), campaignId, filter),
  ]);
  return boardView({ campaign, units: withRosterParticipation(units, roster), tallies, tree, filter }, query);
}
