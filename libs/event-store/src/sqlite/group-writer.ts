import type { Database as Db, Statement, Transaction } from 'better-sqlite3';
import { StreamWrite } from '../event-envelope';
import { GENESIS_HASH } from '../hash-chain';
import { EventRowStatements } from './event-row-statements';
import { GroupCommit, Tail, WriteOutcome } from './group-commit';

/** The appends queued in one turn of the event loop, with the time they are recorded at. */
export interface QueuedGroup {
  readonly batch: ReadonlyArray<readonly StreamWrite[]>;
  readonly recordedAt: string;
}

/** What a group came to, and the position stored before it (the tail it found as it began). */
export interface WrittenGroup {
  readonly outcomes: WriteOutcome[];
  readonly startedAfter: number;
}

/**
 * The writing half of the SQLite store on one connection: a group of queued appends in one
 * immediate transaction (see GroupCommit) — their event ids and streams looked up once, each append
 * checked in turn, the rows of those that pass inserted together. Only SQLite failing (disk full,
 * I/O) fails the transaction, and with it every append of the group. Runs on the store's own
 * connection, or on the writer thread's (see WriterThread), which commits several groups in one
 * transaction, each checked after the ones before it.
 */
export class GroupWriter {
  private readonly rows: EventRowStatements;
  private readonly tail: Statement<[], Tail>;
  private readonly transaction: Transaction<(groups: readonly QueuedGroup[]) => WrittenGroup[]>;

  constructor(db: Db) {
    this.rows = new EventRowStatements(db);
    this.tail = db.prepare<[], Tail>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1');
    this.transaction = db.transaction((groups: readonly QueuedGroup[]) => groups.map((g) => this.writeNow(g.batch, g.recordedAt)));
  }

  /** One transaction (BEGIN IMMEDIATE) for the appends; throws only when SQLite fails it. */
  write(batch: ReadonlyArray<readonly StreamWrite[]>, recordedAt: string): WriteOutcome[] {
    return this.transaction.immediate([{ batch, recordedAt }])[0].outcomes;
  }

  /** Several groups in one transaction (one fsync), in order; throws only when SQLite fails it. */
  writeGroups(groups: readonly QueuedGroup[]): WrittenGroup[] {
    return this.transaction.immediate(groups);
  }

  private writeNow(batch: ReadonlyArray<readonly StreamWrite[]>, recordedAt: string): WrittenGroup {
    const ids: string[] = [];
    const streams = new Set<string>();
    for (const writes of batch) {
      for (const w of writes) {
        streams.add(w.streamId);
        for (const e of w.events) ids.push(e.eventId);
      }
    }
    const tail: Tail = this.tail.get() ?? { position: 0, hash: GENESIS_HASH };
    const group = new GroupCommit(this.rows.byEventIds(ids), this.rows.revisions([...streams]), tail, recordedAt);
    const outcomes = batch.map((writes) => group.write(writes));
    this.rows.insert(group.rows);
    return { outcomes, startedAfter: tail.position };
  }
}
