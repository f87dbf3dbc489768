/**
 * Where the sign-in lives. The access token (15 minutes) is kept in memory only. The refresh
 * token is kept in sessionStorage: it survives a reload of the tab, is gone when the tab closes,
 * and is never shared with other tabs or written to localStorage. Each refresh rotates it (the
 * server revokes the whole family when an old one is replayed), so a stolen copy is short-lived.
 * The signed-in user's profile is kept beside it so a reload can draw the menu before /me answers.
 */
export interface SessionUser {
  readonly userId: string;
  readonly username?: string;
  readonly displayName?: string;
  readonly role: 'admin' | 'office' | 'operator' | 'inspector' | 'leader';
  readonly scopeUnitIds: readonly string[];
  readonly contactPointUnitIds: readonly string[];
}

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly user?: SessionUser;
}

const REFRESH_KEY = 'ctp.refresh';
const USER_KEY = 'ctp.user';

let accessToken: string | null = null;
let user: SessionUser | null = readUser();
const listeners = new Set<() => void>();

function readUser(): SessionUser | null {
  try {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

export const session = {
  accessToken: () => accessToken,
  refreshToken: () => sessionStorage.getItem(REFRESH_KEY),
  user: () => user,
  store(pair: TokenPair): void {
    accessToken = pair.accessToken;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
    if (pair.user) {
      user = pair.user;
      sessionStorage.setItem(USER_KEY, JSON.stringify(pair.user));
    }
    listeners.forEach((l) => l());
  },
  clear(): void {
    accessToken = null;
    user = null;
    sessionStorage.removeItem(REFRESH_KEY);
    sessionStorage.removeItem(USER_KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
