import { outbox } from './outbox';

/**
 * The service worker makes the app installable, keeps its shell for starting without a
 * connection, and wakes the page through Background Sync when the connection returns; the page
 * then sends its outbox (the sign-in lives in the tab, not in the worker) and answers how many
 * submissions still wait, so the worker knows whether the browser should try again later.
 */
export function registerOfflineWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type !== 'outbox-replay' || !event.ports[0]) return;
    const port = event.ports[0];
    void outbox.replay().finally(() => port.postMessage({ waiting: outbox.items().filter((i) => i.state === 'waiting').length }));
  });
  navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
}
