import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadPlatformConfig } from '@platform/common';
import { createApiDocument, createPlatformApp } from './bootstrap';

/**
 * `node write-api-document.js <file>`: the OpenAPI document as /api/docs-json serves it, written
 * without a running server — the app is created on an empty temporary data directory, never
 * listens, and is closed. The web build generates its typed client from this file.
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'apps/web/generated/openapi.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'api-document-'));
  process.env.NODE_ENV = 'test';
  process.env.DEMO_ADMIN = '0';
  try {
    const app = await createPlatformApp({ ...loadPlatformConfig(), dataDir, port: 0 });
    await app.init();
    const document = createApiDocument(app);
    await app.close();
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(document, null, 2) + '\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
