import { NotFoundException } from '@nestjs/common';
import { DEFAULT_METRICS_VERSION, MetricsVersion } from '@platform/domain';
import { Filter, ReadStore } from '@platform/read-models';
import { ViewMoment } from '../shared/view-moment';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LedgerCampaignDoc, LedgerProblemDoc } from './rectification-ledger.documents';
import { byUrgency, ledgerFilter, matchesDay, ProblemListFilters, TrackedProblem, trackProblem } from './tracked-problem';
import { trackerSummary, TrackerSummary } from './tracker-summary';

export const TRACKER_PROJECTIONS = ['rectification-ledger'] as const;

const ledgerOf = (moment: ViewMoment): ReadStore => moment.store('rectification-ledger');

export async function ledgerCampaign(moment: ViewMoment, campaignId: string): Promise<LedgerCampaignDoc> {
  const campaign = await ledgerOf(moment).get<LedgerCampaignDoc>(LEDGER_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  return campaign;
}

/** The view's calendar day: warnings are judged on it. */
export const dayOf = (moment: ViewMoment): string | null => moment.at?.slice(0, 10) ?? null;

/** Counts per responsible unit and rolled up; problems of units outside the filter are not counted. */
export async function readTrackerSummary(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  units: UnitFilter,
  version: MetricsVersion = DEFAULT_METRICS_VERSION,
): Promise<TrackerSummary> {
  const docs = await ledgerOf(moment).find<LedgerProblemDoc>(LEDGER_PROBLEMS, {
    ...ledgerFilter(campaign.campaignId, { statuses: [], handlings: [], sources: [] }),
    ...unitClause('responsibleUnitId', units),
  });
  const tracked = docs.map((d) => trackProblem(d, dayOf(moment), moment.tree, campaign.warningThresholds));
  return trackerSummary(docs, tracked, moment.tree, units, version);
}

/** A problem is listed to anyone whose scope holds one of its units (a joint part's unit sees it too). */
export function listFilter(campaignId: string, f: ProblemListFilters, units: UnitFilter): Filter {
  return { ...ledgerFilter(campaignId, f), ...unitClause('unitIds', units) };
}

/** Every matching problem, most urgent first (day-dependent filters need the whole list). */
export async function readProblemList(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  f: ProblemListFilters,
  units: UnitFilter,
): Promise<TrackedProblem[]> {
  const docs = await ledgerOf(moment).find<LedgerProblemDoc>(LEDGER_PROBLEMS, listFilter(campaign.campaignId, f, units));
  return docs
    .map((d) => trackProblem(d, dayOf(moment), moment.tree, campaign.warningThresholds))
    .filter((p) => matchesDay(p, f))
    .sort(byUrgency);
}

/**
 * The same problems for an export, read from the store a page at a time (keyset on `_id`, so
 * problems added meanwhile neither repeat nor shift a page) and tracked as they are streamed.
 */
export async function* streamProblems(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  f: ProblemListFilters,
  units: UnitFilter,
  pageSize = 500,
): AsyncGenerator<TrackedProblem> {
  const filter = listFilter(campaign.campaignId, f, units);
  for (let last = ''; ; ) {
    const page = await ledgerOf(moment).find<LedgerProblemDoc>(
      LEDGER_PROBLEMS,
      { $and: [filter, { _id: { $gt: last } }] },
      { sort: { _id: 1 }, limit: pageSize },
    );
    for (const d of page) {
      const p = trackProblem(d, dayOf(moment), moment.tree, campaign.warningThresholds);
      if (matchesDay(p, f)) yield p;
    }
    if (page.length < pageSize) return;
    last = page[page.length - 1]._id;
  }
}
