/**
 * Nested records of counts as flat arrays of their leaves, for sums over thousands of them: a past
 * tracker summary adds every unit of a city into each of its roll-ups, and adding nested objects
 * leaf by leaf (for...in over every level, see addLeavesInto) was most of a moment's time at twice
 * the demo city. A record is read into an array once; sums are tight loops over the arrays, and
 * only the sums are turned back into records.
 */
export class LeafVectors<T extends object> {
  /** Each leaf's path from the record, in array order. */
  private readonly paths: string[][] = [];

  /** `shape` holds every leaf the records have (a record's missing leaf reads as 0). */
  constructor(private readonly shape: () => T) {
    const walk = (value: object, path: string[]) => {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'number') this.paths.push([...path, k]);
        else if (v && typeof v === 'object') walk(v as object, [...path, k]);
      }
    };
    walk(shape(), []);
  }

  zero(): Float64Array {
    return new Float64Array(this.paths.length);
  }

  of(record: T): Float64Array {
    const vector = this.zero();
    this.paths.forEach((path, i) => {
      let v: unknown = record;
      for (const k of path) v = (v as Record<string, unknown> | undefined)?.[k];
      vector[i] = typeof v === 'number' ? v : 0;
    });
    return vector;
  }

  record(vector: Float64Array): T {
    const record = this.shape();
    this.paths.forEach((path, i) => {
      let at = record as Record<string, unknown>;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
      at[path[path.length - 1]] = vector[i];
    });
    return record;
  }
}

/** sum += item, leaf by leaf. */
export function addVectorInto(sum: Float64Array, item: Float64Array): void {
  for (let i = 0; i < sum.length; i++) sum[i] += item[i];
}
