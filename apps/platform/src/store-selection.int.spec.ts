import { loadPlatformConfig } from '@platform/common';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatformApp } from './bootstrap';

describe('the platform’s store selection at start', () => {
  it('refuses EVENT_STORE=kurrentdb before opening anything, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-selection-'));
    const config = loadPlatformConfig({ DATA_DIR: dir, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', DEMO_ADMIN: '0' });
    await expect(createPlatformApp(config)).rejects.toThrow(/EVENT_STORE=kurrentdb: the platform app needs the embedded event store .*global hash chain/);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
