import { NotFoundException } from '@nestjs/common';
import { DEFAULT_METRICS_VERSION, MetricsVersion } from '@platform/domain';
import { Filter, findPage, ReadStore } from '@platform/read-models';
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
  return trackerSummary(docs, docs.map(tracker(moment, campaign)), moment.tree, units, version);
}

/**
 * The list's whole filter; null when nothing can match. A problem is listed to anyone whose scope
 * holds one of its units (a joint part's unit sees it too).
 */
function listFilter(moment: ViewMoment, campaign: LedgerCampaignDoc, f: ProblemListFilters, units: UnitFilter): Filter | null {
  const day = dayFilter(f, dayOf(moment), campaign.warningThresholds);
  return day && { ...ledgerFilter(campaign.campaignId, f), ...unitClause('unitIds', units), ...day };
}

const tracker = (moment: ViewMoment, campaign: LedgerCampaignDoc) => {
  const today = dayOf(moment);
  return (d: LedgerProblemDoc) => trackProblem(d, today, moment.tree, campaign.warningThresholds);
};

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
  const filter = listFilter(moment, campaign, f, units);
  if (filter === null) return { total: 0, items: [] };
  const { items, total } = await findPage<LedgerProblemDoc>(ledgerOf(moment), LEDGER_PROBLEMS, filter, { sort: { urgencyKey: 1 }, ...page });
  return { total, items: items.map(tracker(moment, campaign)) };
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
  const filter = listFilter(moment, campaign, f, units);
  if (filter === null) return;
  const track = tracker(moment, campaign);
  for (let last = ''; ; ) {
    const page = await ledgerOf(moment).find<LedgerProblemDoc>(
      LEDGER_PROBLEMS,
      { $and: [filter, { _id: { $gt: last } }] },
      { sort: { _id: 1 }, limit: pageSize },
    );
    for (const d of page) yield track(d);
    if (page.length < pageSize) return;
    last = page[page.length - 1]._id;
  }
}
