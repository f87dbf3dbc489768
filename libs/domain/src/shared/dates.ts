/** Whole days from `from` to `to` (UTC calendar days of ISO dates or times); negative when `to` is past. */
export function daysBetween(from: string, to: string): number {
  const day = 86_400_000;
  const a = Date.UTC(...ymd(from));
  const b = Date.UTC(...ymd(to));
  return Math.round((b - a) / day);
}

/** The calendar day `days` after (or before, when negative) the day of `iso`, as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.UTC(...ymd(iso)) + days * 86_400_000).toISOString().slice(0, 10);
}

function ymd(iso: string): [number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
}
