import { ApiError, ErrorBody } from '../api/errors';
import { authFetch } from '../api/http';

/**
 * A liaison's submissions made without a connection, kept on the device (localStorage, so they
 * survive closing the tab) and sent when the connection returns. Each keeps the Idempotency-Key
 * it was made with, so a submission that did reach the server before the connection dropped is
 * written once however often it is replayed.
 */
export interface OutboxItem {
  readonly key: string;
  readonly label: string;
  readonly path: string;
  readonly body: unknown;
  readonly createdAt: string;
  readonly state: 'waiting' | 'sent' | 'refused';
  readonly reason?: string;
}

const STORE = 'ctp.outbox';
const listeners = new Set<() => void>();
let items: readonly OutboxItem[] = read();
let replaying: Promise<void> | null = null;

function read(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function write(next: readonly OutboxItem[]): void {
  items = next;
  localStorage.setItem(STORE, JSON.stringify(next));
  listeners.forEach((l) => l());
}

function update(key: string, change: Partial<OutboxItem>): void {
  write(items.map((i) => (i.key === key ? { ...i, ...change } : i)));
}

/** Sends one submission; false when there is no connection (it then stays waiting). */
async function send(item: OutboxItem): Promise<boolean> {
  let res: Response;
  try {
    res = await authFetch(
      new Request(new URL(item.path, location.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': item.key },
        body: JSON.stringify(item.body),
      }),
    );
  } catch {
    return false;
  }
  if (res.ok) update(item.key, { state: 'sent', reason: undefined });
  else if (res.status !== 401) update(item.key, { state: 'refused', reason: new ApiError(res.status, (await res.json().catch(() => ({}))) as ErrorBody).message });
  return true;
}

/**
 * Asks the browser to wake the service worker when the connection returns (Background Sync,
 * where supported); the page's own replay below covers the browsers without it.
 */
function requestBackgroundSync(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((reg) => (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register('ctp-outbox')) // the tag public/sw.js answers
    .catch(() => undefined);
}

/** Tabs share the outbox: one replay at a time across them (Web Locks where present), so a key is never sent twice at once. */
function exclusively(run: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('ctp-outbox', () => run()).then(() => undefined) : run();
}

export const outbox = {
  items: () => items,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  add(item: Omit<OutboxItem, 'state' | 'createdAt'>): void {
    if (items.some((i) => i.key === item.key)) return;
    write([...items, { ...item, state: 'waiting', createdAt: new Date().toISOString() }]);
    requestBackgroundSync();
  },
  /** Sends what is waiting, oldest first, one replay at a time; stops at the first missing connection. */
  replay(): Promise<void> {
    replaying ??= exclusively(async () => {
      // Another tab may have sent some meanwhile: read the shared store again before sending.
      write(read());
      for (const item of items.filter((i) => i.state === 'waiting')) if (!(await send(item))) break;
    }).finally(() => {
      replaying = null;
    });
    return replaying;
  },
  clearDone(): void {
    write(items.filter((i) => i.state === 'waiting'));
  },
};

/** Replays when the connection returns, on start, and every half minute while something waits. */
export function startOutbox(): void {
  window.addEventListener('online', () => void outbox.replay());
  setInterval(() => {
    if (items.some((i) => i.state === 'waiting')) void outbox.replay();
  }, 30_000);
  void outbox.replay();
}
