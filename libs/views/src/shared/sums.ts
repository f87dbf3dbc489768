/**
 * Adds every numeric leaf of `source` into `target`, in place (a missing leaf counts as 0).
 * Summing a city's units into their roll-ups this way allocates nothing per addition: building a
 * new nested object for every unit in every group was most of the whole-city summary's time (GC).
 */
export function addLeavesInto<T extends object>(target: T, source: T | undefined, sign = 1): T {
  if (!source) return target;
  const t = target as Record<string, unknown>;
  const s = source as Record<string, unknown>;
  // for...in: no key array per call (this runs for every unit in every group of a city).
  for (const k in t) {
    const v = t[k];
    if (typeof v === 'number') t[k] = v + sign * ((s[k] as number | undefined) ?? 0);
    else if (v && typeof v === 'object') addLeavesInto(v as object, s[k] as object | undefined, sign);
  }
  return target;
}

/** The leaf-by-leaf sum of `items` into a fresh zero from `empty`. */
export function sumLeaves<T extends object>(empty: () => T, items: Iterable<T>): T {
  const sum = empty();
  for (const item of items) addLeavesInto(sum, item);
  return sum;
}
