import { OpenAPIObject } from '@nestjs/swagger';
import { loadPlatformConfig } from '@platform/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatformApp } from './bootstrap';
import { createOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document without a server listening: the app is built on a throw-away data directory
 * (nothing is initialised or served, no projection runs) and only its routes are read.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-openapi-'));
  try {
    const app = await createPlatformApp(loadPlatformConfig({ DATA_DIR: dataDir, DEMO_ADMIN: '0', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PROJECTIONS: 'off' }));
    try {
      return createOpenApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
