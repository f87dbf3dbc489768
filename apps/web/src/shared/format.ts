import type { WarningLevel } from '../api/view-types';

/** A rate as a percentage with one decimal, or a dash when there is nothing to divide. */
export function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A stored instant in the reader's local time, to the minute. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The colour offices use for a deadline warning: green ≤20 days, yellow ≤10, red overdue. */
export const WARNING_COLOR: Record<WarningLevel, string> = { none: 'default', green: 'green', yellow: 'gold', red: 'red' };

/** A colour for a rate on a board: red below 60 %, orange below 85 %, green above. */
export function rateColor(rate: number | null | undefined): string | undefined {
  if (rate === null || rate === undefined) return undefined;
  return rate < 0.6 ? '#cf1322' : rate < 0.85 ? '#d46b08' : '#389e0d';
}

/** How long ago an event was recorded after it happened, in words, for a backdated entry. */
export function lagText(occurredAt: string, recordedAt: string, lang: 'zh' | 'en'): string {
  const hours = Math.round((Date.parse(recordedAt) - Date.parse(occurredAt)) / 3_600_000);
  const days = Math.floor(hours / 24);
  if (lang === 'zh') return days >= 1 ? `晚 ${days} 天补录` : `晚 ${hours} 小时补录`;
  return days >= 1 ? `recorded ${days} d later` : `recorded ${hours} h later`;
}

/** How far a stale view is behind: the events where the server could count them, and the time. */
export function viewLagText(lag: { events: number | null; ms: number } | null, lang: 'zh' | 'en'): string {
  if (!lag) return '…';
  const seconds = Math.max(1, Math.round(lag.ms / 1000));
  if (lang === 'zh') return lag.events === null ? `约 ${seconds} 秒` : ` ${lag.events} 条、约 ${seconds} 秒`;
  return lag.events === null ? `about ${seconds} s` : `${lag.events} events, about ${seconds} s`;
}

/** A fresh Idempotency-Key: one per submission, reused when the same submission is retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

// Crockford's base 32: no I, L, O or U, so a number read aloud or copied by hand is not misread.
const NUMBER_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id of a problem registered from the web, as people quote it in meetings and on the audit trail:
 * the day it was registered (local time) and six random characters, "P-20261208-7KQ3FD". The client
 * chooses it, as it chooses an Idempotency-Key, so a retried registration cannot create a second
 * problem; with a billion numbers a day, two registrations of one day drawing the same number are
 * unlikely, and the second would be refused as already registered, not merged.
 */
export function newProblemId(now: Date = new Date()): string {
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  const random = crypto.getRandomValues(new Uint8Array(6));
  return `P-${day}-${Array.from(random, (b) => NUMBER_DIGITS[b & 31]).join('')}`;
}

/**
 * A position token as a person reads it: the zero padding that makes tokens sort as strings is
 * dropped (`0000000000001377` → `1377`, `C:0000000000004096` → `C:4096`). For display only: links,
 * cursors and `asOf` always carry the token as the server gave it.
 */
export function tokenLabel(token: string): string {
  return token.replace(/(^|:)0+(?=\d)/g, '$1');
}
