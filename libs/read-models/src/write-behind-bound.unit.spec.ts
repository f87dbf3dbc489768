import { mayKeepPending, mayKeepRebuilding, pendingWeight } from './write-behind-bound';

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

  describe('in a rebuild', () => {
    // An entry per event, written once; a few documents rewritten by many events; in between.
    const auditTrail = { bytes: 30, written: 30 };
    const ledger = { bytes: 60, written: 600 };
    const search = { bytes: 20, written: 40 };

    it('lets every projection keep its documents while they hold less than the bound together', () => {
      expect(mayKeepRebuilding(auditTrail, [ledger], 100)).toBe(true);
      expect(mayKeepRebuilding(ledger, [auditTrail], 100)).toBe(true);
    });

    it('over the bound, has those that save least by keeping store first, as far as that brings the rest under the bound', () => {
      // 110 held: the audit trail storing brings the rest to 80, so the others keep theirs.
      expect(mayKeepRebuilding(auditTrail, [ledger, search], 100)).toBe(false);
      expect(mayKeepRebuilding(search, [ledger, auditTrail], 100)).toBe(true);
      expect(mayKeepRebuilding(ledger, [auditTrail, search], 100)).toBe(true);
      // 130 held: the audit trail's 30 is not enough, the search stores too; the ledger still keeps.
      const moreSearch = { bytes: 40, written: 80 };
      expect(mayKeepRebuilding(moreSearch, [ledger, auditTrail], 100)).toBe(false);
      expect(mayKeepRebuilding(ledger, [auditTrail, moreSearch], 100)).toBe(true);
    });

    it('keeps the ledger pending though it weighs the most once the audit trail just stored', () => {
      const justStored = { bytes: 5, written: 5 };
      const others = [justStored, { bytes: 40, written: 120 }];
      expect(pendingWeight(60, 600)).toBeGreaterThan(pendingWeight(5, 5));
      expect(mayKeepPending(pendingWeight(60, 600), { total: 105, largest: pendingWeight(60, 600) }, 100)).toBe(false);
      expect(mayKeepRebuilding(justStored, [ledger, others[1]], 100)).toBe(false);
      // Of two that rewrite, the one that saves less per byte stores: the rest is then under the bound.
      expect(mayKeepRebuilding(ledger, others, 100)).toBe(true);
      expect(mayKeepRebuilding(others[1], [ledger, justStored], 100)).toBe(false);
    });

    it('has a projection that rewrites its documents store once it alone holds the bound, as rebuilt alone', () => {
      expect(mayKeepRebuilding({ bytes: 100, written: 900 }, [], 100)).toBe(false);
      expect(mayKeepRebuilding({ bytes: 99, written: 900 }, [], 100)).toBe(true);
    });

    it('has every projection store once they hold twice the bound together', () => {
      expect(mayKeepRebuilding(ledger, [{ bytes: 140, written: 140 }], 100)).toBe(false);
    });

    it('has two that save alike and hold alike both store', () => {
      expect(mayKeepRebuilding(auditTrail, [{ ...auditTrail }, { bytes: 50, written: 500 }], 100)).toBe(false);
    });
  });
});
