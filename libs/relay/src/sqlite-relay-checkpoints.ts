import { openDatabase } from '@platform/event-store';
import type { Database, Statement } from 'better-sqlite3';
import { RelayCheckpoints } from './relay-ports';

/** The relay's checkpoint in a file of its own (DATA_DIR/relay.sqlite), written with synchronous=FULL. */
export class SqliteRelayCheckpoints implements RelayCheckpoints {
  private readonly db: Database;
  private readonly loadStmt: Statement<[string], { position: number }>;
  private readonly saveStmt: Statement<[string, number, string]>;

  constructor(file: string, private readonly clock: () => Date = () => new Date()) {
    this.db = openDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec('CREATE TABLE IF NOT EXISTS relay_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL)');
    });
    this.loadStmt = this.db.prepare('SELECT position FROM relay_checkpoints WHERE name = ?');
    this.saveStmt = this.db.prepare(
      `INSERT INTO relay_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  async load(name: string): Promise<number> {
    return this.loadStmt.get(name)?.position ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    this.saveStmt.run(name, position, this.clock().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
