import type { IdentityState } from '../state/identity-state.port';

export interface IdentityStateHarness {
  /** Opens the state; opening again reaches the same stored state (a restart, or another replica). */
  open(): Promise<IdentityState>;
  cleanup(): Promise<void>;
}

const AT = '2026-03-01T08:00:00.000Z';
const LATER = '2026-03-01T09:00:00.000Z';

/**
 * What the identity context needs of its state, whichever store keeps it: password hashes,
 * refresh tokens with atomic rotation and reuse detection, token versions, the security log and
 * the signing secret, all surviving a restart and seen alike by a second replica.
 */
export function identityStateContract(name: string, makeHarness: () => IdentityStateHarness): void {
  describe(`identity state contract: ${name}`, () => {
    let harness: IdentityStateHarness;
    const opened: IdentityState[] = [];
    const open = async () => {
      const state = await harness.open();
      opened.push(state);
      return state;
    };
    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await harness.cleanup();
    });

    it('keeps one password hash per user, replaced when set again', async () => {
      const state = await open();
      expect(await state.passwordHash('u-1')).toBeNull();
      await state.setPasswordHash('u-1', '$argon2id$first', AT);
      await state.setPasswordHash('u-2', '$argon2id$other', AT);
      await state.setPasswordHash('u-1', '$argon2id$second', LATER);
      expect(await state.passwordHash('u-1')).toBe('$argon2id$second');
      expect(await (await open()).passwordHash('u-2')).toBe('$argon2id$other');
    });

    it('issues refresh tokens that are found by the token alone, with their expiry', async () => {
      const state = await open();
      const token = await state.issueRefreshToken('u-1', new Date(AT), 3600);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await state.refreshToken(token)).toEqual({ userId: 'u-1', issuedAt: AT, expiresAt: LATER, revokedAt: null, revokedReason: null });
      expect(await state.refreshToken('not-a-token')).toBeNull();
      expect(await (await open()).refreshToken(token)).toMatchObject({ userId: 'u-1' });
    });

    it('rotates a live token once into a successor; presenting it again is a reuse that revokes every live token of the user', async () => {
      const state = await open();
      const presented = await state.issueRefreshToken('u-1', new Date(AT), 3600);
      const sibling = await state.issueRefreshToken('u-1', new Date(AT), 3600);
      const otherUser = await state.issueRefreshToken('u-2', new Date(AT), 3600);
      const rotation = await state.rotateRefreshToken(presented, new Date(AT), 3600);
      expect(rotation).toEqual({
        outcome: 'rotated',
        token: { userId: 'u-1', issuedAt: AT, expiresAt: LATER, revokedAt: AT, revokedReason: 'rotated' },
        successor: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      const successor = (rotation as { successor: string }).successor;
      expect(await state.refreshToken(successor)).toEqual({ userId: 'u-1', issuedAt: AT, expiresAt: LATER, revokedAt: null, revokedReason: null });
      expect(await state.rotateRefreshToken(presented, new Date(LATER), 3600)).toEqual({ outcome: 'reused', userId: 'u-1', revokedTokens: 2 });
      expect(await state.refreshToken(sibling)).toMatchObject({ revokedAt: LATER, revokedReason: 'reuse_detected' });
      expect(await state.refreshToken(successor)).toMatchObject({ revokedAt: LATER, revokedReason: 'reuse_detected' });
      expect(await state.refreshToken(otherUser)).toMatchObject({ revokedAt: null });
      expect(await state.rotateRefreshToken('not-a-token', new Date(LATER), 3600)).toEqual({ outcome: 'unknown' });
    });

    it('lets at most one of simultaneous presentations of a token rotate it, and its successor dies with the family', async () => {
      const [a, b] = [await open(), await open()];
      const token = await a.issueRefreshToken('u-1', new Date(AT), 3600);
      const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).rotateRefreshToken(token, new Date(LATER), 3600)));
      const rotated = outcomes.filter((o) => o.outcome === 'rotated');
      expect(rotated.length).toBeLessThanOrEqual(1);
      expect(outcomes.filter((o) => o.outcome === 'reused')).toHaveLength(6 - rotated.length);
      for (const r of rotated) expect(await a.refreshToken(r.successor)).toMatchObject({ revokedReason: 'reuse_detected' });
    });

    it('revokes one token or all of a user\'s, counting only those live until then', async () => {
      const state = await open();
      const one = await state.issueRefreshToken('u-1', new Date(AT), 3600);
      await state.issueRefreshToken('u-1', new Date(AT), 3600);
      await state.issueRefreshToken('u-1', new Date(AT), 3600);
      expect(await state.revokeRefreshToken(one, LATER, 'signed_out')).toBe(true);
      expect(await state.revokeRefreshToken(one, LATER, 'signed_out')).toBe(false);
      expect(await state.refreshToken(one)).toMatchObject({ revokedAt: LATER, revokedReason: 'signed_out' });
      expect(await state.revokeAllForUser('u-1', LATER, 'disabled')).toBe(2);
      expect(await state.revokeAllForUser('u-1', LATER, 'disabled')).toBe(0);
    });

    it('raises each user\'s token version from 0, one step at a time', async () => {
      const [a, b] = [await open(), await open()];
      expect(await a.tokenVersion('u-1')).toBe(0);
      expect(await a.raiseTokenVersion('u-1')).toBe(1);
      expect(await b.raiseTokenVersion('u-1')).toBe(2);
      expect(await a.tokenVersion('u-1')).toBe(2);
      expect(await b.tokenVersion('u-2')).toBe(0);
    });

    it('pages the security log by rising id, optionally by kind', async () => {
      const [a, b] = [await open(), await open()];
      await a.appendSecurityLog({ at: AT, kind: 'sign_in', userId: 'u-1', username: 'li', ip: '10.0.0.1', detail: { method: 'POST' } });
      await b.appendSecurityLog({ at: AT, kind: 'sign_in_failed', userId: null, username: 'wang', ip: null, detail: { reason: 'unknown_user' } });
      await a.appendSecurityLog({ at: LATER, kind: 'sign_in', userId: 'u-2', username: null, ip: '10.0.0.2', detail: {} });
      const all = await b.securityLog({});
      expect(all.map((e) => [e.kind, e.userId])).toEqual([['sign_in', 'u-1'], ['sign_in_failed', null], ['sign_in', 'u-2']]);
      expect(all[1]).toEqual({ id: all[1].id, at: AT, kind: 'sign_in_failed', userId: null, username: 'wang', ip: null, detail: { reason: 'unknown_user' } });
      expect(all[0].id).toBeLessThan(all[1].id);
      expect(all[1].id).toBeLessThan(all[2].id);
      expect((await a.securityLog({ after: all[0].id, limit: 1 })).map((e) => e.id)).toEqual([all[1].id]);
      expect((await a.securityLog({ kind: 'sign_in' })).map((e) => e.userId)).toEqual(['u-1', 'u-2']);
      expect(await a.securityLog({ after: all[2].id })).toEqual([]);
    });

    it('creates a secret once and gives every opener the same one', async () => {
      const [a, b] = [await open(), await open()];
      const [first, second] = await Promise.all([a.secret('jwt'), b.secret('jwt')]);
      expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
      expect(second).toBe(first);
      expect(await (await open()).secret('jwt')).toBe(first);
      expect(await a.secret('other')).not.toBe(first);
    });
  });
}
