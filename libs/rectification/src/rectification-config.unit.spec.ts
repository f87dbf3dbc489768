import { loadRectificationConfig } from './rectification-config';

describe('rectification config', () => {
  it('runs the deadline check hourly by default and not at all under tests unless asked', () => {
    expect(loadRectificationConfig({}).warningJobIntervalMs).toBe(3_600_000);
    expect(loadRectificationConfig({ NODE_ENV: 'test' }).warningJobIntervalMs).toBeNull();
    expect(loadRectificationConfig({ NODE_ENV: 'test', WARNING_JOB_INTERVAL_MS: '500' }).warningJobIntervalMs).toBe(500);
  });

  it('keeps the check off in a process whose platform config says it is not its job (an API replica)', () => {
    expect(loadRectificationConfig({ WARNING_JOB_INTERVAL_MS: '500' }, { deadlineWarnings: false }).warningJobIntervalMs).toBeNull();
    expect(loadRectificationConfig({ WARNING_JOB_INTERVAL_MS: '500' }, { deadlineWarnings: true }).warningJobIntervalMs).toBe(500);
  });

  it('refuses a bad interval or time zone, naming the variable', () => {
    expect(() => loadRectificationConfig({ WARNING_JOB_INTERVAL_MS: '-1' })).toThrow(/WARNING_JOB_INTERVAL_MS must be a whole number/);
    expect(() => loadRectificationConfig({ OFFICE_TIME_ZONE: 'Mars/Base' })).toThrow(/OFFICE_TIME_ZONE must be an IANA time zone/);
  });
});
