import { JobsConfig } from '@platform/common';

export const RECTIFICATION_CONFIG = Symbol('RECTIFICATION_CONFIG');

export interface RectificationConfig {
  /** How often the deadline-warning job runs; null when it does not run on its own. */
  readonly warningJobIntervalMs: number | null;
  /** The office's time zone: a deadline day ends at its midnight, not UTC's. */
  readonly officeTimeZone: string;
}

const HOUR = 3_600_000;

/**
 * WARNING_JOB_INTERVAL_MS (default one hour; 0 turns the job off) and OFFICE_TIME_ZONE (default
 * Asia/Shanghai). Under NODE_ENV=test the job stays off unless the interval is set explicitly,
 * so tests decide when warnings are raised.
 */
export function loadRectificationConfig(env: NodeJS.ProcessEnv = process.env, jobs?: JobsConfig): RectificationConfig {
  const raw = jobs?.deadlineWarnings === false ? '0' : env.WARNING_JOB_INTERVAL_MS;
  const interval = raw === undefined || raw === '' ? (env.NODE_ENV === 'test' ? 0 : HOUR) : Number(raw);
  if (!Number.isInteger(interval) || interval < 0) throw new Error(`WARNING_JOB_INTERVAL_MS must be a whole number of ms ≥ 0, got "${raw}"`);
  const officeTimeZone = env.OFFICE_TIME_ZONE || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: officeTimeZone });
  } catch {
    throw new Error(`OFFICE_TIME_ZONE must be an IANA time zone, got "${officeTimeZone}"`);
  }
  return { warningJobIntervalMs: interval === 0 ? null : interval, officeTimeZone };
}
