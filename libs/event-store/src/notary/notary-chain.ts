import { hash } from 'node:crypto';
import { GENESIS_HASH } from '../hash-chain';

/**
 * One link of the notary's chain: an event of `$all` as the notary saw it, in the order it read
 * it. `eventHash` is the event's own hash as the store keeps it (the global chain's hash on the
 * embedded store, the stream's chain hash on KurrentDB), so a later edit of the event — even one
 * that recomputes its chain — no longer matches what was notarized.
 */
export interface NotaryLink {
  /** 1, 2, 3…: the link's place in the notary chain. */
  readonly seq: number;
  /** The event's position in `$all` (dense on the embedded store, a commit position on KurrentDB). */
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly eventHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The point of the notary chain reached so far (seq 0, position 0, genesis hash: nothing notarized). */
export interface NotaryTip {
  readonly seq: number;
  readonly position: number;
  readonly hash: string;
}

export const NOTARY_GENESIS: NotaryTip = { seq: 0, position: 0, hash: GENESIS_HASH };

export type NotarizedFields = Omit<NotaryLink, 'hash' | 'prevHash' | 'seq'>;

export function linkHash(prevHash: string, seq: number, f: NotarizedFields): string {
  return hash('sha256', JSON.stringify(['notary', prevHash, seq, f.position, f.streamId, f.revision, f.eventId, f.eventHash]), 'hex');
}

/** The links that chain `events` onto `tip`, in the order given. */
export function chainLinks(tip: NotaryTip, events: readonly NotarizedFields[]): NotaryLink[] {
  let prevHash = tip.hash;
  let seq = tip.seq;
  return events.map((e) => {
    seq += 1;
    const link: NotaryLink = {
      seq,
      position: e.position,
      streamId: e.streamId,
      revision: e.revision,
      eventId: e.eventId,
      eventHash: e.eventHash,
      prevHash,
      hash: linkHash(prevHash, seq, e),
    };
    prevHash = link.hash;
    return link;
  });
}

export const tipOf = (link: NotaryLink | null): NotaryTip => (link ? { seq: link.seq, position: link.position, hash: link.hash } : NOTARY_GENESIS);

/** Why a stored link does not follow its predecessor, or null when it does. */
export function linkProblem(prev: NotaryTip, link: NotaryLink): string | null {
  if (link.seq !== prev.seq + 1) return `公证链第 ${prev.seq + 1} 环缺失 (notary link ${prev.seq + 1} is missing)`;
  if (link.prevHash !== prev.hash) return `公证链第 ${link.seq} 环与前一环不衔接 (notary link ${link.seq} does not follow its predecessor)`;
  if (link.position <= prev.position) return `公证链第 ${link.seq} 环的位置未递增 (notary link ${link.seq} goes back in position)`;
  if (linkHash(link.prevHash, link.seq, link) !== link.hash) return `公证链第 ${link.seq} 环的内容与其哈希不符 (notary link ${link.seq} does not match its hash)`;
  return null;
}
