import { Database as Db } from 'better-sqlite3';
import { Checkpoint } from '../witness/checkpoint';
import { NotaryLink } from './notary-chain';
import { NotaryStore } from './notary-store.port';
import { NotaryWriterThread } from './notary-writer-thread';
import { CheckpointRow, LinkRow, NotaryFile, openNotaryFile } from './sqlite-notary-file';

const toLink = (r: LinkRow): NotaryLink => ({
  seq: r.seq,
  position: r.position,
  streamId: r.stream_id,
  revision: r.revision,
  eventId: r.event_id,
  eventHash: r.event_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({ position: r.position, hash: r.hash, issuedAt: r.issued_at, keyId: r.key_id, signature: r.signature });

export interface SqliteNotaryStoreOptions {
  /**
   * Where the writes commit: 'inline' on this connection (tools, tests), 'thread' on a writer
   * thread of their own (see NotaryWriterThread; the platform's notary, which runs on the thread
   * that answers requests). A file in memory is written inline.
   */
  readonly writer?: 'inline' | 'thread';
}

/**
 * The notary's chain in its own SQLite file (DATA_DIR/notary.sqlite), apart from events.sqlite:
 * rewriting the events leaves the notarized hashes standing. Several processes on one data
 * directory share it (WAL); an append checks the last link inside its write transaction.
 */
export class SqliteNotaryStore implements NotaryStore {
  private readonly notary: NotaryFile;
  private readonly writer: NotaryWriterThread | null;

  constructor(file: string, options: SqliteNotaryStoreOptions = {}) {
    this.notary = openNotaryFile(file);
    this.writer = options.writer === 'thread' && file !== ':memory:' ? new NotaryWriterThread(file) : null;
  }

  private get db(): Db {
    return this.notary.db;
  }

  async last(): Promise<NotaryLink | null> {
    const r = this.notary.stmt.last.get();
    return r ? toLink(r) : null;
  }

  async append(links: readonly NotaryLink[]): Promise<boolean> {
    if (links.length === 0) return true;
    return this.writer ? this.writer.write({ kind: 'append', links }) : this.notary.append(links);
  }

  async links(afterSeq: number, limit: number): Promise<NotaryLink[]> {
    return this.notary.stmt.after.all(afterSeq, limit).map(toLink);
  }

  async atPosition(position: number): Promise<NotaryLink | null> {
    const r = this.notary.stmt.atPosition.get(position);
    return r ? toLink(r) : null;
  }

  async ofStream(streamId: string, revision: number): Promise<NotaryLink | null> {
    const r = this.notary.stmt.ofStream.get(streamId, revision);
    return r ? toLink(r) : null;
  }

  /** The same signed checkpoint stored twice (a retry) is one checkpoint. */
  async addCheckpoint(c: Checkpoint): Promise<void> {
    if (this.writer) await this.writer.write({ kind: 'checkpoint', checkpoint: c });
    else this.notary.addCheckpoint(c);
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return this.notary.stmt.checkpoints.all().map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const r = this.notary.stmt.latestCheckpoint.get();
    return r ? toCheckpoint(r) : null;
  }

  /** The insider's handle in tests: the same file, as anyone with access to DATA_DIR has it. */
  get file(): string {
    return this.db.name;
  }

  async close(): Promise<void> {
    await this.writer?.close();
    if (this.db.open) this.db.close();
  }
}
