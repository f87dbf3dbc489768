import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The files of a data directory, in the order a backup copies them. Read models first: their
 * checkpoints then never lie ahead of the events copied after them, so a restored platform only
 * catches up (copied the other way round, every projection would find its checkpoint ahead of the
 * event store and rebuild from the first event). Identity last: a credential copied after its
 * user's events is at worst an orphan, never a user who cannot sign in.
 */
export const BACKUP_FILES = ['read-models.sqlite', 'events.sqlite', 'identity.sqlite'] as const;
/** The evidence files' folder (libs/blobs' embedded store). */
const BLOBS = 'blobs';
export const MANIFEST = 'backup.json';

export interface BackupManifest {
  readonly format: 1;
  readonly createdAt: string;
  readonly source: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: number; readonly sha256: string }>;
  /** The event store's head in the copy: every event acknowledged before the backup started is at or below it. */
  readonly events: { readonly headPosition: number; readonly headHash: string | null };
  readonly checkpoints: ReadonlyArray<{ readonly projection: string; readonly position: number }>;
}

export interface BackupOptions {
  readonly clock?: () => Date;
  readonly onStep?: (message: string) => void;
}

/**
 * Online backup of a data directory while the platform runs: each file is copied with SQLite's
 * `VACUUM INTO` from a read-only connection — one read transaction, hence a consistent snapshot
 * of that file, without blocking writers (WAL). The copies go to `<target>.partial`, are flushed
 * to disk with a manifest (sizes, SHA-256, event head, checkpoints), and the directory is renamed
 * to `<target>` only then: a backup killed half-way leaves no directory that looks complete.
 */
export function backupDataDir(dataDir: string, target: string, options: BackupOptions = {}): BackupManifest {
  const source = resolve(dataDir);
  const dest = resolve(target);
  if (!existsSync(join(source, 'events.sqlite'))) throw new Error(`no event store at ${join(source, 'events.sqlite')} (set DATA_DIR)`);
  if (existsSync(dest)) throw new Error(`${dest} exists already: choose a new directory for each backup`);
  const partial = `${dest}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const step = options.onStep ?? (() => undefined);

  for (const name of BACKUP_FILES) {
    const file = join(source, name);
    if (!existsSync(file)) continue;
    step(`copying ${name}`);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(join(partial, name));
    } finally {
      db.close();
    }
  }

  // Evidence files after the events: a file is stored before the event naming it, and never removed,
  // so every file the copied events name is here. Named by their hash, they check themselves.
  if (existsSync(join(source, BLOBS))) {
    step(`copying ${BLOBS}/`);
    cpSync(join(source, BLOBS), join(partial, BLOBS), { recursive: true });
  }

  const manifest: BackupManifest = {
    format: 1,
    createdAt: (options.clock ?? (() => new Date()))().toISOString(),
    source,
    files: readdirSync(partial).filter((n) => (BACKUP_FILES as readonly string[]).includes(n)).map((name) => describeFile(join(partial, name))),
    events: eventHead(join(partial, 'events.sqlite')),
    checkpoints: checkpointsOf(join(partial, 'read-models.sqlite')),
  };
  writeFileSync(join(partial, MANIFEST), JSON.stringify(manifest, null, 2));
  for (const f of readdirSync(partial)) fsync(join(partial, f));
  renameSync(partial, dest);
  fsync(dirname(dest));
  step(`backup complete in ${dest}: events up to position ${manifest.events.headPosition}`);
  return manifest;
}

export interface RestoreOptions {
  readonly clock?: () => Date;
  readonly onStep?: (message: string) => void;
}

/**
 * Restores a complete backup into a data directory whose platform is stopped. The files there
 * (with their -wal and -shm companions: a stale write-ahead log applied to a restored file would
 * corrupt it) are moved aside to `pre-restore-<time>/` first, so nothing is lost by a mistake.
 */
export function restoreDataDir(backup: string, dataDir: string, options: RestoreOptions = {}): { manifest: BackupManifest; setAside: string | null } {
  const from = resolve(backup);
  const manifestFile = join(from, MANIFEST);
  if (!existsSync(manifestFile)) {
    throw new Error(`${from} holds no ${MANIFEST}: not a backup, or one that did not finish (refused)`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  for (const f of manifest.files) {
    const actual = describeFile(join(from, f.name));
    if (actual.sha256 !== f.sha256) throw new Error(`${join(from, f.name)} does not match the backup's manifest (damaged copy): refused`);
  }
  const to = resolve(dataDir);
  mkdirSync(to, { recursive: true });
  const step = options.onStep ?? (() => undefined);
  const present = readdirSync(to).filter((n) => BACKUP_FILES.some((f) => n === f || n === `${f}-wal` || n === `${f}-shm`));
  let setAside: string | null = null;
  if (present.length > 0) {
    const stamp = (options.clock ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
    setAside = join(to, `pre-restore-${stamp}`);
    mkdirSync(setAside);
    for (const n of present) renameSync(join(to, n), join(setAside, n));
    step(`moved the current files aside to ${setAside}`);
  }
  for (const f of manifest.files) {
    copyFileSync(join(from, f.name), join(to, f.name));
    fsync(join(to, f.name));
    step(`restored ${f.name}`);
  }
  // Content-addressed: files already there are the same bytes under the same name, so they are merged.
  if (existsSync(join(from, BLOBS))) {
    cpSync(join(from, BLOBS), join(to, BLOBS), { recursive: true });
    step(`restored ${BLOBS}/`);
  }
  fsync(to);
  return { manifest, setAside };
}

function describeFile(file: string): { name: string; bytes: number; sha256: string } {
  return { name: basename(file), bytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

function eventHead(file: string): BackupManifest['events'] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get();
    return { headPosition: row?.position ?? 0, headHash: row?.hash ?? null };
  } finally {
    db.close();
  }
}

function checkpointsOf(file: string): BackupManifest['checkpoints'] {
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { projection: string; position: number }>('SELECT projection, position FROM projection_checkpoints ORDER BY projection').all();
  } finally {
    db.close();
  }
}

function fsync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
