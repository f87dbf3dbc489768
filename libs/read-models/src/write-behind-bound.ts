/** JSON pending in a runner's projections: all of them together, and the most one of them holds. */
export interface PendingHeld {
  readonly total: number;
  readonly largest: number;
}

/**
 * Whether a projection holding `own` bytes of pending JSON may keep them past its batch, under a
 * runner-wide `bound`. Over the bound, the projection holding the most stores its documents and
 * the others keep theirs, up to twice the bound should that one not get to it. Before, whichever
 * projection applied a batch while the bound was passed stored, however little it held: in a
 * rebuild of every view over the scale-1 city the ledger, whose documents many events rewrite and
 * whose commits cost most, stored 46 times, at times every few hundred events, while the board's
 * and the audit trail's pending documents held the memory.
 */
export function mayKeepPending(own: number, held: PendingHeld, bound: number): boolean {
  if (held.total < bound) return true;
  return own < held.largest && held.total < 2 * bound;
}
