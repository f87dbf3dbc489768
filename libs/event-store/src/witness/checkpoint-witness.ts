import { Checkpoint, checkpointMessage, checkpointView, CheckpointView } from './checkpoint';
import { CheckpointReason, IssuedCheckpoint, SqliteCheckpointLog } from './checkpoint-store';
import { ChainExtension, extendInThread } from './chain-extension';
import { Finding, HistorySource, scanSource } from './history-scan';
import { SigningKey } from './signing-key';

export interface WitnessSchedule {
  /** Issue a checkpoint once this many events were appended since the last one; 0 turns it off. */
  readonly everyEvents: number;
  /** Issue one this many minutes after the last when events were appended meanwhile; 0 turns it off. */
  readonly everyMinutes: number;
}

export interface CheckpointWitnessOptions extends WitnessSchedule {
  readonly source: HistorySource & { onAppended?(listener: () => void): () => void };
  readonly log: SqliteCheckpointLog;
  readonly key: SigningKey;
  readonly clock: () => Date;
  /** Told when a checkpoint cannot be issued because the history no longer follows the last one. */
  readonly onAlarm?: (message: string) => void;
  /**
   * Why this witness issues nothing: the store keeps no global chain to sign (one chain per
   * stream, KurrentDB), and the global notary's ANP1 checkpoints stand in. Documents then print
   * no ACP1 checkpoint, and a checkpoint given to verify is answered with this reason.
   */
  readonly stepsAside?: string;
  /** Where the events since the last checkpoint are re-hashed before signing; on the calling thread by default. */
  readonly extension?: ChainExtension;
}

/** How a checkpoint's verification ended; every failure names what happened to the history. */
export type WitnessFinding =
  | 'consistent'
  | 'unknown_key'
  | 'bad_signature'
  | 'truncated'
  | 'deleted'
  | 'reordered'
  | 'modified'
  | 'rewritten'
  | 'no_checkpoint';

export interface CheckpointVerification {
  readonly ok: boolean;
  readonly finding: WitnessFinding;
  /** First position implicated, when the finding has one. */
  readonly position: number | null;
  /** For a re-hashed rewrite: the first changed event lies after `after` and at or before `upTo`. */
  readonly range: { readonly after: number; readonly upTo: number } | null;
  readonly verdict: string;
  readonly checkpoint: CheckpointView | null;
  readonly headPosition: number;
  /** The stored chain is intact from the first event to the head (each hash agrees with its content and predecessor). */
  readonly chainIntact: boolean;
  readonly chainBreak: Finding | null;
}

export class WitnessRefusedError extends Error {
  constructor(readonly finding: Finding) {
    super(`拒绝签发检查点：位置 ${finding.position}：${finding.reason}`);
  }
}

/**
 * Issues signed checkpoints of the event log and verifies checkpoints against today's history.
 * Each new checkpoint is signed only after the events since the previous one are shown to follow
 * on from its witnessed hash, so the stored checkpoints form one consistent line.
 */
export class CheckpointWitness {
  private issuing: Promise<unknown> = Promise.resolve();
  private lastPosition: number;
  private lastIssuedAt: number;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private pending = false;
  /** A scheduled issue is queued or running: appends meanwhile do not queue another. */
  private scheduled = false;
  private stopped = false;
  private lastAlarm: string | null = null;
  /**
   * How far this process has shown the stored history consistent: the head of the last full
   * verification (or of an incremental one after it) and its hash, with the checkpoints proven so.
   */
  private verified: { position: number; hash: string; checkpoints: Set<string> } | null = null;
  private readonly extension: ChainExtension;

  constructor(private readonly o: CheckpointWitnessOptions) {
    this.extension = o.extension ?? extendInThread(o.source);
    const latest = o.log.latest();
    this.lastPosition = latest?.position ?? -1;
    this.lastIssuedAt = latest ? Date.parse(latest.issuedAt) : 0;
  }

  get keyId(): string {
    return this.o.key.keyId;
  }

  get publicKeyPem(): string {
    return this.o.key.publicKeyPem;
  }

  /** Signs the head now: for a notice or an export that prints it, or on schedule. Calls run one at a time. */
  issue(reason: CheckpointReason, ref: string | null = null): Promise<IssuedCheckpoint> {
    const run = this.issuing.then(() => this.issueNow(reason, ref));
    this.issuing = run.catch(() => undefined);
    return run;
  }

  /** The checkpoint printed on a document; issued now if the document got none (e.g. a crash in between). */
  async checkpointFor(reason: CheckpointReason, ref: string): Promise<IssuedCheckpoint> {
    return this.o.log.forRef(reason, ref) ?? this.issue(reason, ref);
  }

  latest(): IssuedCheckpoint | null {
    return this.o.log.latest();
  }

  page(before: number | undefined, limit: number): IssuedCheckpoint[] {
    return this.o.log.page(before, limit);
  }

  /**
   * Starts the schedule: a checkpoint at start, then by event count and by time. The first start
   * on a long history re-hashes all of it; it runs behind the scenes rather than delaying the start.
   */
  start(): void {
    if (this.o.stepsAside) return;
    this.issue('start').catch((error) => this.alarm(error));
    if (this.o.everyEvents > 0 && this.o.source.onAppended) {
      this.unsubscribe = this.o.source.onAppended(() => this.onAppended());
    }
    if (this.o.everyMinutes > 0) {
      const ms = this.o.everyMinutes * 60_000;
      this.timer = setInterval(() => this.onTimer(ms), Math.min(ms, 60_000));
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.issuing;
    await this.extension.close();
  }

  private onAppended(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.issueScheduled((head) => head - this.lastPosition >= this.o.everyEvents);
    });
  }

  private onTimer(ms: number): void {
    if (this.o.clock().getTime() - this.lastIssuedAt >= ms) this.issueScheduled((head) => head > this.lastPosition);
  }

  /**
   * A refused attempt counts as the last one for the schedule: while the history stays broken the
   * witness retries once per interval, not on every append.
   */
  private issueScheduled(due: (head: number) => boolean): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    this.o.source
      .headPosition()
      .then(async (head) => {
        if (!due(head)) return;
        try {
          await this.issue('interval');
        } catch (error) {
          this.lastPosition = Math.max(this.lastPosition, head);
          this.lastIssuedAt = this.o.clock().getTime();
          throw error;
        }
      })
      .catch((error) => this.alarm(error))
      .finally(() => (this.scheduled = false));
  }

  private alarm(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message === this.lastAlarm) return;
    this.lastAlarm = message;
    this.o.onAlarm?.(message);
  }

  private async issueNow(reason: CheckpointReason, ref: string | null): Promise<IssuedCheckpoint> {
    if (this.o.stepsAside) throw new WitnessRefusedError({ position: 0, reason: this.o.stepsAside });
    const head = await this.o.source.headPosition();
    const last = this.o.log.latest();
    const scheduled = reason === 'start' || reason === 'interval';
    if (scheduled && last && last.keyId === this.o.key.keyId && last.position === head) return last;
    const tip = await this.tipAt(head, last);
    const issuedAt = new Date(Math.floor(this.o.clock().getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const unsigned = { position: tip.position, hash: tip.hash, issuedAt, keyId: this.o.key.keyId };
    const issued = this.o.log.add({ ...unsigned, signature: this.o.key.sign(checkpointMessage(unsigned)) }, reason, ref);
    this.lastPosition = issued.position;
    this.lastIssuedAt = Date.parse(issued.issuedAt);
    this.lastAlarm = null;
    return issued;
  }

  /** The head's hash, shown to follow from the last checkpoint (or from the genesis when there is none of this key). */
  private async tipAt(head: number, last: IssuedCheckpoint | null): Promise<{ position: number; hash: string }> {
    if (last && last.keyId === this.o.key.keyId) {
      if (head < last.position) {
        throw new WitnessRefusedError({ position: head + 1, reason: `历史被截断：上一检查点见证到位置 ${last.position} (history truncated)` });
      }
      const tip = await this.extension.extend(last, head);
      if ('reason' in tip) throw new WitnessRefusedError(tip);
      return tip;
    }
    const scan = await scanSource(this.o.source, [], head);
    const broken = scan.missing ?? scan.chainBreak;
    if (broken) throw new WitnessRefusedError(broken);
    return { position: scan.head, hash: scan.headHash };
  }

  /**
   * The latest checkpoint against today's history. After one full pass, later calls go on from the
   * head it reached (incremental): the stored row there must still carry the hash that pass
   * recomputed (a rewrite or truncation of the prefix changes it), and the events after it must
   * chain on from it by their content. An edit before that point that leaves every stored hash as
   * it was is found only by a full pass: `verify` with the checkpoint's text, or the chain check.
   * Anything the incremental pass cannot confirm is verified in full, which names the finding.
   */
  async verifyLatest(): Promise<CheckpointVerification> {
    const latest = this.o.log.latest();
    if (latest && !this.o.stepsAside) return (await this.verifyIncrementally(latest)) ?? this.verify(latest);
    return this.noCheckpoint();
  }

  private async noCheckpoint(): Promise<CheckpointVerification> {
    return {
      ok: false,
      finding: 'no_checkpoint',
      position: null,
      range: null,
      verdict: this.o.stepsAside ?? '尚未签发任何检查点 (no checkpoint has been issued)',
      checkpoint: null,
      headPosition: await this.o.source.headPosition(),
      chainIntact: false,
      chainBreak: null,
    };
  }

  private async verifyIncrementally(c: Checkpoint): Promise<CheckpointVerification | null> {
    const from = this.verified;
    if (!from || c.keyId !== this.o.key.keyId || !this.o.key.verify(checkpointMessage(c), c.signature)) return null;
    const proven = from.checkpoints.has(c.signature);
    if (!proven && c.position < from.position) return null;
    const head = await this.o.source.headPosition();
    if (head < from.position) return null;
    const [anchor] = this.o.source.readAllRows({ after: from.position - 1, until: from.position, limit: 1 });
    if (from.position > 0 && (!anchor || anchor.position !== from.position || anchor.hash !== from.hash)) return null;
    let tip: { position: number; hash: string } | Finding = from;
    if (!proven) {
      tip = await this.extension.extend(from, c.position);
      if ('reason' in tip || tip.position !== c.position || tip.hash !== c.hash) return null;
    }
    tip = await this.extension.extend(tip, head);
    if ('reason' in tip) return null;
    this.verified = { position: tip.position, hash: tip.hash, checkpoints: new Set([...from.checkpoints, c.signature]) };
    return {
      ok: true,
      finding: 'consistent',
      position: null,
      range: null,
      verdict: `历史仍包含该检查点：位置 1–${c.position} 未被改动、删除或调换；位置 ${from.position} 及之前由上次完整核验证明，本次从该处续验至位置 ${tip.position} (history consistent with the checkpoint; verified incrementally from position ${from.position})`,
      checkpoint: checkpointView(c),
      headPosition: tip.position,
      chainIntact: true,
      chainBreak: null,
    };
  }

  /**
   * Proves that today's history still contains the checkpoint unchanged: its signature is ours,
   * and the chain recomputed from the events' content reaches the signed hash at its position
   * (one pass to the head, which also checks the events after it chain on from it).
   */
  async verify(c: Checkpoint): Promise<CheckpointVerification> {
    if (this.o.stepsAside) return { ...(await this.noCheckpoint()), checkpoint: checkpointView(c) };
    const head = await this.o.source.headPosition();
    const base = { checkpoint: checkpointView(c), headPosition: head, range: null, chainIntact: false, chainBreak: null };
    if (c.keyId !== this.o.key.keyId) {
      return { ...base, ok: false, finding: 'unknown_key', position: null, verdict: `检查点由另一把密钥签发（密钥编号 ${c.keyId}，本平台为 ${this.o.key.keyId}）(signed by another key)` };
    }
    if (!this.o.key.verify(checkpointMessage(c), c.signature)) {
      return { ...base, ok: false, finding: 'bad_signature', position: null, verdict: '签名无效：检查点文本被改动或并非本平台签发 (signature does not verify)' };
    }
    const witnesses = this.o.log
      .all()
      .filter((s) => s.keyId === this.o.key.keyId && this.o.key.verify(checkpointMessage(s), s.signature));
    const scan = await scanSource(this.o.source, [c.position, ...witnesses.map((w) => w.position)], head);
    const chainBreak = scan.missing ?? scan.chainBreak;
    const common = { ...base, headPosition: scan.head, chainBreak, chainIntact: chainBreak === null };
    if (scan.head < c.position) {
      return {
        ...common,
        ok: false,
        finding: 'truncated',
        position: scan.head + 1,
        verdict: `历史被截断：检查点见证到位置 ${c.position}，如今事件只到位置 ${scan.head}，其后的事件已被删除 (history truncated)`,
      };
    }
    if (scan.recomputed.get(c.position) === c.hash) {
      // The stored chain agrees with the content from the genesis to the head: later calls go on from there.
      if (!chainBreak && !scan.disorder) this.verified = { position: scan.head, hash: scan.headHash, checkpoints: new Set([c.signature]) };
      const after = chainBreak && chainBreak.position > c.position ? `；但检查点之后位置 ${chainBreak.position} 处：${chainBreak.reason}` : '';
      return {
        ...common,
        ok: true,
        finding: 'consistent',
        position: null,
        verdict: `历史仍包含该检查点：位置 1–${c.position} 未被改动、删除或调换${after} (history consistent with the checkpoint)`,
      };
    }
    const before = (f: Finding | null) => (f && f.position <= c.position ? f : null);
    const named = (finding: WitnessFinding, f: Finding, what: string): CheckpointVerification => ({
      ...common,
      ok: false,
      finding,
      position: f.position,
      verdict: `检查点之前的历史已被${what}：位置 ${f.position}：${f.reason}`,
    });
    const missing = before(scan.missing);
    if (missing) return named('deleted', missing, '删除事件');
    const disorder = before(scan.disorder);
    if (disorder) return named('reordered', disorder, '调换顺序');
    const broken = before(scan.chainBreak);
    if (broken) return named('modified', broken, '修改');
    const mismatched = [c, ...witnesses].filter((w) => scan.recomputed.get(w.position) !== w.hash).map((w) => w.position);
    const upTo = Math.min(...mismatched);
    const after = Math.max(0, ...witnesses.filter((w) => w.position < upTo && scan.recomputed.get(w.position) === w.hash).map((w) => w.position));
    return {
      ...common,
      ok: false,
      finding: 'rewritten',
      position: after + 1,
      range: { after, upTo },
      verdict: `检查点之前的历史已被改写并重算了整条哈希链：改动在位置 ${after} 之后、位置 ${upTo} 及之前 (history rewritten and re-hashed)`,
    };
  }
}
