import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
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
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * The web app at `/`: hashed files under /assets are cached for a year (their name changes with
 * their content); everything else — index.html, the service worker, the manifest — is revalidated
 * on every load, so a new build reaches users on their next visit. Unknown paths outside the API
 * answer index.html, so a deep link or a reload opens the right page.
 */
export function serveWebApp(app: NestExpressApplication, webDir = findWebDir()): void {
  if (!webDir) {
    if (process.env.NODE_ENV !== 'test') new Logger('web').warn('网页端尚未构建 (web app not built): npm run build:web; the API is served as usual');
    return;
  }
  app.useStaticAssets(webDir, {
    index: false,
    setHeaders: (res, path) => {
      const hashed = path.startsWith(join(webDir, 'assets'));
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      // The service worker controls the whole app, not only the folder it is served from.
      if (path === join(webDir, 'sw.js')) res.setHeader('Service-Worker-Allowed', '/');
      if (path.endsWith('.webmanifest')) res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
    },
  });
  const indexFile = join(webDir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || /\.[a-z0-9]+$/i.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
