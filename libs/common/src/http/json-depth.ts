/**
 * The deepest JSON a request body may nest. The platform's deepest body (an import: object, list,
 * unit) needs three; validating thousands of levels recursively costs seconds of CPU and ends
 * in a RangeError, so a deeper body is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The nesting depth of JSON text, counting brackets outside strings; malformed text is left to the parser. */
export function jsonDepth(bytes: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      depth--;
    }
  }
  return deepest;
}

/** body-parser's `verify` hook: the error's status and type become the 400's rule (see PlatformErrorFilter). */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`JSON 嵌套不得超过 ${MAX_JSON_DEPTH} 层 (nesting deeper than ${MAX_JSON_DEPTH} levels)`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
}
