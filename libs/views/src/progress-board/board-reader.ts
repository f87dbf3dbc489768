import { NotFoundException } from '@nestjs/common';
import { ReadStore } from '@platform/read-models';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
import { MomentMemo, ViewMoment } from '../shared/view-moment';
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
  memo?: MomentMemo,
): Promise<BoardView> {
  const board: ReadStore = store('progress-board');
  const ledger: ReadStore = store('rectification-ledger');
  const campaign = await board.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  // Ranking needs every unit in scope. With a memo, the campaign's rows are read and parsed once per
  // moment and each request filters them; without, only the scope's are read.
  const [[units, tallies], roster] = await Promise.all([
    memo
      ? Promise.all([
          memo('progress-board', `${BOARD_UNITS}:${campaignId}`, () => board.find<BoardUnitDoc>(BOARD_UNITS, { campaignId })),
          memo('rectification-ledger', `${LEDGER_UNIT_TALLIES}:${campaignId}`, () => ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId })),
        ])
      : Promise.all([
          board.find<BoardUnitDoc>(BOARD_UNITS, { campaignId, ...unitClause('unitId', filter) }),
          ledger.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId, ...unitClause('unitId', filter) }),
        ]),
    readRosterParticipation(store('member-roster'), campaignId, filter),
  ]);
  return boardView({ campaign, units: withRosterParticipation(units, roster), tallies, tree, filter }, query);
}
