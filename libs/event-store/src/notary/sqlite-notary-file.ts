import { Database as Db, Statement } from 'better-sqlite3';
import { openDatabase } from '../sqlite/open-database';
import { Checkpoint } from '../witness/checkpoint';
import { NotaryLink } from './notary-chain';

export interface LinkRow {
  seq: number;
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  event_hash: string;
  prev_hash: string;
  hash: string;
}

export interface CheckpointRow {
  position: number;
  hash: string;
  issued_at: string;
  key_id: string;
  signature: string;
}

/** One connection to the notary's file (DATA_DIR/notary.sqlite): its tables, its reads and the two writes, each durable when it returns. */
export interface NotaryFile {
  readonly db: Db;
  readonly stmt: {
    last: Statement<[], LinkRow>;
    after: Statement<[number, number], LinkRow>;
    atPosition: Statement<[number], LinkRow>;
    ofStream: Statement<[string, number], LinkRow>;
    checkpoints: Statement<[], CheckpointRow>;
    latestCheckpoint: Statement<[], CheckpointRow>;
  };
  /** The links, when they continue the stored chain (checked inside the write transaction); false, writing nothing, when they do not. */
  append(links: readonly NotaryLink[]): boolean;
  addCheckpoint(c: Checkpoint): void;
}

/** Opens the file (WAL, synchronous=FULL), creating its tables if they are not there. */
export function openNotaryFile(file: string): NotaryFile {
  const db = openDatabase(file, (db) => {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`
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
  });
  const stmt = {
    last: db.prepare<[], LinkRow>('SELECT * FROM notary_links ORDER BY seq DESC LIMIT 1'),
    after: db.prepare<[number, number], LinkRow>('SELECT * FROM notary_links WHERE seq > ? ORDER BY seq LIMIT ?'),
    atPosition: db.prepare<[number], LinkRow>('SELECT * FROM notary_links WHERE position = ?'),
    ofStream: db.prepare<[string, number], LinkRow>('SELECT * FROM notary_links WHERE stream_id = ? AND revision = ? ORDER BY seq LIMIT 1'),
    checkpoints: db.prepare<[], CheckpointRow>('SELECT * FROM notary_checkpoints ORDER BY position, issued_at, id'),
    latestCheckpoint: db.prepare<[], CheckpointRow>('SELECT * FROM notary_checkpoints ORDER BY position DESC, issued_at DESC, id DESC LIMIT 1'),
  };
  const insert = db.prepare<LinkRow>(
    `INSERT INTO notary_links (seq, position, stream_id, revision, event_id, event_hash, prev_hash, hash)
     VALUES (@seq, @position, @stream_id, @revision, @event_id, @event_hash, @prev_hash, @hash)`,
  );
  const insertCheckpoint = db.prepare<CheckpointRow>(
    `INSERT OR IGNORE INTO notary_checkpoints (position, hash, issued_at, key_id, signature)
     VALUES (@position, @hash, @issued_at, @key_id, @signature)`,
  );
  const append = db.transaction((links: readonly NotaryLink[]) => {
    const last = stmt.last.get();
    const first = links[0];
    if ((last?.seq ?? 0) !== first.seq - 1 || (last && last.hash !== first.prevHash)) return false;
    for (const l of links) {
      insert.run({
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
  return {
    db,
    stmt,
    append: (links) => links.length === 0 || append.immediate(links),
    // The same signed checkpoint stored twice (a retry) is one checkpoint.
    addCheckpoint: (c) => void insertCheckpoint.run({ position: c.position, hash: c.hash, issued_at: c.issuedAt, key_id: c.keyId, signature: c.signature }),
  };
}
