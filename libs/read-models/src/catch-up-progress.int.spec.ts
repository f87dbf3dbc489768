import { PassThrough } from 'node:stream';
import { catchUpWithProgress } from './catch-up-progress';
import { ProjectionRunner } from './projection-runner';
import { appendTicks } from './testing/sample-events';
import { groupTallyProjection } from './testing/sample-projections';
import { closeSqliteStores, openSqliteStores, SqliteStores } from './testing/sqlite-stores';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('waiting for the projections to catch up, with a progress bar', () => {
  let s: SqliteStores;
  let runner: ProjectionRunner | null;
  const tally = groupTallyProjection();

  beforeEach(async () => {
    s = openSqliteStores('rm-catch-up-');
    runner = null;
    await appendTicks(s.events, 60, { groups: 4 });
  });
  afterEach(() => closeSqliteStores(s, runner));

  /** What the bar wrote. */
  function barStream(): { stream: PassThrough; text: () => string } {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (d) => (text += d));
    return { stream, text: () => text };
  }

  it('resolves once every checkpoint reaches the head it found, the bar at 100%', async () => {
    runner = new ProjectionRunner(s.events, s.store, [tally], { pollMs: 10, logger: quiet, batchSize: 7 });
    const bar = barStream();
    const waiting = catchUpWithProgress(s.events, s.store, [tally.name], { pollMs: 10, barFrom: 1, stream: bar.stream, label: 'catching up' });
    runner.start();
    const result = await waiting;
    expect(result).toMatchObject({ head: 60, behind: 60, gaveUp: null });
    expect((await s.store.checkpoint(tally.name))?.position).toBe(60);
    expect(bar.text()).toMatch(/catching up \|.*\| 100% \| position 60\/60/);
  });

  it('stops waiting at once when its signal aborts, and polls nothing after: the stores may close under it', async () => {
    // Nothing runs the projection: the wait would last for ever.
    const stop = new AbortController();
    const waiting = catchUpWithProgress(s.events, s.store, [tally.name], { pollMs: 60_000, signal: stop.signal, stream: barStream().stream });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const t0 = Date.now();
    stop.abort(new Error('SIGTERM'));
    await s.store.close();
    const result = await waiting;
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(result.gaveUp).toBe('stopped (SIGTERM)');
  });

  it('gives up when the signal aborts while a poll is under way and the store closes under it', async () => {
    const stop = new AbortController();
    let polls = 0;
    const result = await catchUpWithProgress(s.events, s.store, [tally.name], {
      pollMs: 1,
      signal: stop.signal,
      stream: barStream().stream,
      giveUp: async () => {
        if (++polls === 3) {
          stop.abort(new Error('SIGINT'));
          await s.store.close();
        }
        return null;
      },
    });
    expect(result.gaveUp).toBe('stopped (SIGINT)');
  });
});
