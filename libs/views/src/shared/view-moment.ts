import { Inject, Injectable } from '@nestjs/common';
import { badRequest, CLOCK, Clock } from '@platform/common';
import { ORGANIZATION_EVENT_TYPES, OrganizationTree } from '@platform/domain';
import { EVENT_STORE, EventStore, PositionCodec } from '@platform/event-store';
import { OrganizationDirectory } from '@platform/organizations';
import { MemoBudget, MomentMemos } from './moment-memos';
import { positionParam } from './position-param';
import { Checkpoint, computeAsOf, positionAt, PROJECTION_CATCH_UP, ProjectionCatchUp, ProjectionRunner, READ_STORE, ReadStore } from '@platform/read-models';

/** How far a client's clock may run ahead of ours before an "as of" time counts as the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Read-your-writes: how long a query waits for the projections before answering with what they have. */
const CATCH_UP_TIMEOUT_MS = 10_000;

export interface ViewLag {
  /** Events stored up to the moment asked for that the projections have not applied; null where the store cannot count them. */
  readonly events: number | null;
  /** Since the first of them was recorded. */
  readonly ms: number;
  /** The position the answer reflects. */
  readonly checkpoint: number;
}

export type AsOfRequest = { readonly untilPosition: number } | { readonly at: string };

/**
 * Documents read whole for one moment, kept while they are still the moment's: `load` runs once per
 * projection state (live: its stored checkpoint; past: the position), and later requests for the
 * same key and state share its result. Results are shared: callers never mutate them.
 */
export type MomentMemo = <T>(projection: string | readonly string[], key: string, load: () => Promise<T>, options?: MemoOptions) => Promise<T>;

/** small: a value of a few bytes (a count), kept among many more of its kind without evicting whole-campaign reads. */
export interface MemoOptions {
  readonly small?: boolean;
}

/**
 * Whole-campaign reads, and what is prepared from them, take up to about 20 MiB each at twice the
 * demo city (a campaign's ranked board 17-18 MiB, its unit tallies 3-4 MiB): the live moment's and
 * a few past moments' are kept, each within a byte budget of its own, so a run of past moments
 * asked once never evicts the live board. 24 entries by count alone let the main thread's heap
 * reach 928 MiB there, and the server's resident set 1.1 GiB; with these budgets the city bench's
 * peak is 813-868 MiB. The past budget holds two moments asked again and again (a board and a
 * tracker each) beside the one being read: at 64 MiB they evicted each other.
 */
const LIVE_MEMO_BUDGET: MemoBudget = { entries: 24, bytes: 64 * 2 ** 20 };
const PAST_MEMO_BUDGET: MemoBudget = { entries: 24, bytes: 96 * 2 ** 20 };
const SMALL_MEMO_BUDGET: MemoBudget = { entries: 512, bytes: 4 * 2 ** 20 };
/** Live values whose last state is known (to carry them over writes they do not depend on): more than the live memo holds. */
const LIVE_STATES_KEPT = 256;

/**
 * The moment a view is computed for: the events up to `position`, the organization tree as it
 * stood then, and the read-model documents as they stood then — live ones, the read store's
 * versions of that moment, or (where a store keeps none) ones replayed from the events by the same
 * projection code. `at` is the view's day for deadline warnings.
 */
export interface ViewMoment {
  readonly position: number;
  /** The store's public form of positions: every position an answer shows goes out through it. */
  readonly positions: PositionCodec;
  readonly at: string | null;
  readonly live: boolean;
  /** True when the projections did not catch up in time (the answer may miss recent writes). */
  readonly stale: boolean;
  /** While stale: how far behind the answer is. */
  readonly lag: ViewLag | null;
  readonly tree: OrganizationTree;
  store(projection: string): ReadStore;
  /** Absent where nothing may be shared (e.g. a moment built by a test). */
  readonly memo?: MomentMemo;
}

/** An ISO date, with or without its time: anything else is a position token. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** `asOf` is a position token this store issued (in its current form or one it issued before, as old links have them) or an ISO time. */
export function parseAsOf(raw: string | undefined, now: Date, positions: PositionCodec): AsOfRequest | null {
  if (raw === undefined || raw === '') return null;
  if (!ISO_DATE.test(raw)) return { untilPosition: positionParam(positions, 'asOf', raw) };
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw badRequest([{ field: 'asOf', rule: 'asOf', message: 'asOf 须为位置令牌或 ISO 时间 (a position token or an ISO time)' }]);
  if (t > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw badRequest([{ field: 'asOf', rule: 'notInFuture', message: 'asOf 不能晚于当前时间 (must not be in the future)' }]);
  }
  return { at: new Date(t).toISOString() };
}

@Injectable()
export class ViewMoments {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    /** For the projections' definitions (as-of replays); never awaited: it may not run in this process. */
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTION_CATCH_UP) private readonly catchUpTo: ProjectionCatchUp,
    private readonly directory: OrganizationDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Now (after the projections caught up with every event stored when asked, so a GET right
   * after a POST sees it), or a past moment. `replay: false` is for projections whose documents
   * never change once written (the audit trail): the live documents up to the position are then
   * exactly the replayed ones, and the query bounds itself by the position.
   */
  async resolve(rawAsOf: string | undefined, projections: readonly string[], options: { replay?: boolean } = {}): Promise<ViewMoment> {
    const now = this.clock();
    const asOf = parseAsOf(rawAsOf, now, this.events.positions);
    if (!asOf) return this.live(now, projections);
    const head = await this.events.headPosition();
    const position = 'untilPosition' in asOf ? Math.min(asOf.untilPosition, head) : await positionAt(this.events, asOf.at);
    const at = 'at' in asOf ? asOf.at : await this.recordedAt(position);
    const tree = await this.directory.asOf(position);
    if (options.replay === false) {
      const stale = await this.staleAt(position, projections);
      return { position, positions: this.events.positions, at, live: false, stale, lag: stale ? await this.lagAt(position, projections) : null, tree, store: () => this.store };
    }
    // The documents at a past position never change: their memo needs nothing but the position.
    const memo: MomentMemo = (projection, key, load, options) => this.remember(`${[projection].flat().join(',')}@${position}|${key}`, load, async () => true, options);
    return { position, positions: this.events.positions, at, live: false, stale: false, lag: null, tree, memo, ...(await this.past(position, projections)) };
  }

  /** The documents of these projections exactly at `position`: live when they stand there, else as stored then (see past). */
  async exactly<T>(position: number, projections: readonly string[], read: (store: (p: string) => ReadStore) => Promise<T>): Promise<T> {
    await this.staleAt(position, projections);
    const atPosition = async () => (await Promise.all(projections.map((p) => this.store.checkpoint(p)))).every((c) => c?.position === position);
    if (await atPosition()) {
      const result = await read(() => this.store);
      // A batch committed while reading would mix two moments: then read the moment's versions instead.
      if (await atPosition()) return result;
    }
    const { store } = await this.past(position, projections);
    return read(store);
  }

  /** The documents replayed from the events up to `position`, whatever the live ones say. */
  async replay<T>(position: number, projections: readonly string[], read: (store: (p: string) => ReadStore) => Promise<T>): Promise<T> {
    const { store } = await this.replayed(position, projections);
    return read(store);
  }

  async treeAt(position: number): Promise<OrganizationTree> {
    return this.directory.asOf(position);
  }

  private async live(now: Date, projections: readonly string[]): Promise<ViewMoment> {
    const position = await this.events.headPosition();
    const stale = await this.staleAt(position, projections);
    const lag = stale ? await this.lagAt(position, projections) : null;
    const tree = await this.directory.current();
    return { position, positions: this.events.positions, at: now.toISOString(), live: true, stale, lag, tree, store: () => this.store, memo: (p, key, load, options) => this.rememberLive(p, key, load, options) };
  }

  /**
   * Live documents are remembered under the projections' checkpoints, and only if no batch landed
   * while they were read. A checkpoint moves with every event stored (a projection's batch runs to
   * the head whatever it handles), so a value whose projections handled none of the events since
   * it was read (nor an organization event: what is derived from the tree) is carried to the new
   * checkpoints instead of read again: a write elsewhere leaves the whole-city board as it was.
   */
  private async rememberLive<T>(projection: string | readonly string[], key: string, load: () => Promise<T>, options?: MemoOptions): Promise<T> {
    const names = [projection].flat();
    const checkpointsNow = () => Promise.all(names.map(async (p) => this.store.checkpoint(p)));
    const stateOf = (checkpoints: ReadonlyArray<Checkpoint | null>) => checkpoints.map((c, i) => `${names[i]}#${c?.version ?? 0}:${c?.position ?? 0}`).join(',');
    const checkpoints = await checkpointsNow();
    const state = stateOf(checkpoints);
    const memos = options?.small ? this.smallMemos : this.liveMemos;
    if (!options?.small) await this.carryLive(memos, names, key, checkpoints, state);
    return memos.remember(`${state}|${key}`, load, async () => stateOf(await checkpointsNow()) === state);
  }

  /** Where each live value was last read or carried: its projections' checkpoints then. */
  private readonly liveStates = new Map<string, { readonly state: string; readonly checkpoints: ReadonlyArray<Checkpoint | null> }>();

  private async carryLive(memos: MomentMemos, names: readonly string[], key: string, checkpoints: ReadonlyArray<Checkpoint | null>, state: string): Promise<void> {
    const id = `${names.join(',')}|${key}`;
    const last = this.liveStates.get(id);
    this.liveStates.delete(id);
    this.liveStates.set(id, { state, checkpoints });
    if (this.liveStates.size > LIVE_STATES_KEPT) this.liveStates.delete(this.liveStates.keys().next().value!);
    if (!last || last.state === state) return;
    // A rebuild (another version, or a checkpoint back at the start) is no later state of the same documents.
    const comparable = checkpoints.every((c, i) => {
      const before = last.checkpoints[i];
      return !!c && !!before && c.version === before.version && c.position >= before.position;
    });
    if (!comparable) return;
    const after = Math.min(...last.checkpoints.map((c) => c!.position));
    const until = Math.max(...checkpoints.map((c) => c!.position));
    const handled = names.map((n) => this.handledBy(n));
    if (handled.some((h) => h === null)) return;
    const types = [...new Set([...handled.flatMap((h) => h!), ...ORGANIZATION_EVENT_TYPES])];
    const [changed] = await this.events.readAll({ after, until, types, limit: 1 });
    if (!changed) memos.carry(`${last.state}|${key}`, `${state}|${key}`);
  }

  /** The event types a projection handles; null for one this process does not define (nothing is carried then). */
  private handledBy(name: string): readonly string[] | null {
    try {
      return this.runner.projection(name).handles;
    } catch {
      return null;
    }
  }

  private readonly liveMemos = new MomentMemos(LIVE_MEMO_BUDGET);
  private readonly pastMemos = new MomentMemos(PAST_MEMO_BUDGET);
  private readonly smallMemos = new MomentMemos(SMALL_MEMO_BUDGET);

  /** Concurrent requests for one key share one load; the least recently used entry goes first. */
  private remember<T>(key: string, load: () => Promise<T>, stillValid: () => Promise<boolean>, options: MemoOptions | undefined): Promise<T> {
    return (options?.small ? this.smallMemos : this.pastMemos).remember(key, load, stillValid);
  }

  /**
   * How far the slowest of these projections is behind `position`: in events, and in time from
   * the first event it has not applied to the moment asked for (what a reader may be missing).
   */
  private async lagAt(position: number, projections: readonly string[]): Promise<ViewLag> {
    const checkpoints = await Promise.all(projections.map((p) => this.store.checkpoint(p)));
    const behind = Math.min(...checkpoints.map((c) => c?.position ?? 0));
    const missed = behind < position ? await this.events.readAll({ after: behind, until: position, limit: 1 }) : [];
    const events = missed.length === 0 ? 0 : await this.events.countEvents(behind, position);
    const since = missed[0] ? Date.parse(missed[0].recordedAt) : null;
    return { events, ms: since === null ? 0 : Math.max(0, this.clock().getTime() - since), checkpoint: behind };
  }

  /**
   * The documents of these projections as they stood at `position`: the store's versions (a
   * query, as cheap as a live one) where it keeps them, otherwise replayed from the events.
   */
  private async past(position: number, projections: readonly string[]): Promise<{ store(p: string): ReadStore }> {
    const stores = new Map<string, ReadStore>();
    await Promise.all(
      projections.map(async (name) => {
        stores.set(name, (await this.versionsAt(name, position)) ?? (await computeAsOf(this.events, this.runner.projection(name), { untilPosition: position })).store);
      }),
    );
    return { store: (p) => stores.get(p) ?? this.missing(p) };
  }

  private async versionsAt(name: string, position: number): Promise<ReadStore | null> {
    if (!this.store.versionsAt) return null;
    const found = await this.store.versionsAt(name, position);
    if (found) return found;
    // Versions exist only up to the checkpoint: a moment just written waits for it like a live view.
    if (await this.staleAt(position, [name])) return null;
    return this.store.versionsAt(name, position);
  }

  private missing(p: string): never {
    throw new Error(`projection ${p} was not read for this view`);
  }

  /** Waits until these projections hold every event stored now; false when they did not in time. */
  async catchUp(projections: readonly string[]): Promise<boolean> {
    return !(await this.staleAt(await this.events.headPosition(), projections));
  }

  /**
   * True when the projections' stored checkpoints did not reach `position` in time (the answer
   * then says it may be stale), wherever the projections run.
   */
  private async staleAt(position: number, projections: readonly string[]): Promise<boolean> {
    return !(await this.catchUpTo.reached(position, projections, CATCH_UP_TIMEOUT_MS));
  }

  private async replayed(position: number, projections: readonly string[]): Promise<{ store(p: string): ReadStore }> {
    const stores = new Map<string, ReadStore>();
    for (const name of projections) {
      stores.set(name, (await computeAsOf(this.events, this.runner.projection(name), { untilPosition: position })).store);
    }
    return { store: (p) => stores.get(p) ?? this.missing(p) };
  }

  private async recordedAt(position: number): Promise<string | null> {
    if (position <= 0) return null;
    const [e] = await this.events.readAll({ after: position - 1, until: position, limit: 1 });
    return e?.recordedAt ?? null;
  }
}
