import { NotFoundException } from '@nestjs/common';
import { DEFAULT_METRICS_VERSION, MetricsVersion } from '@platform/domain';
import { Filter, ReadStore } from '@platform/read-models';
import { ViewMoment } from '../shared/view-moment';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LedgerCampaignDoc, LedgerProblemDoc } from './rectification-ledger.documents';
import { dayFilter } from './day-filters';
import { ledgerFilter, ProblemListFilters, TrackedProblem, trackProblem } from './tracked-problem';
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

/**
 * One page of the matching problems, most urgent first (overdue, then the nearest running
 * deadline, then problems whose clock stopped: see urgencyKeyOf). The day-dependent filters are
 * ranges on the running deadline, so the store filters, sorts, counts and pages: a page of a
 * city-wide list reads only that page.
 */
export async function readProblemPage(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  f: ProblemListFilters,
  units: UnitFilter,
  page: { skip: number; limit: number },
): Promise<{ total: number; items: TrackedProblem[] }> {
  const day = dayFilter(f, dayOf(moment), campaign.warningThresholds);
  if (day === null) return { total: 0, items: [] };
  const filter = { ...listFilter(campaign.campaignId, f, units), ...day };
  const store = ledgerOf(moment);
  const [docs, total] = await Promise.all([
    store.find<LedgerProblemDoc>(LEDGER_PROBLEMS, filter, { sort: { urgencyKey: 1 }, skip: page.skip, limit: page.limit }),
    store.count(LEDGER_PROBLEMS, filter),
  ]);
  return { total, items: docs.map((d) => trackProblem(d, dayOf(moment), moment.tree, campaign.warningThresholds)) };
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
  const day = dayFilter(f, dayOf(moment), campaign.warningThresholds);
  if (day === null) return;
  const filter = { ...listFilter(campaign.campaignId, f, units), ...day };
  for (let last = ''; ; ) {
    const page = await ledgerOf(moment).find<LedgerProblemDoc>(
      LEDGER_PROBLEMS,
      { $and: [filter, { _id: { $gt: last } }] },
      { sort: { _id: 1 }, limit: pageSize },
    );
    for (const d of page) yield trackProblem(d, dayOf(moment), moment.tree, campaign.warningThresholds);
    if (page.length < pageSize) return;
    last = page[page.length - 1]._id;
  }
}
