import { Checkpoint } from '../witness/checkpoint';
import { NotaryLink } from './notary-chain';

export const NOTARY_STORE = Symbol('NOTARY_STORE');

/**
 * Where the notary keeps its chain and the checkpoints it signed. The chain is its own checkpoint:
 * the last link says how far `$all` was notarized, so a restarted notary goes on from there and
 * the links and that progress are never out of step.
 */
export interface NotaryStore {
  /** The last link, or null before the first. */
  last(): Promise<NotaryLink | null>;
  /**
   * Appends links that continue the chain: `links[0].seq` must be one past the stored last link and
   * hang on its hash. When another notary moved the chain meanwhile, nothing is written and the
   * answer is false: two notaries can never fork the chain or write a link twice.
   */
  append(links: readonly NotaryLink[]): Promise<boolean>;
  /** Links with seq after `afterSeq`, in order. */
  links(afterSeq: number, limit: number): Promise<NotaryLink[]>;
  /** The link that notarized the event at this position. */
  atPosition(position: number): Promise<NotaryLink | null>;
  /** The link that notarized this revision of the stream (a per-stream chain's predecessor). */
  ofStream(streamId: string, revision: number): Promise<NotaryLink | null>;
  addCheckpoint(checkpoint: Checkpoint): Promise<void>;
  /** Signed checkpoints, oldest first. */
  checkpoints(): Promise<Checkpoint[]>;
  latestCheckpoint(): Promise<Checkpoint | null>;
  close(): Promise<void>;
}
