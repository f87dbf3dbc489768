import { randomUUID } from 'node:crypto';
import { ActorRef, StreamWrite } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { openDatabaseFailure } from '../sqlite/open-database';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { ChainAcknowledgementError, ChainBrokenError } from './chain-integrity.errors';
import { AcknowledgedBreaks, ChainVerdict, SqliteChainVerifier } from './sqlite-chain-verifier';

/** The stream of acknowledgements: the only one written while the chain is broken. */
export const CHAIN_INTEGRITY_STREAM = 'chain-integrity';
export const CHAIN_BREAK_ACKNOWLEDGED = 'ChainBreakAcknowledged';

export interface ChainBreakAcknowledgedData {
  readonly position: number;
  readonly reason: string;
  /** The stored hash at the position when acknowledged (null: the position was missing). */
  readonly foundHash: string | null;
  readonly note: string;
}

export interface ChainIntegrityStatus {
  /**
   * `unverified` only before the first verification at start; `notary` on a store that keeps no
   * global chain (one chain per stream): the global notary's chain and its ANP1 checkpoints stand in
   * (`notary` in /health, GET /api/audit-trail/chain), and nothing here refuses appends.
   */
  readonly state: 'unverified' | 'ok' | 'broken' | 'notary';
  /** The position up to which the chain was last found intact. */
  readonly verifiedPosition: number;
  readonly brokenAt: number | null;
  readonly reason: string | null;
  readonly detectedAt: string | null;
  readonly lastVerifiedAt: string | null;
  readonly lastFullSweepAt: string | null;
  readonly acknowledged: ReadonlyArray<{ readonly position: number; readonly at: string; readonly by: string; readonly eventPosition: number }>;
}

export interface ChainIntegrityOptions {
  /** How often new events are verified in the background (default 60 s; 0 turns it off). */
  readonly intervalMs?: number;
  /** How often the whole chain is verified again from the first event (default 1 h; 0 turns it off). */
  readonly fullSweepMs?: number;
  readonly logger?: { log(m: string): void; error(m: string): void };
  readonly clock?: () => Date;
}

/**
 * Keeps the event store's hash chain under watch: verified incrementally at start (awaited, so a
 * broken chain is known before the first request) and in the background, with a periodic full
 * sweep for changes behind the marker. While broken and unacknowledged, appends are refused
 * (ChainBrokenError) except an administrator's acknowledgement, itself an event in the log.
 */
export class ChainIntegrity {
  private readonly verifier: SqliteChainVerifier | null;
  private readonly store: SqliteEventStore | null;
  private readonly clock: () => Date;
  private readonly logger: NonNullable<ChainIntegrityOptions['logger']>;
  private current: ChainIntegrityStatus = {
    state: 'unverified',
    verifiedPosition: 0,
    brokenAt: null,
    reason: null,
    detectedAt: null,
    lastVerifiedAt: null,
    lastFullSweepAt: null,
    acknowledged: [],
  };
  private queue: Promise<unknown> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    store: EventStore,
    private readonly options: ChainIntegrityOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? { log: () => undefined, error: (m) => console.error(m) };
    // The verifier reads the embedded store's rows; a store that promises no global chain has none to verify.
    this.store = store instanceof SqliteEventStore && store.capabilities.globalHashChain ? store : null;
    this.verifier = this.store ? new SqliteChainVerifier(this.store.db, this.clock) : null;
    if (this.store) this.store.setAppendGate((writes) => this.refusal(writes));
    else this.current = { ...this.current, state: 'notary' };
  }

  status(): ChainIntegrityStatus {
    return this.current;
  }

  /** The unacknowledged break, if any. */
  get brokenAt(): number | null {
    return this.current.state === 'broken' ? this.current.brokenAt : null;
  }

  /** Verifies from the marker now, then keeps verifying in the background. */
  async start(): Promise<void> {
    if (!this.store) return;
    try {
      await this.verify('incremental');
    } catch (error) {
      // A malformed page met while reading history is a broken file, not a broken chain: stop at start.
      throw openDatabaseFailure(this.store.db.name, error);
    }
    const every = (ms: number | undefined, fallback: number, kind: 'incremental' | 'full') => {
      const period = ms ?? fallback;
      if (period <= 0) return;
      const timer = setInterval(() => {
        this.verify(kind).catch((e: unknown) => this.logger.error(`chain verification failed: ${e instanceof Error ? e.message : String(e)}`));
      }, period);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.intervalMs, 60_000, 'incremental');
    every(this.options.fullSweepMs, 3_600_000, 'full');
  }

  stop(): void {
    this.timers.forEach(clearInterval);
    this.timers = [];
  }

  /** One verification at a time: a sweep and a check at start never interleave. */
  verify(kind: 'incremental' | 'full'): Promise<ChainIntegrityStatus> {
    if (!this.verifier) return Promise.resolve(this.current);
    const run = this.queue.then(() => this.run(kind));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Records an administrator's acknowledgement of the break at `position` as an event, then
   * verifies the whole chain again with it: writes resume unless another break lies further on.
   */
  async acknowledge(input: { position: number; note: string; actor: ActorRef; correlationId: string; at: string }): Promise<{ eventPosition: number; status: ChainIntegrityStatus }> {
    const brokenAt = this.brokenAt;
    if (brokenAt === null || !this.store || !this.verifier) {
      throw new ChainAcknowledgementError('chain_not_broken', '哈希链未发现断裂，无需确认 (the chain is not broken: nothing to acknowledge)', null);
    }
    if (input.position !== brokenAt) {
      throw new ChainAcknowledgementError(
        'chain_break_position',
        `哈希链断裂位置是 ${brokenAt}，不是 ${input.position} (the chain is broken at position ${brokenAt}, not ${input.position})`,
        brokenAt,
      );
    }
    const [found] = await this.store.readAll({ after: brokenAt - 1, until: brokenAt, limit: 1 });
    const data: ChainBreakAcknowledgedData = {
      position: brokenAt,
      reason: this.current.reason ?? '',
      foundHash: found?.hash ?? null,
      note: input.note,
    };
    const result = await this.store.append(
      CHAIN_INTEGRITY_STREAM,
      [{ eventId: randomUUID(), type: CHAIN_BREAK_ACKNOWLEDGED, data, occurredAt: input.at, actor: input.actor, correlationId: input.correlationId }],
      'any',
    );
    this.logger.log(`chain break at position ${brokenAt} acknowledged by ${input.actor.userId}: ${input.note}`);
    this.verifier.resetMarker();
    const status = await this.verify('full');
    return { eventPosition: result.positions[0], status };
  }

  private async run(kind: 'incremental' | 'full'): Promise<ChainIntegrityStatus> {
    const verifier = this.verifier!;
    const acknowledged = await this.acknowledgements();
    const verdict: ChainVerdict = kind === 'full' ? await verifier.full(acknowledged.breaks) : await verifier.incremental(acknowledged.breaks);
    const now = this.clock().toISOString();
    const before = this.current;
    if (verdict.ok) {
      if (before.state === 'broken') this.logger.log(`event hash chain verified intact again up to position ${verdict.tip.position}`);
      this.current = {
        state: 'ok',
        verifiedPosition: verdict.tip.position,
        brokenAt: null,
        reason: null,
        detectedAt: null,
        lastVerifiedAt: now,
        lastFullSweepAt: kind === 'full' ? now : before.lastFullSweepAt,
        acknowledged: acknowledged.list,
      };
    } else {
      const same = before.state === 'broken' && before.brokenAt === verdict.brokenAt;
      if (!same) {
        this.logger.error(
          `ALARM: EVENT HASH CHAIN BROKEN at position ${verdict.brokenAt}: ${verdict.reason}. History may have been altered. ` +
            `Reads go on with a warning; writes are refused until an administrator checks the history and acknowledges ` +
            `(POST /api/audit-trail/chain/acknowledgements).`,
        );
      }
      this.current = {
        state: 'broken',
        verifiedPosition: verdict.tip.position,
        brokenAt: verdict.brokenAt,
        reason: verdict.reason,
        detectedAt: same ? before.detectedAt : now,
        lastVerifiedAt: now,
        lastFullSweepAt: kind === 'full' ? now : before.lastFullSweepAt,
        acknowledged: acknowledged.list,
      };
    }
    return this.current;
  }

  private async acknowledgements(): Promise<{ breaks: AcknowledgedBreaks; list: ChainIntegrityStatus['acknowledged'] }> {
    const events = await this.store!.readAll({ types: [CHAIN_BREAK_ACKNOWLEDGED], limit: 100_000 });
    const breaks = new Map<number, string | null>();
    const list = events.map((e) => {
      const d = e.data as ChainBreakAcknowledgedData;
      breaks.set(d.position, d.foundHash);
      return { position: d.position, at: e.recordedAt, by: e.actor.userId, eventPosition: e.position };
    });
    return { breaks, list };
  }

  private refusal(writes: readonly StreamWrite[]): Error | null {
    const brokenAt = this.brokenAt;
    if (brokenAt === null) return null;
    return writes.every((w) => w.streamId === CHAIN_INTEGRITY_STREAM) ? null : new ChainBrokenError(brokenAt);
  }
}

/** CHAIN_VERIFY_INTERVAL_MS and CHAIN_FULL_SWEEP_MS (milliseconds, 0 turns each off). */
export function chainIntegrityOptionsFromEnv(env: NodeJS.ProcessEnv): Pick<ChainIntegrityOptions, 'intervalMs' | 'fullSweepMs'> {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    if (!/^\d{1,10}$/.test(raw)) throw new Error(`${name} must be a number of milliseconds (0 turns it off), got "${raw}"`);
    return Number(raw);
  };
  return { intervalMs: read('CHAIN_VERIFY_INTERVAL_MS'), fullSweepMs: read('CHAIN_FULL_SWEEP_MS') };
}
