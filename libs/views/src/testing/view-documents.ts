import { Projection } from '@platform/read-models';
import { specifyProjection, GivenEvent } from '@platform/read-models/testing/projection-specification';
import { BOARD_CAMPAIGNS, BOARD_UNITS, BoardCampaignDoc, BoardUnitDoc } from '../progress-board/progress-board.documents';
import { progressBoardProjection } from '../progress-board/progress-board.projection';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LedgerCampaignDoc, LedgerProblemDoc } from '../rectification-tracker/rectification-ledger.documents';
import { rectificationLedgerProjection } from '../rectification-tracker/rectification-ledger.projection';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from '../rectification-tracker/unit-tallies';

/** The documents the board and the ledger projections build from these events. */
export async function viewDocuments(events: readonly GivenEvent[]) {
  const board = await specifyProjection(progressBoardProjection as Projection).given(events).documents();
  const ledger = await specifyProjection(rectificationLedgerProjection as Projection).given(events).documents();
  return {
    campaigns: board[BOARD_CAMPAIGNS] as unknown as BoardCampaignDoc[],
    units: board[BOARD_UNITS] as unknown as BoardUnitDoc[],
    ledgerCampaigns: ledger[LEDGER_CAMPAIGNS] as unknown as LedgerCampaignDoc[],
    problems: ledger[LEDGER_PROBLEMS] as unknown as LedgerProblemDoc[],
    tallies: ledger[LEDGER_UNIT_TALLIES] as unknown as UnitTallyDoc[],
  };
}
