import { loadPlatformConfig } from '@platform/common';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatformApp } from './bootstrap';

describe('the platform’s store selection at start', () => {
  it('refuses EVENT_STORE=kurrentdb without an idempotency index before opening anything, naming MONGO_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-selection-'));
    const config = loadPlatformConfig({ DATA_DIR: dir, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', DEMO_ADMIN: '0' });
    await expect(createPlatformApp(config)).rejects.toThrow(/EVENT_STORE=kurrentdb needs MONGO_URL: .*idempotency key/);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
