import { Checkpoint, checkpointMessage, checkpointView, CheckpointView, NOTARY_CHECKPOINT_PREFIX } from '../witness/checkpoint';
import { SigningKey } from '../witness/signing-key';
import { linkProblem, tipOf } from './notary-chain';
import { Anchor, Failure, Walk, WalkOptions } from './notary-walk';

/** How a verification against the notary ended; every failure names what happened and where. */
export type NotaryFinding =
  | 'consistent'
  /** An event's content no longer matches its stored hash, or its previous hash no longer matches its chain. */
  | 'modified'
  /** An event's content and hash were changed together (its chain recomputed): the hash differs from the notarized one. */
  | 'rewritten'
  /** A notarized event is gone while later events remain. */
  | 'deleted'
  /** The newest notarized events are gone (appended, notarized, then removed). */
  | 'truncated'
  /** Another event stands at a notarized position: moved there from elsewhere in history. */
  | 'reordered'
  /** Another event stands at a notarized position, one the notary never saw (removed and replaced). */
  | 'replaced'
  /** An event stands below the notary's tip where the notary saw none. */
  | 'inserted'
  /** The notary's own chain does not hold: a link changed, missing or out of order. */
  | 'notary_broken'
  /** The notary's chain no longer reaches a checkpoint it signed: rewritten or cut after it was signed. */
  | 'notary_rewritten'
  /** A stored checkpoint whose signature is not the platform's. */
  | 'bad_checkpoint';

export interface NotaryVerification {
  readonly ok: boolean;
  readonly finding: NotaryFinding;
  /** The event position implicated (for a notary link: the position it notarized). */
  readonly position: number | null;
  readonly verdict: string;
  /** How far the notary's chain reaches. */
  readonly tip: { readonly seq: number; readonly position: number };
  readonly headPosition: number;
  /** Events checked against their links in this pass. */
  readonly notarizedChecked: number;
  /** Events after the notary's tip: checked for their own hashes only, not yet notarized. */
  readonly unnotarized: number;
  /** The latest signed checkpoint the chain was shown to reach. */
  readonly checkpoint: CheckpointView | null;
  /** Where an incremental pass started: a checkpoint verified before; null for a full pass. */
  readonly from: { readonly position: number; readonly seq: number } | null;
}

export interface NotaryVerifierOptions extends WalkOptions {
  readonly key: SigningKey;
}

const VERDICTS: Record<Exclude<NotaryFinding, 'consistent'>, string> = {
  modified: '事件被修改 (event modified)',
  rewritten: '事件被修改并重算了哈希链，与公证记录不符 (event rewritten and re-hashed: differs from what was notarized)',
  deleted: '已公证的事件被删除 (notarized event deleted)',
  truncated: '已公证的最新事件被删除 (notarized events removed from the end)',
  reordered: '事件的顺序被调换 (events reordered)',
  replaced: '已公证的事件被删除并由另一事件取代 (notarized event removed and replaced)',
  inserted: '在已公证的历史中插入了事件 (event inserted into notarized history)',
  notary_broken: '公证链本身被改动 (the notary chain itself was altered)',
  notary_rewritten: '公证链不再包含已签发的公证检查点 (the notary chain no longer reaches a signed checkpoint)',
  bad_checkpoint: '公证检查点签名无效 (a notary checkpoint does not verify)',
};

/**
 * Verifies history against the notary: each event's own hash recomputed from its content and its
 * chain (global or per stream), each notarized event found at its position with the hash the
 * notary recorded, nothing where the notary saw nothing, the notary's chain intact and reaching
 * every checkpoint it signed. After a pass that holds, the next one starts from the latest signed
 * checkpoint it reached (its signature, its link and its event re-checked first) and walks only
 * what follows; anything the anchor no longer shows sends it back to a full pass.
 */
export class NotaryVerifier {
  private anchor: Anchor | null = null;

  constructor(private readonly o: NotaryVerifierOptions) {}

  async verify(options: { full?: boolean } = {}): Promise<NotaryVerification> {
    const checkpoints = await this.o.store.checkpoints();
    const bad = checkpoints.find((c) => !this.signed(c));
    const headPosition = await this.o.source.headPosition();
    const tip = tipOf(await this.o.store.last());
    const base = { tip: { seq: tip.seq, position: tip.position }, headPosition };
    if (bad) {
      return { ...base, ...this.failure({ finding: 'bad_checkpoint', position: bad.position, reason: `位置 ${bad.position} 的检查点 (checkpoint at ${bad.position})` }), notarizedChecked: 0, unnotarized: 0, checkpoint: null, from: null };
    }
    const anchor = options.full ? null : await this.trustedAnchor();
    const walk = new Walk(this.o, anchor, checkpoints, tip.seq);
    const failure = await walk.run();
    const reached = walk.reachedCheckpoint ?? anchor?.checkpoint ?? null;
    const result = {
      ...base,
      notarizedChecked: walk.notarized,
      unnotarized: walk.unnotarized,
      checkpoint: reached ? checkpointView(reached, NOTARY_CHECKPOINT_PREFIX) : null,
      from: anchor ? { position: anchor.checkpoint.position, seq: anchor.link?.seq ?? 0 } : null,
    };
    if (failure) {
      this.anchor = null;
      // An incremental pass that fails re-runs in full: the finding it names is then the first in history.
      if (anchor) return this.verify({ full: true });
      return { ...result, ...this.failure(failure) };
    }
    if (walk.reachedCheckpoint) this.anchor = { checkpoint: walk.reachedCheckpoint, link: walk.reachedLink };
    const from = anchor ? `；自已核验的检查点（位置 ${anchor.checkpoint.position}）续验 (verified incrementally from position ${anchor.checkpoint.position})` : '';
    return {
      ...result,
      ok: true,
      finding: 'consistent',
      position: null,
      verdict: `历史与公证链一致：已公证至位置 ${tip.position}（共 ${tip.seq} 个事件），未被修改、删除、调换或插入${from} (history consistent with the notary)`,
    };
  }

  private failure(f: Failure): Pick<NotaryVerification, 'ok' | 'finding' | 'position' | 'verdict'> {
    const at = f.position === null ? '' : `位置 ${f.position}：`;
    return { ok: false, finding: f.finding, position: f.position, verdict: `${VERDICTS[f.finding]}：${at}${f.reason}` };
  }

  private signed(c: Checkpoint): boolean {
    return c.keyId === this.o.key.keyId && this.o.key.verify(checkpointMessage(c, NOTARY_CHECKPOINT_PREFIX), c.signature);
  }

  /** The last verified checkpoint, if its link still carries the signed hash and its event still the notarized one. */
  private async trustedAnchor(): Promise<Anchor | null> {
    const a = this.anchor;
    if (!a || !this.signed(a.checkpoint)) return null;
    if (a.checkpoint.position === 0) return a;
    const link = await this.o.store.atPosition(a.checkpoint.position);
    if (!link || link.hash !== a.checkpoint.hash || link.seq !== a.link?.seq || linkProblem({ seq: link.seq - 1, position: -1, hash: link.prevHash }, link)) return null;
    const [event] = await this.o.source.read(a.checkpoint.position - 1, 1);
    if (!event || event.position !== link.position || event.eventId !== link.eventId || event.hash !== link.eventHash || !event.contentHolds()) return null;
    return { checkpoint: a.checkpoint, link };
  }
}
