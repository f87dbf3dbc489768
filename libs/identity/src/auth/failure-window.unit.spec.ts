import { FailureWindow } from './failure-window';

describe('FailureWindow', () => {
  let now = 0;
  const window = () => new FailureWindow(3, 60_000, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a key try until it reaches the limit within the window, then says how long to wait', () => {
    const w = window();
    w.record('a');
    now += 10_000;
    w.record('a');
    expect(w.retryAfterMs('a')).toBe(0);
    now += 10_000;
    w.record('a');
    expect(w.retryAfterMs('a')).toBe(40_000);
    expect(w.retryAfterMs('b')).toBe(0);
  });

  it('forgets failures older than the window, one at a time', () => {
    const w = window();
    for (let i = 0; i < 3; i++) {
      w.record('a');
      now += 10_000;
    }
    now += 30_001;
    expect(w.retryAfterMs('a')).toBe(0);
    w.record('a');
    expect(w.retryAfterMs('a')).toBe(9_999);
  });

  it('starts over for a key that is cleared', () => {
    const w = window();
    for (let i = 0; i < 3; i++) w.record('a');
    w.clear('a');
    expect(w.retryAfterMs('a')).toBe(0);
  });
});
