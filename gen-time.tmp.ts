import { generateCity } from '@platform/demo-data';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
(async () => {
  const t = Date.now();
  const r = await generateCity({ dataDir: mkdtempSync(join(tmpdir(), 'gen-')), seed: 42, scale: Number(process.argv[2] ?? 0.02), now: new Date('2026-06-30T08:00:00Z') });
  console.log('ms', Date.now() - t, JSON.stringify((r as any).summary ?? Object.keys(r)).slice(0, 400));
})();
