/** What is read of a token's claims here: its expiry, and a not-before time if it has one. */
interface TimedClaims {
  readonly exp?: number;
  readonly nbf?: number;
}

/** Tokens kept at most; the oldest kept is dropped first. */
const MAX_KEPT = 10_000;

/**
 * Access tokens whose signature was verified, with their claims: a client sends the same token
 * with every request until it expires, and checking an HMAC over the same bytes with the same key
 * gives the same answer each time. What depends on the time is checked again on every use: a kept
 * token past its expiry is dropped and refused by a fresh verification. Tokens with a not-before
 * claim are never kept (the platform issues none). The user's token version, role and account
 * state are read for every request after this, as before.
 */
export class VerifiedTokens<C extends TimedClaims> {
  private readonly kept = new Map<string, Readonly<C> & { readonly exp: number }>();

  constructor(private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000)) {}

  get(token: string): C | undefined {
    const claims = this.kept.get(token);
    if (claims === undefined) return undefined;
    // As the token library judges expiry: expired from the second `exp` names on.
    if (this.nowSeconds() >= claims.exp) {
      this.kept.delete(token);
      return undefined;
    }
    return claims;
  }

  keep(token: string, claims: C): void {
    if (typeof claims.exp !== 'number' || claims.nbf !== undefined) return;
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, Object.freeze({ ...claims, exp: claims.exp }));
  }

  get size(): number {
    return this.kept.size;
  }
}
