import { Inject, Injectable } from '@nestjs/common';
import { addDays, ProblemState } from '@platform/domain';
import { READ_STORE, ReadStore } from '@platform/read-models';
import { WarningCandidates } from '@platform/rectification';
import { ViewMoments } from '../shared/view-moment';
import {
  LEDGER_CAMPAIGNS,
  LEDGER_PROBLEM_STATES,
  LEDGER_PROBLEMS,
  LedgerCampaignDoc,
  LedgerProblemDoc,
  LedgerProblemStateDoc,
} from './rectification-ledger.documents';

/** Enough ids per read to keep the `$in` list of one query small. */
const CHUNK = 500;

/**
 * The warning check's candidates from the ledger: problems whose nearest running deadline is at
 * most the widest warning window of any campaign away (or past; a stopped clock's sorts after
 * every date), found on the ledger's index on that deadline, with the states the ledger folded.
 */
@Injectable()
export class LedgerWarningCandidates implements WarningCandidates {
  constructor(private readonly moments: ViewMoments, @Inject(READ_STORE) private readonly store: ReadStore) {}

  async dueOn(today: string): Promise<ProblemState[]> {
    await this.moments.catchUp(['rectification-ledger']);
    const campaigns = await this.store.find<LedgerCampaignDoc>(LEDGER_CAMPAIGNS);
    if (campaigns.length === 0) return [];
    const widest = Math.max(...campaigns.map((c) => Math.max(c.warningThresholds.greenDays, c.warningThresholds.yellowDays)));
    const due = await this.store.find<LedgerProblemDoc>(LEDGER_PROBLEMS, { runningDeadline: { $lte: addDays(today, widest) } }, { hint: 'runningDeadline' });
    const states: ProblemState[] = [];
    for (let i = 0; i < due.length; i += CHUNK) {
      const ids = due.slice(i, i + CHUNK).map((d) => d._id);
      const docs = await this.store.find<LedgerProblemStateDoc>(LEDGER_PROBLEM_STATES, { _id: { $in: ids } });
      states.push(...docs.map((d) => d.state));
    }
    return states;
  }
}
