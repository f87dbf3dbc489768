import { documentKey } from './read-store.port';

/**
 * For each image of a batch's versioned documents (in the order applied), the position of the next
 * image of the same document in the batch, which ends its range — or `open` for the last of its
 * document: its range is not known yet.
 */
export function replacedAt(versions: ReadonlyArray<{ readonly collection: string; readonly id: string; readonly position: number }>, open: number): number[] {
  const until = new Array<number>(versions.length);
  const next = new Map<string, number>();
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i];
    const key = documentKey(v.collection, v.id);
    until[i] = next.get(key) ?? open;
    next.set(key, v.position);
  }
  return until;
}
