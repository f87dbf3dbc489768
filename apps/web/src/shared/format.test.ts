import { describe, expect, it } from 'vitest';
import { lagText, newProblemId, pct, rateColor, tokenLabel, viewLagText } from './format';

describe('format', () => {
  it('numbers a problem registered from the web by its local day and six characters no one misreads', () => {
    const ids = Array.from({ length: 200 }, () => newProblemId(new Date(2026, 11, 8, 23, 30)));
    for (const id of ids) expect(id).toMatch(/^P-20261208-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // An id the server takes: letters, digits, - and _ only.
    expect(newProblemId()).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('shows position tokens without their sorting padding, keeping the store prefix', () => {
    expect(tokenLabel('0000000000001377')).toBe('1377');
    expect(tokenLabel('0000000000000000')).toBe('0');
    expect(tokenLabel('C:0000000000004096')).toBe('C:4096');
    expect(tokenLabel('12345')).toBe('12345');
  });

  it('shows rates with one decimal and a dash when undefined', () => {
    expect(pct(0.6056)).toBe('60.6%');
    expect(pct(null)).toBe('—');
  });

  it('colours low rates red and high ones green', () => {
    expect(rateColor(0.3)).toBe('#cf1322');
    expect(rateColor(0.7)).toBe('#d46b08');
    expect(rateColor(0.95)).toBe('#389e0d');
  });

  it('says how far a stale view is behind, in events only where the server counted them', () => {
    expect(viewLagText({ events: 3, ms: 1500 }, 'zh')).toBe(' 3 条、约 2 秒');
    expect(viewLagText({ events: null, ms: 800 }, 'zh')).toBe('约 1 秒');
    expect(viewLagText({ events: null, ms: 4200 }, 'en')).toBe('about 4 s');
    expect(viewLagText(null, 'zh')).toBe('…');
  });

  it('says how late a backdated entry was recorded', () => {
    expect(lagText('2026-03-01T00:00:00Z', '2026-03-04T06:00:00Z', 'zh')).toBe('晚 3 天补录');
    expect(lagText('2026-03-01T00:00:00Z', '2026-03-01T30:00:00Z'.replace('30', '20'), 'en')).toBe('recorded 20 h later');
  });
});
