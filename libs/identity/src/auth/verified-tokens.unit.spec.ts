import { VerifiedTokens } from './verified-tokens';

describe('verified tokens', () => {
  let now = 1_000;
  const tokens = () => new VerifiedTokens<{ sub: string; exp?: number; nbf?: number }>(() => now);

  it('answers a kept token with its claims until the second its expiry names, then forgets it', () => {
    now = 1_000;
    const kept = tokens();
    kept.keep('t-1', { sub: 'u-1', exp: 1_010 });
    expect(kept.get('t-1')).toEqual({ sub: 'u-1', exp: 1_010 });
    expect(kept.get('t-2')).toBeUndefined();
    now = 1_009;
    expect(kept.get('t-1')?.sub).toBe('u-1');
    now = 1_010;
    expect(kept.get('t-1')).toBeUndefined();
    expect(kept.size).toBe(0);
  });

  it('never keeps a token without an expiry or with a not-before time', () => {
    now = 1_000;
    const kept = tokens();
    kept.keep('no-exp', { sub: 'u-1' });
    kept.keep('nbf', { sub: 'u-1', exp: 2_000, nbf: 1_500 });
    expect(kept.get('no-exp')).toBeUndefined();
    expect(kept.get('nbf')).toBeUndefined();
  });

  it('keeps at most ten thousand tokens, dropping the oldest kept first', () => {
    now = 1_000;
    const kept = tokens();
    for (let i = 0; i <= 10_000; i++) kept.keep(`t-${i}`, { sub: `u-${i}`, exp: 2_000 });
    expect(kept.size).toBe(10_000);
    expect(kept.get('t-0')).toBeUndefined();
    expect(kept.get('t-1')?.sub).toBe('u-1');
    expect(kept.get('t-10000')?.sub).toBe('u-10000');
  });
});
