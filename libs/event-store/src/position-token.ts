/**
 * The public form of an event-store position: a string a client may compare — for equality, and
 * for order: of two tokens one store issued, the later position's token is the greater string
 * (plain code-unit order, as JavaScript's `<` or a database's binary collation sort it) — or pass
 * back (as `asOf`, or where a request names a position); no arithmetic. Each adapter owns its form, so a store whose positions are not 1, 2, 3… serves the
 * same contract. Inside the platform a position stays a number (exact below 2^53 for every adapter).
 */
export interface PositionCodec {
  /** The token of a position this store issued (or 0, before the first event). */
  token(position: number): string;
  /** The position a token names, in the form the store issues or one it issued before; null when the text is not a token of this store. */
  position(token: string): number | null;
  /**
   * Orders two tokens of this store by the positions they name (negative, 0, positive), old forms
   * included — for code that holds tokens, not positions. Throws for a text that is not a token
   * of this store: a caller reads client input with `position` first and refuses it there.
   */
  compare(a: string, b: string): number;
  /** What a token of this store looks like, for the 400 that refuses another. */
  readonly rule: string;
}

/** Digits of the largest exact position, 2^53 − 1 = 9007199254740991: every token has this many. */
export const POSITION_TOKEN_DIGITS = 16;

/** Below 2^53, so a position read back is exactly the one issued. */
const isExact = (n: number) => Number.isSafeInteger(n) && n >= 0;

const FIXED_DIGITS = new RegExp(`^\\d{${POSITION_TOKEN_DIGITS}}$`);
/** A position as `String(position)` spelled it: no sign, no leading zero, at most 16 digits. */
export const BARE_DIGITS = '(0|[1-9]\\d{0,15})';

interface OrderedForm {
  /** What every token of the store starts with, so one store's token is never read as another's. */
  readonly prefix: string;
  /** The form the store issued before tokens were ordered, its digits in the first group: still read back. */
  readonly legacy: RegExp;
  readonly rule: string;
}

/**
 * Tokens that sort as their positions: the prefix, then the position zero-padded to 16 digits
 * (enough for every exact position, so the width never changes and string order is numeric order).
 */
export function orderedPositionTokens({ prefix, legacy, rule }: OrderedForm): PositionCodec {
  const position = (token: string): number | null => {
    const digits = token.startsWith(prefix) && FIXED_DIGITS.test(token.slice(prefix.length)) ? token.slice(prefix.length) : legacy.exec(token)?.[1];
    if (digits === undefined) return null;
    const n = Number(digits);
    return isExact(n) ? n : null;
  };
  const known = (token: string): number => {
    const n = position(token);
    if (n === null) throw new RangeError(`not a position token of this store: ${JSON.stringify(token)} (${rule})`);
    return n;
  };
  return {
    token: (n) => {
      if (!isExact(n)) throw new RangeError(`position ${n} has no token: positions are integers from 0 to 2^53 − 1`);
      return prefix + String(n).padStart(POSITION_TOKEN_DIGITS, '0');
    },
    position,
    compare: (a, b) => Math.sign(known(a) - known(b)),
    rule,
  };
}

/**
 * The embedded store's tokens are the positions' digits, zero-padded to 16: `0000000000012345`.
 * Bare digits (`12345`), the form every bookmark, URL and notice written before tokens were
 * ordered carries (`asOf=12345`), still name the same position.
 */
export const DECIMAL_POSITION_TOKENS: PositionCodec = orderedPositionTokens({
  prefix: '',
  legacy: new RegExp(`^${BARE_DIGITS}$`),
  rule: '事件库位置令牌为 16 位数字，如 0000000000012345 (an embedded-store position token is 16 digits, e.g. 0000000000012345; old links\' bare digits, e.g. 12345, are read too)',
});
