import { DECIMAL_POSITION_TOKENS } from './position-token';

describe('embedded-store position tokens', () => {
  it('are the positions’ digits, so every bookmark and notice written with a bare position still names it', () => {
    expect(DECIMAL_POSITION_TOKENS.token(12345)).toBe('12345');
    for (const p of [0, 1, 285_000, Number.MAX_SAFE_INTEGER]) expect(DECIMAL_POSITION_TOKENS.position(String(p))).toBe(p);
  });

  it('refuse anything else, and positions beyond 2^53 that would not read back exactly', () => {
    for (const bad of ['', '-1', '1.5', '1e3', '0x10', ' 7', 'C:7/P:7', '2026-11-01', '9007199254740993', '12345678901234567']) {
      expect(DECIMAL_POSITION_TOKENS.position(bad)).toBeNull();
    }
  });
});
