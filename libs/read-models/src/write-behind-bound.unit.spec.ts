import { mayKeepPending, pendingWeight } from './write-behind-bound';

describe('the runner-wide bound on pending documents', () => {
  it('lets every projection keep its documents while they hold less than the bound together', () => {
    expect(mayKeepPending(10, { total: 99, largest: 60 }, 100)).toBe(true);
    expect(mayKeepPending(60, { total: 99, largest: 60 }, 100)).toBe(true);
  });

  it('over the bound, has the projection holding the most store its documents and the others keep theirs', () => {
    expect(mayKeepPending(70, { total: 120, largest: 70 }, 100)).toBe(false);
    expect(mayKeepPending(50, { total: 120, largest: 70 }, 100)).toBe(true);
  });

  it('has every projection store once they hold twice the bound, should the largest not get to it', () => {
    expect(mayKeepPending(50, { total: 200, largest: 150 }, 100)).toBe(false);
  });

  it('has two projections holding the most alike both store', () => {
    expect(mayKeepPending(60, { total: 120, largest: 60 }, 100)).toBe(false);
  });

  it('over the bound, has the projection whose events rewrote least of what they wrote store, though another holds as much', () => {
    // Written once (an entry per event) against rewritten ten times over (a few documents, many events).
    const writtenOnce = pendingWeight(40, 40);
    const rewritten = pendingWeight(50, 500);
    expect(writtenOnce).toBe(40);
    expect(rewritten).toBe(5);
    // With a third projection holding 30.
    const held = { total: 40 + 50 + 30, largest: Math.max(writtenOnce, rewritten) };
    expect(mayKeepPending(writtenOnce, held, 100)).toBe(false);
    expect(mayKeepPending(rewritten, held, 100)).toBe(true);
    // Nothing written yet, or written once: its bytes.
    expect(pendingWeight(0, 0)).toBe(0);
  });
});
