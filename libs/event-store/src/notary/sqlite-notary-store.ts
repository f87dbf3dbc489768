import Database, { Database as Db, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Checkpoint } from '../witness/checkpoint';
import { NotaryLink } from './notary-chain';
import { NotaryStore } from './notary-store.port';

interface LinkRow {
  seq: number;
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  event_hash: string;
  prev_hash: string;
  hash: string;
}

interface CheckpointRow {
  position: number;
  hash: string;
  issued_at: string;
  key_id: string;
  signature: string;
}

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

/**
 * The notary's chain in its own SQLite file (DATA_DIR/notary.sqlite), apart from events.sqlite:
 * rewriting the events leaves the notarized hashes standing. Several processes on one data
 * directory share it (WAL); an append checks the last link inside its write transaction.
 */
export class SqliteNotaryStore implements NotaryStore {
  private readonly db: Db;
  private readonly stmt: {
    last: Statement<[], LinkRow>;
    insert: Statement<LinkRow>;
    after: Statement<[number, number], LinkRow>;
    atPosition: Statement<[number], LinkRow>;
    ofStream: Statement<[string, number], LinkRow>;
    addCheckpoint: Statement<CheckpointRow>;
    checkpoints: Statement<[], CheckpointRow>;
    latestCheckpoint: Statement<[], CheckpointRow>;
  };
  private readonly appendTx: (links: readonly NotaryLink[]) => boolean;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS notary_links (
        seq        INTEGER PRIMARY KEY,
        position   INTEGER NOT NULL UNIQUE,
        stream_id  TEXT    NOT NULL,
        revision   INTEGER NOT NULL,
        event_id   TEXT    NOT NULL,
        event_hash TEXT    NOT NULL,
        prev_hash  TEXT    NOT NULL,
        hash       TEXT    NOT NULL
      );
      CREATE INDEX IF NOT EXISTS notary_links_by_stream ON notary_links (stream_id, revision);
      CREATE TABLE IF NOT EXISTS notary_checkpoints (
        id        INTEGER PRIMARY KEY,
        position  INTEGER NOT NULL,
        hash      TEXT    NOT NULL,
        issued_at TEXT    NOT NULL,
        key_id    TEXT    NOT NULL,
        signature TEXT    NOT NULL UNIQUE
      );
    `);
    this.stmt = {
      last: this.db.prepare('SELECT * FROM notary_links ORDER BY seq DESC LIMIT 1'),
      insert: this.db.prepare(
        `INSERT INTO notary_links (seq, position, stream_id, revision, event_id, event_hash, prev_hash, hash)
         VALUES (@seq, @position, @stream_id, @revision, @event_id, @event_hash, @prev_hash, @hash)`,
      ),
      after: this.db.prepare('SELECT * FROM notary_links WHERE seq > ? ORDER BY seq LIMIT ?'),
      atPosition: this.db.prepare('SELECT * FROM notary_links WHERE position = ?'),
      ofStream: this.db.prepare('SELECT * FROM notary_links WHERE stream_id = ? AND revision = ? ORDER BY seq LIMIT 1'),
      addCheckpoint: this.db.prepare(
        `INSERT OR IGNORE INTO notary_checkpoints (position, hash, issued_at, key_id, signature)
         VALUES (@position, @hash, @issued_at, @key_id, @signature)`,
      ),
      checkpoints: this.db.prepare('SELECT * FROM notary_checkpoints ORDER BY position, issued_at, id'),
      latestCheckpoint: this.db.prepare('SELECT * FROM notary_checkpoints ORDER BY position DESC, issued_at DESC, id DESC LIMIT 1'),
    };
    const append = this.db.transaction((links: readonly NotaryLink[]) => {
      const last = this.stmt.last.get();
      const first = links[0];
      if ((last?.seq ?? 0) !== first.seq - 1 || (last && last.hash !== first.prevHash)) return false;
      for (const l of links) {
        this.stmt.insert.run({
          seq: l.seq,
          position: l.position,
          stream_id: l.streamId,
          revision: l.revision,
          event_id: l.eventId,
          event_hash: l.eventHash,
          prev_hash: l.prevHash,
          hash: l.hash,
        });
      }
      return true;
    });
    this.appendTx = (links) => append.immediate(links);
  }

  async last(): Promise<NotaryLink | null> {
    const r = this.stmt.last.get();
    return r ? toLink(r) : null;
  }

  async append(links: readonly NotaryLink[]): Promise<boolean> {
    return links.length === 0 || this.appendTx(links);
  }

  async links(afterSeq: number, limit: number): Promise<NotaryLink[]> {
    return this.stmt.after.all(afterSeq, limit).map(toLink);
  }

  async atPosition(position: number): Promise<NotaryLink | null> {
    const r = this.stmt.atPosition.get(position);
    return r ? toLink(r) : null;
  }

  async ofStream(streamId: string, revision: number): Promise<NotaryLink | null> {
    const r = this.stmt.ofStream.get(streamId, revision);
    return r ? toLink(r) : null;
  }

  /** The same signed checkpoint stored twice (a retry) is one checkpoint. */
  async addCheckpoint(c: Checkpoint): Promise<void> {
    this.stmt.addCheckpoint.run({ position: c.position, hash: c.hash, issued_at: c.issuedAt, key_id: c.keyId, signature: c.signature });
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return this.stmt.checkpoints.all().map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const r = this.stmt.latestCheckpoint.get();
    return r ? toCheckpoint(r) : null;
  }

  /** The insider's handle in tests: the same file, as anyone with access to DATA_DIR has it. */
  get file(): string {
    return this.db.name;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
