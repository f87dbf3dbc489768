import Database from 'better-sqlite3';
import { generateCity } from '@platform/demo-data';
import { readModelsFile } from '@platform/read-models';
import { AUDIT_EVENTS, auditTrailProjection } from '@platform/views';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApp, stopped, until, whileRunning } from './support/processes';

type Health = { healthy: boolean; eventStore: { headPosition: number }; projections: { items: Array<{ name: string; lag: number; position: number }> } };

describe('a first start on a freshly generated city', () => {
  const dataDirs: string[] = [];
  afterAll(() => dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.each([
    ['catches its projections up', { PROJECTIONS_FILL_FROM_EVENTS: '1000000' }, /投影追赶 projections catching up \|.*\| 100% \| position (\d+)\/\1/],
    // The same city over the fill's threshold: every projection is new, so all of them are filled in one pass first.
    ['fills its new projections in one pass', { PROJECTIONS_FILL_FROM_EVENTS: '1000' }, /filling 11 new projection\(s\) from \d+ events in one pass/],
    // On the API's own event loop (the default on KurrentDB), with no projector thread to ask about.
    ['catches its projections up on its own event loop', { PROJECTIONS: 'in-process', PROJECTIONS_FILL_FROM_EVENTS: '1000000' }, /投影追赶 projections catching up \|.*\| 100% \| position (\d+)\/\1/],
    ['fills its new projections in one pass on its own event loop', { PROJECTIONS: 'in-process', PROJECTIONS_FILL_FROM_EVENTS: '1000' }, /filling 11 new projection\(s\) from \d+ events in one pass/],
  ])('%s before it listens, with a progress bar, so its first answer is already right', async (_how, env, told) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'first-start-'));
    dataDirs.push(dataDir);
    const { marker } = await generateCity({ dataDir, seed: 'first-start', scale: 0.02, now: '2025-06-30T06:00:00.000Z' });
    const port = await freePort();
    const child = startApp('platform', { PORT: String(port), DATA_DIR: dataDir, DEMO_ADMIN: '0', ...env });
    try {
      // The very first answer /health gives: no projection behind, every checkpoint at the generated head.
      const first = await until(whileRunning(child, async () => (await fetch(`http://127.0.0.1:${port}/health`)).json() as Promise<Health>), () => true, () => `first start (${child.output()})`, 120_000);
      // The generated history is all in, and so are the warnings the deadline check recorded at start (awaited before listening).
      expect(first.projections.items.every((i) => i.position >= marker.events)).toBe(true);
      expect(first.projections.items.filter((i) => i.lag > 0).map((i) => [i.name, i.lag])).toEqual([]);
      expect(first.healthy).toBe(true);
      expect(child.output()).toMatch(/投影追赶 projections catching up \|.*\| 100% \| position (\d+)\/\1/);
      expect(child.output()).toMatch(told);
      expect(child.output()).toContain(`projections caught up with ${marker.events} events`);
      // The deadline check's start-up run looked at the caught-up ledger (at bootstrap it was empty): today's warnings are in.
      const output = child.output();
      expect(output.slice(0, output.indexOf('platform ready'))).toMatch(/deadline-warnings.* [1-9]\d* warning\(s\) raised, 0 failed/);
    } finally {
      await stopped(child);
    }
    // No one searched: the start filled the search's full-text index, which the first search would otherwise wait for.
    const db = new Database(readModelsFile(dataDir), { readonly: true });
    try {
      const entries = db.prepare<[], number>("SELECT count(*) FROM documents WHERE collection = 'search_entries'").pluck().get();
      expect(entries).toBeGreaterThan(0);
      expect(db.prepare<[], number>('SELECT count(*) FROM search_fts_v4_keys').pluck().get()).toBe(entries);
    } finally {
      db.close();
    }
    // Generating the city, building every view and the deadline check's start-up run, on a shared machine.
  }, 180_000);

  it('stops cleanly when told to during its fill, leaving what the next start finishes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'first-start-stop-'));
    dataDirs.push(dataDir);
    const { marker } = await generateCity({ dataDir, seed: 'first-start-stop', scale: 0.05, now: '2025-06-30T06:00:00.000Z' });
    const env = { DATA_DIR: dataDir, DEMO_ADMIN: '0', PROJECTIONS_FILL_FROM_EVENTS: '1000' };
    const first = startApp('platform', { ...env, PORT: String(await freePort()) });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => first.once('exit', (code, signal) => resolve({ code, signal })));
    await until(async () => first.output(), (out) => /filling 11 new projection\(s\)/.test(out), () => `the fill to begin (${first.output()})`, 120_000);
    first.kill('SIGTERM');
    const end = await exited;
    // Ended by the signal the shutdown hooks raise again once the application is closed: no failure, no stack trace,
    // and the projector thread stopped between two batches instead of being ended unfinished.
    expect([end, first.output()]).toEqual([{ code: null, signal: 'SIGTERM' }, expect.not.stringMatching(/read store is closed|did not stop in time|platform ready/)]);

    const port = await freePort();
    const second = startApp('platform', { ...env, PORT: String(port) });
    try {
      const health = await until(whileRunning(second, async () => (await fetch(`http://127.0.0.1:${port}/health`)).json() as Promise<Health>), () => true, () => `the next start (${second.output()})`, 120_000);
      expect(health.projections.items.filter((i) => i.lag > 0 || i.position < marker.events).map((i) => i.name)).toEqual([]);
    } finally {
      await stopped(second);
    }
    // Every view's indexes are there, none left for an end that never came.
    const db = new Database(readModelsFile(dataDir), { readonly: true });
    try {
      expect(db.prepare('SELECT collection FROM bulk_loads').all()).toEqual([]);
      // One index per declared field of the audit trail's entries (their units' on array_values).
      const declared = Object.keys(auditTrailProjection.indexes?.[AUDIT_EVENTS] ?? {});
      expect(declared.length).toBeGreaterThan(5);
      expect(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix%audit_events%'").pluck().all().length).toBe(declared.length);
    } finally {
      db.close();
    }
  }, 240_000);
});
