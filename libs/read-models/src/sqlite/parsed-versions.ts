import { LRUCache } from 'lru-cache';
import { AnyDocument } from '../read-store.port';

/** Parsed JSON kept for reuse, counted in characters of the stored bodies (the heap holds a few times that). */
const DEFAULT_MAX_CHARS = 16 * 1024 * 1024;

interface Entry {
  readonly validFrom: number;
  readonly doc: AnyDocument;
  readonly chars: number;
}

/**
 * Versions already parsed, by row: two nearby moments share almost every version (a board's units
 * and tallies change a few at a time), so a moment not asked before reads from SQLite which
 * versions were current then and parses only those no earlier moment read. A version's image never
 * changes once written (its range closes, its body stays); only deleting versions (a reset) lets
 * SQLite give a row number to another version, and that moves the generation, which empties this.
 *
 * The documents are frozen: every moment that reads a version shares its one parsed image.
 */
export class ParsedVersions {
  private readonly entries: LRUCache<number, Entry>;
  private generation = -1;

  constructor(maxChars = DEFAULT_MAX_CHARS) {
    this.entries = new LRUCache({ maxSize: maxChars, sizeCalculation: (entry) => Math.max(1, entry.chars) });
  }

  /** The row's document when it was parsed before (and is the same row); the least recently read go first. */
  get(rowid: number, validFrom: number): AnyDocument | undefined {
    const entry = this.entries.get(rowid);
    return entry?.validFrom === validFrom ? entry.doc : undefined;
  }

  /** A version larger than the bound is parsed but not kept. */
  parse(rowid: number, validFrom: number, body: string): AnyDocument {
    const doc = deepFreeze(JSON.parse(body) as AnyDocument);
    this.entries.set(rowid, { validFrom, doc, chars: body.length });
    return doc;
  }

  /** Itself, emptied first when versions were deleted since it was last read (`generation` moved). */
  of(generation: number): this {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    return this;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
