import type { Database as Db, Statement } from 'better-sqlite3';

/** The watches of each file in this process, so that a write through one connection is known to the others at once. */
const watchesByFile = new Map<string, Set<OtherWriters>>();

/**
 * Whether some other connection committed to a database file since this one last asked: what a
 * connection's cache of rows needs before it answers from memory. SQLite's `PRAGMA data_version`
 * tells it, but asking is a statement with its read transaction, and a request path asking it once
 * per request paid for it as often as for the read it saves. So it is asked at most once per turn
 * of the event loop (the requests taken in one turn share the answer: a commit by another process
 * during that turn is seen from the next turn on, as if it had come a moment later); a write
 * through another connection of this process to the same file is known at once, without asking.
 */
export class OtherWriters {
  private readonly version: Statement<[], number>;
  private seen: number;
  private askedThisTurn = false;
  private toldOfWrite = false;

  constructor(
    db: Db,
    private readonly file: string = db.name,
  ) {
    this.version = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.seen = this.version.get()!;
    if (file === ':memory:') return;
    let watches = watchesByFile.get(file);
    if (!watches) watchesByFile.set(file, (watches = new Set()));
    watches.add(this);
  }

  /** True when another connection committed since the last call that returned true (or since opening). */
  wroteSince(): boolean {
    const told = this.toldOfWrite;
    this.toldOfWrite = false;
    if (this.askedThisTurn && !told) return false;
    if (!this.askedThisTurn) {
      this.askedThisTurn = true;
      setImmediate(() => (this.askedThisTurn = false));
    }
    const version = this.version.get()!;
    const changed = version !== this.seen;
    this.seen = version;
    return changed || told;
  }

  /** A commit this process made through another connection of its own (its writer thread): not another writer's. */
  takeAsSeen(): void {
    this.seen = this.version.get()!;
  }

  /** Called after this connection committed: the other connections of this process to the file learn it on their next call. */
  wrote(): void {
    for (const w of watchesByFile.get(this.file) ?? []) if (w !== this) w.toldOfWrite = true;
  }

  /** Before the connection closes. */
  close(): void {
    const watches = watchesByFile.get(this.file);
    watches?.delete(this);
    if (watches?.size === 0) watchesByFile.delete(this.file);
  }
}
