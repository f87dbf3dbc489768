import type { Database, Statement } from 'better-sqlite3';
import { CheckpointStore } from '../event-store.port';

export class SqliteCheckpointStore implements CheckpointStore {
  private readonly loadStmt: Statement<[string], { position: number }>;
  private readonly saveStmt: Statement<[string, number, string]>;

  constructor(db: Database, private readonly clock: () => Date = () => new Date()) {
    this.loadStmt = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.saveStmt = db.prepare(
      `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  async load(name: string): Promise<number | null> {
    return this.loadStmt.get(name)?.position ?? null;
  }

  async save(name: string, position: number): Promise<void> {
    this.saveStmt.run(name, position, this.clock().toISOString());
  }
}
