/**
 * The public form of an event-store position: a string a client may compare for equality or pass
 * back (as `asOf`, or where a request names a position), and nothing else — no arithmetic, no order.
 * Each adapter owns its form, so a store whose positions are not 1, 2, 3… serves the same contract.
 * Inside the platform a position stays a number (exact below 2^53 for every adapter).
 */
export interface PositionCodec {
  /** The token of a position this store issued (or 0, before the first event). */
  token(position: number): string;
  /** The position a token names; null when the text is not a token of this store. */
  position(token: string): number | null;
  /** What a token of this store looks like, for the 400 that refuses another. */
  readonly rule: string;
}

/** Below 2^53, so a position read back is exactly the one issued. */
const isExact = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * The embedded store's tokens are the positions' decimal digits: every bookmark, URL and notice
 * written before positions became opaque (`asOf=12345`) is a token of this form, unchanged.
 */
export const DECIMAL_POSITION_TOKENS: PositionCodec = {
  token: (position) => String(position),
  position: (token) => {
    if (!/^\d{1,16}$/.test(token)) return null;
    const n = Number(token);
    return isExact(n) ? n : null;
  },
  rule: '事件库位置令牌为整数 (an embedded-store position token is its digits, e.g. 12345)',
};
