import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where `npm run build:web` puts the web app, found from this file in the source tree and in dist/. */
export function findWebDir(from = __dirname): string | null {
  if (process.env.WEB_DIR) return existsSync(join(process.env.WEB_DIR, 'index.html')) ? resolve(process.env.WEB_DIR) : null;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Paths the web app never answers: the API, health, metrics, and the API's own documentation. */
export const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * The web app at `/`: hashed files under /assets are cached for a year (their name changes with
 * their content); everything else — index.html, the service worker, the manifest — is revalidated
 * on every load, so a new build reaches users on their next visit. Unknown paths outside the API
 * answer index.html, so a deep link or a reload opens the right page. The build's files get a
 * route each (@fastify/static without its wildcard, listed when the app starts), so the wildcard
 * is the fallback's: anything else — the API's unknown paths, a missing file — is the platform's 404.
 */
export async function serveWebApp(app: NestFastifyApplication, webDir = findWebDir()): Promise<void> {
  if (!webDir) {
    if (process.env.NODE_ENV !== 'test') new Logger('web').warn('网页端尚未构建 (web app not built): npm run build:web; the API is served as usual');
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      const hashed = path.startsWith(join(webDir, 'assets'));
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      // The service worker controls the whole app, not only the folder it is served from.
      if (path === join(webDir, 'sw.js')) reply.header('Service-Worker-Allowed', '/');
      if (path.endsWith('.webmanifest')) reply.header('Content-Type', 'application/manifest+json; charset=utf-8');
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (SERVER_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
}
