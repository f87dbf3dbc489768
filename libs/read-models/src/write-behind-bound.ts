/**
 * JSON pending in a runner's projections: all of them together, and the most one of them would
 * gain the least by keeping (see pendingWeight).
 */
export interface PendingHeld {
  readonly total: number;
  readonly largest: number;
}

/** What `own` and the others hold pending together, and the largest weight among them. */
export function heldWith(own: PendingOwn, others: readonly PendingOwn[]): PendingHeld {
  let total = own.bytes;
  let largest = pendingWeight(own.bytes, own.written);
  for (const p of others) {
    total += p.bytes;
    largest = Math.max(largest, pendingWeight(p.bytes, p.written));
  }
  return { total, largest };
}

/**
 * What a projection's pending JSON weighs in choosing which projection stores: its bytes, scaled
 * by the share of what its events wrote that they did not rewrite since (`held / written`). A
 * projection whose documents are written once (the audit trail's entry per event) gains nothing
 * by keeping them, one whose documents many events rewrite (the ledger's problems and tallies)
 * stores each once per flush instead of once per batch: over the bound the first stores, though
 * the second holds as much. Chosen by bytes alone, a rebuild of every view at scale 1 had the
 * ledger, once it wrote its replaced versions ahead and held only its documents, store every
 * 11,000-30,000 positions, rewriting 18,000-31,000 documents each time.
 */
export function pendingWeight(held: number, written: number): number {
  return written > 0 ? (held * Math.min(held, written)) / written : held;
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
  // own and held.largest are weights (pendingWeight), held.total bytes.
  if (held.total < bound) return true;
  return own < held.largest && held.total < 2 * bound;
}

/** What one projection holds pending: its JSON text, and the text of every image it wrote into it. */
export interface PendingOwn {
  readonly bytes: number;
  readonly written: number;
}

/**
 * mayKeepPending for a rebuild: over the bound, the projections store in the order of what keeping
 * saves them per byte held (`written / bytes`), least first, until what the others would keep is
 * under the bound — the audit trail's entries, each written once, first, the ledger's problems and
 * tallies, rewritten by event after event, last; so a projection whose documents its events rewrite
 * stores once it alone holds the bound (as rebuilt alone), or when all of them together hold twice
 * the bound (the same ceiling as before). Chosen by weight instead (see mayKeepPending), the ledger
 * was the largest whenever the audit trail had just stored: it stored 19 times in a rebuild of
 * every view over twice the city against 7 rebuilt alone, rewriting each of its documents five
 * times over (674,000 writes, their commits 80 s of its 218 s).
 */
export function mayKeepRebuilding(own: PendingOwn, others: readonly PendingOwn[], bound: number): boolean {
  const total = others.reduce((sum, p) => sum + p.bytes, own.bytes);
  if (total < bound) return true;
  if (total >= 2 * bound) return false;
  const saves = savedPerByte(own);
  // What the projections that save less by keeping (or as much, holding more) free by storing first.
  const freedFirst = others.reduce((sum, p) => (savedPerByte(p) < saves || (savedPerByte(p) === saves && p.bytes > own.bytes) ? sum + p.bytes : sum), 0);
  return total - freedFirst < bound;
}

/** How many times over its events wrote what it holds: 1 for documents written once. */
const savedPerByte = (p: PendingOwn) => (p.bytes > 0 ? p.written / p.bytes : 0);
