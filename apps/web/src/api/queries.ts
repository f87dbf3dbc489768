import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useAppState } from '../shared/app-state';
import { unwrap } from './errors';
import { api } from './http';
import type { operations } from './schema';
import type {
  AuditPage,
  Board,
  CampaignSummary,
  ChainReport,
  KeyTaskNoticeSummary,
  KeyTaskSchedule,
  KeyTaskSummary,
  Notice,
  NoticeSummary,
  ProblemPage,
  RosterCounts,
  Timeline,
  Tracker,
  Unit,
  UnitProgress,
  UnitRoster,
} from './view-types';
import type { SessionUser } from '../auth/session';
import { useViewStatus } from './use-view-status';

type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
export type BoardFilters = Omit<Query<'getProgressBoard'>, 'asOf' | 'skip' | 'limit'>;
export type ProblemFilters = Omit<Query<'listTrackedProblems'>, 'asOf'>;
export type AuditFilters = Omit<Query<'searchAuditTrail'>, 'asOf'>;

/** While a view answers stale, it is asked again every two seconds until the projections caught up. */
function useStaleRefetch(): number | false {
  return useViewStatus().stale ? 2000 : false;
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: async () => unwrap<SessionUser>(await api.GET('/api/auth/me')) });
}

/**
 * What each view asks, as plain options: the pages' hooks use them, and the route loaders
 * (route-data.ts) start the same requests before the page's code has even loaded.
 */
export const campaignsQuery = () =>
  queryOptions({
    queryKey: ['campaigns'],
    queryFn: async () => unwrap<{ items: CampaignSummary[] }>(await api.GET('/api/campaigns')).items,
  });

export const organizationsQuery = () =>
  queryOptions({
    queryKey: ['organizations'],
    staleTime: 5 * 60_000,
    queryFn: async () => unwrap<{ units: Unit[] }>(await api.GET('/api/organizations', { params: { query: {} } })).units,
  });

/** Which rows of the ranking to fetch; by default all of them (the home pages count in them). */
export interface RowsPage {
  readonly skip: number;
  readonly limit: number;
}
const ALL_ROWS: RowsPage = { skip: 0, limit: 5000 };

export const boardQuery = (campaignId: string, asOf: string | null, filters: BoardFilters, rows: RowsPage = ALL_ROWS) =>
  queryOptions({
    queryKey: ['board', campaignId, asOf, filters, rows],
    queryFn: async () =>
      unwrap<Board>(
        await api.GET('/api/campaigns/{campaignId}/board', {
          params: { path: { campaignId }, query: { ...filters, ...rows, ...(asOf ? { asOf } : {}) } },
        }),
      ),
  });

export const trackerQuery = (campaignId: string, asOf: string | null, root: string | undefined) =>
  queryOptions({
    queryKey: ['tracker', campaignId, asOf, root],
    queryFn: async () =>
      unwrap<Tracker>(
        await api.GET('/api/campaigns/{campaignId}/rectification-tracker', {
          params: { path: { campaignId }, query: { root, limit: 5000, ...(asOf ? { asOf } : {}) } },
        }),
      ),
  });

export const problemsQuery = (campaignId: string, asOf: string | null, filters: ProblemFilters) =>
  queryOptions({
    queryKey: ['problems', campaignId, asOf, filters],
    queryFn: async () =>
      unwrap<ProblemPage>(
        await api.GET('/api/campaigns/{campaignId}/rectification-tracker/problems', {
          params: { path: { campaignId }, query: { ...filters, ...(asOf ? { asOf } : {}) } },
          querySerializer: { array: { style: 'form', explode: false } },
        }),
      ),
  });

export const timelineQuery = (problemId: string, asOf: string | null) =>
  queryOptions({
    queryKey: ['timeline', problemId, asOf],
    queryFn: async () =>
      unwrap<Timeline>(
        await api.GET('/api/rectification-tracker/problems/{problemId}/timeline', {
          params: { path: { problemId }, query: asOf ? { asOf } : {} },
        }),
      ),
  });

export function useCampaigns() {
  return useQuery(campaignsQuery());
}

export function useOrganizations() {
  return useQuery(organizationsQuery());
}

export function useBoard(filters: BoardFilters, enabled = true, rows?: RowsPage) {
  const { campaignId, asOf } = useAppState();
  const refetchInterval = useStaleRefetch();
  return useQuery({ ...boardQuery(campaignId ?? '', asOf, filters, rows), enabled: enabled && !!campaignId, placeholderData: keepPreviousData, refetchInterval });
}

export function useTracker(root: string | undefined) {
  const { campaignId, asOf } = useAppState();
  const refetchInterval = useStaleRefetch();
  return useQuery({ ...trackerQuery(campaignId ?? '', asOf, root), enabled: !!campaignId, placeholderData: keepPreviousData, refetchInterval });
}

export function useProblems(filters: ProblemFilters) {
  const { campaignId, asOf } = useAppState();
  const refetchInterval = useStaleRefetch();
  return useQuery({ ...problemsQuery(campaignId ?? '', asOf, filters), enabled: !!campaignId, placeholderData: keepPreviousData, refetchInterval });
}

export function useTimeline(problemId: string) {
  const { asOf } = useAppState();
  const refetchInterval = useStaleRefetch();
  return useQuery({ ...timelineQuery(problemId, asOf), refetchInterval });
}

export function useAuditTrail(filters: AuditFilters) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['audit', asOf, filters],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap<AuditPage>(
        await api.GET('/api/audit-trail', {
          params: { query: { ...filters, ...(asOf ? { asOf } : {}) } },
          querySerializer: { array: { style: 'form', explode: false } },
        }),
      ),
  });
}

export function useChain() {
  return useQuery({
    queryKey: ['chain'],
    enabled: false,
    queryFn: async () => unwrap<ChainReport>(await api.GET('/api/audit-trail/chain', { params: { query: {} } })),
  });
}

export function useNotices() {
  const { campaignId, asOf } = useAppState();
  return useQuery({
    queryKey: ['notices', campaignId, asOf],
    enabled: !!campaignId,
    queryFn: async () =>
      unwrap<{ notices: NoticeSummary[] }>(
        await api.GET('/api/campaigns/{campaignId}/notices', { params: { path: { campaignId: campaignId! } } }),
      ).notices,
  });
}

export function useNotice(noticeId: string) {
  return useQuery({
    queryKey: ['notice', noticeId],
    queryFn: async () => unwrap<Notice>(await api.GET('/api/notices/{noticeId}', { params: { path: { noticeId } } })),
  });
}

export function useUnitProgress(unitId: string) {
  const { campaignId } = useAppState();
  return useQuery({
    queryKey: ['unit-progress', campaignId, unitId],
    enabled: !!campaignId,
    queryFn: async () =>
      unwrap<UnitProgress>(
        await api.GET('/api/campaigns/{campaignId}/units/{unitId}', { params: { path: { campaignId: campaignId!, unitId } } }),
      ),
  });
}

/** A unit's member roster: names only when the server shows them to this user. */
export function useUnitRoster(unitId: string) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['unit-roster', unitId, asOf],
    enabled: !!unitId,
    queryFn: async () => unwrap<UnitRoster>(await api.GET('/api/units/{unitId}/roster', { params: { path: { unitId }, query: asOf ? { asOf } : {} } })),
  });
}

/** Roster counts per unit in the user's scope, rolled up the tree: never a name. */
export function useRosterCounts() {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['roster-counts', asOf],
    queryFn: async () => unwrap<RosterCounts>(await api.GET('/api/member-rosters', { params: { query: asOf ? { asOf } : {} } })),
  });
}

export function useKeyTasks() {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['key-tasks', asOf],
    refetchInterval: useStaleRefetch(),
    queryFn: async () => unwrap<{ tasks: KeyTaskSummary[] }>(await api.GET('/api/key-tasks', { params: { query: asOf ? { asOf } : {} } })).tasks,
  });
}

export function useKeyTaskSchedule(taskId: string, stockTakeId: string | undefined) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['key-task-schedule', taskId, stockTakeId, asOf],
    placeholderData: keepPreviousData,
    refetchInterval: useStaleRefetch(),
    queryFn: async () =>
      unwrap<KeyTaskSchedule>(
        await api.GET('/api/key-tasks/{taskId}/schedule', { params: { path: { taskId }, query: { ...(stockTakeId ? { stockTakeId } : {}), ...(asOf ? { asOf } : {}) } } }),
      ),
  });
}

export function useKeyTaskNotices(taskId: string) {
  return useQuery({
    queryKey: ['key-task-notices', taskId],
    queryFn: async () => unwrap<{ notices: KeyTaskNoticeSummary[] }>(await api.GET('/api/key-tasks/{taskId}/notices', { params: { path: { taskId } } })).notices,
  });
}
