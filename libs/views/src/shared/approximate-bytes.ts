/** Elements weighed of a longer array, Map or Set: the rest are taken to be like them. */
const SAMPLE = 32;

/**
 * Roughly how many bytes of JavaScript heap a value holds, for a memory budget: strings by their
 * length, objects by their properties, arrays, Maps and Sets by their elements. A long collection
 * is weighed from an even sample of its elements (a whole campaign's rows in well under a
 * millisecond); an object reached twice among those visited counts once; functions count nothing.
 */
export function approximateBytes(value: unknown): number {
  return weigh(value, new Set());
}

function weigh(value: unknown, seen: Set<object>): number {
  switch (typeof value) {
    case 'string':
      return 16 + value.length;
    case 'number':
    case 'bigint':
      return 8;
    case 'object':
      break;
    default:
      return 0;
  }
  if (value === null || seen.has(value)) return 0;
  seen.add(value);
  if (Array.isArray(value)) return 16 + 8 * value.length + sampled(value, value.length, seen);
  if (value instanceof Map) return 32 + 24 * value.size + sampled(value.entries(), value.size, seen);
  if (value instanceof Set) return 32 + 16 * value.size + sampled(value.values(), value.size, seen);
  if (value instanceof Date) return 32;
  const keys = Object.keys(value);
  let bytes = 24 + 8 * keys.length;
  for (const key of keys) bytes += weigh((value as Record<string, unknown>)[key], seen);
  return bytes;
}

/** The elements' weight: all of them when few, else an even sample scaled to their count. */
function sampled(elements: Iterable<unknown>, count: number, seen: Set<object>): number {
  if (count === 0) return 0;
  const step = Math.max(1, Math.floor(count / SAMPLE));
  let bytes = 0;
  let weighed = 0;
  let i = 0;
  for (const element of elements) {
    if (i++ % step !== 0) continue;
    bytes += weigh(element, seen);
    weighed++;
  }
  return Math.round((bytes * count) / weighed);
}
