import { createHash, randomBytes } from 'node:crypto';

/** Refresh tokens are kept only as this hash: a copy of the store lets nobody sign in. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newRefreshToken = () => randomBytes(32).toString('base64url');
export const newSecret = () => randomBytes(48).toString('base64url');
