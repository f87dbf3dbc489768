import type { TimelineEvent } from '../api/view-types';
import { ROLE_NAMES } from './roles';

/** Names the page already holds: units by id, campaigns by id. A missing name falls back to the id. */
export interface Names {
  readonly unit: (unitId: string) => string | undefined;
  readonly campaign: (campaignId: string) => string | undefined;
}

/** What an audit entry is about, in words a supervision group reads, and where to look at it. */
export interface Subject {
  readonly text: string;
  readonly href: string | null;
}

type Lang = 'zh' | 'en';

// The kinds of stream, keyed by the stream id's prefix. Where one prefix starts another, the longer
// comes first: "assessment-scheme-" must win over "assessment-", "username-" over "user-".
const UNIT_STREAMS: readonly [prefix: string, zh: string, en: string, href: (unitId: string) => string | null][] = [
  ['demonstration-point-', '示范点', 'demonstration point', (u) => `/demonstration-points/${encodeURIComponent(u)}`],
  ['member-roster-', '党员名册', 'member roster', (u) => `/roster/${encodeURIComponent(u)}`],
  ['org-', '组织', 'organization', (u) => `/units/${encodeURIComponent(u)}`],
];
const CAMPAIGN_UNIT_STREAMS: readonly [prefix: string, zh: string, en: string][] = [
  ['progress-', '学习进度', 'progress'],
  ['satisfaction-', '满意度', 'satisfaction'],
];
const OTHER_STREAMS: readonly [prefix: string, zh: string, en: string, route: string | null][] = [
  ['assessment-scheme-', '考核方案', 'assessment scheme', null],
  ['assessment-', '考核', 'assessment', null],
  ['instruction-', '批示', 'instruction', '/instructions/'],
  ['key-task-', '重点任务', 'key task', '/key-tasks/'],
  ['notice-', '通报', 'notice', '/notices/'],
  ['import-', '导入', 'import', null],
  ['inbox-', '待办', 'inbox', null],
  ['username-', '用户名', 'username', null],
  ['user-', '用户', 'user', null],
];

/**
 * The stream an event was written to, as its subject: "问题 P-000123" links to the problem, a unit's
 * progress in a campaign names the unit and the campaign. Ids the page has no name for stay as ids.
 */
export function streamSubject(streamId: string, names: Names, lang: Lang): Subject {
  const word = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  if (streamId.startsWith('problem-')) {
    const problemId = streamId.slice('problem-'.length);
    return { text: `${word('问题', 'Problem')} ${problemId}`, href: `/problems/${encodeURIComponent(problemId)}` };
  }
  if (streamId.startsWith('campaign-')) {
    const campaignId = streamId.slice('campaign-'.length);
    return { text: `${word('活动', 'Campaign')} ${names.campaign(campaignId) ?? campaignId}`, href: null };
  }
  for (const [prefix, zh, en] of CAMPAIGN_UNIT_STREAMS) {
    if (!streamId.startsWith(prefix)) continue;
    // "<campaignId>.<unitId>": unit ids carry no dot, campaign ids may.
    const rest = streamId.slice(prefix.length);
    const dot = rest.lastIndexOf('.');
    if (dot < 0) break;
    const unitId = rest.slice(dot + 1);
    return { text: `${names.unit(unitId) ?? unitId} · ${word(zh, en)}`, href: `/units/${encodeURIComponent(unitId)}` };
  }
  for (const [prefix, zh, en, href] of UNIT_STREAMS) {
    if (!streamId.startsWith(prefix)) continue;
    const unitId = streamId.slice(prefix.length);
    return { text: `${names.unit(unitId) ?? unitId} · ${word(zh, en)}`, href: href(unitId) };
  }
  for (const [prefix, zh, en, route] of OTHER_STREAMS) {
    if (!streamId.startsWith(prefix)) continue;
    const id = streamId.slice(prefix.length);
    return { text: `${word(zh, en)} ${id}`, href: route && route + encodeURIComponent(id) };
  }
  return { text: streamId, href: null };
}

// Actors that are no signed-in staff member: the platform's own jobs, which the server marks as such
// (they record under the administrator's role), and a ballot recorded for the public.
const SYSTEM_ACTOR = ['系统', 'System'] as const;
const PUBLIC_ACTOR = ['群众', 'The public'] as const;

/** Who recorded an event: the role in the reader's language and the unit's name; the user id stays for the tooltip. */
export function actorText({ actor, actorKind }: Pick<TimelineEvent, 'actor' | 'actorKind'>, names: Names, lang: Lang): string {
  const i = lang === 'zh' ? 0 : 1;
  if (actorKind === 'platform') return SYSTEM_ACTOR[i];
  const role = actor.role === 'public' ? PUBLIC_ACTOR[i] : (ROLE_NAMES[actor.role as keyof typeof ROLE_NAMES]?.[i] ?? actor.role);
  const unit = actor.unitId ? (names.unit(actor.unitId) ?? actor.unitId) : null;
  return unit ? `${unit} · ${role}` : role;
}
