import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blobsDir, FsBlobStore } from '@platform/blobs';
import { SqliteEventStore } from '@platform/event-store';
import { Argon2PasswordHasher, SqliteIdentityState } from '@platform/identity';
import { Calendar, iso, MINUTE } from './calendar';
import { CityFigures, planCity } from './city-plan';
import { DemoEngine, EngineProgress } from './engine';
import { DemoAction } from './operations';
import { DEMO_PASSWORDS, operatorIdOf, planPeople } from './people';
import { hashString, rngFor } from './random';
import { planInstructions } from './instructions-scenario';
import { LOOK_BACK_CAMPAIGN_ID, MAIN_CAMPAIGN_ID, planScenario } from './scenario';
import { CitySummary, summarizeCity } from './summary';

export const MARKER_FILE = 'demo-city.json';
const GENERATING_FILE = 'demo-city.generating';
const STORE_FILES = ['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm', 'identity.sqlite', 'identity.sqlite-wal', 'identity.sqlite-shm', 'read-models.sqlite', 'read-models.sqlite-wal', 'read-models.sqlite-shm'];

export interface GenerateCityOptions {
  readonly dataDir: string;
  /** Any integer or string: the same seed, scale and `now` give the same city, byte for byte. */
  readonly seed: number | string;
  /** 1 is seed 004's city (~2,300 organizations, ~58,000 members); 0.02 a small one for tests. */
  readonly scale?: number;
  /** The city's present: the campaign began about seven months before. Default: the current time. */
  readonly now?: Date | string | number;
  readonly onProgress?: (p: GenerationProgress) => void;
  /** Every request in the order it was decided (for replaying the city over HTTP). */
  readonly onAction?: (action: DemoAction) => void;
}

export interface GenerationProgress extends EngineProgress {
  readonly phase: 'planning' | 'writing' | 'finishing';
}

export interface DemoCredential {
  readonly role: string;
  readonly username: string;
  readonly password: string;
  readonly who: string;
}

export interface DemoCityMarker {
  readonly generator: 'demo-city/1';
  readonly seed: number;
  readonly seedInput: number | string;
  readonly scale: number;
  readonly now: string;
  readonly events: number;
  /** The hash of the last generated event: it chains over every event before it. */
  readonly checksum: string;
  readonly mainCampaignId: string;
  readonly lookBackCampaignId: string;
  readonly figures: CityFigures;
  readonly credentials: DemoCredential[];
  readonly summary: CitySummary;
}

export interface GeneratedCity {
  readonly marker: DemoCityMarker;
  readonly durationMs: number;
  readonly actions: number;
  readonly eventTypes: Readonly<Record<string, number>>;
}

export const normalizeSeed = (seed: number | string): number =>
  typeof seed === 'number' && Number.isInteger(seed) ? seed >>> 0 : hashString(String(seed));

/**
 * Generates the demo city into `dataDir` (events.sqlite and identity.sqlite), then writes the
 * marker file. A directory holding anything else is refused; an interrupted generation is
 * cleaned up and done again.
 */
export async function generateCity(options: GenerateCityOptions): Promise<GeneratedCity> {
  const started = Date.now();
  const seed = normalizeSeed(options.seed);
  const scale = options.scale ?? 1;
  const nowMs = options.now === undefined ? Math.floor(Date.now() / MINUTE) * MINUTE : new Date(options.now).getTime();
  if (Number.isNaN(nowMs)) throw new Error(`now is not a time: ${String(options.now)}`);
  prepareDirectory(options.dataDir);
  writeFileSync(join(options.dataDir, GENERATING_FILE), iso(Date.now()));

  const report = (p: EngineProgress, phase: GenerationProgress['phase']) => options.onProgress?.({ ...p, phase });
  report({ done: 0, total: 0, events: 0, at: nowMs }, 'planning');
  const cal = new Calendar(nowMs);
  const plan = planCity(seed, scale);
  const people = planPeople(plan, rngFor(seed, 'people'));
  const main = planScenario(seed, plan, people, cal);
  const extra = planInstructions(seed, plan, people, cal, main.actions, main.latest);
  const scenario = { ...main, actions: [...main.actions, ...extra].sort((a, b) => a.at - b.at || a.seq - b.seq) };

  const hasher = new Argon2PasswordHasher();
  const passwordHashes: Record<string, string> = {};
  for (const [role, password] of Object.entries(DEMO_PASSWORDS)) passwordHashes[role] = await hasher.hash(password);

  let engine: DemoEngine | null = null;
  const store = new SqliteEventStore({ file: join(options.dataDir, 'events.sqlite'), clock: () => engine!.clock() });
  // A bulk load: nothing is acknowledged to anyone until the marker is written, so commits need not wait for the disk.
  store.db.pragma('synchronous = OFF');
  engine = new DemoEngine({
    store,
    calendar: cal,
    ids: rngFor(seed, 'ids'),
    passwordHashes,
    onAction: options.onAction,
    onProgress: (p) => report(p, 'writing'),
  });
  try {
    await engine.run(scenario.actions, scenario.latest);
  } catch (error) {
    await store.close();
    throw error;
  }
  report({ done: scenario.actions.length, total: scenario.actions.length, events: engine.eventCount, at: nowMs }, 'finishing');
  const head = store.db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get()!;
  store.db.pragma('synchronous = FULL');
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();

  await engine.evidence.writeTo(new FsBlobStore(blobsDir(options.dataDir)));

  const identity = new SqliteIdentityState(join(options.dataDir, 'identity.sqlite'));
  try {
    // The embedded adapter writes before its promise returns, so one transaction holds every hash.
    identity.db.transaction(() => {
      for (const c of engine!.credentials) void identity.setPasswordHash(c.userId, c.hash, c.at);
    })();
  } finally {
    await identity.close();
  }

  const marker: DemoCityMarker = {
    generator: 'demo-city/1',
    seed,
    seedInput: options.seed,
    scale,
    now: iso(nowMs),
    events: head.position,
    checksum: head.hash,
    mainCampaignId: MAIN_CAMPAIGN_ID,
    lookBackCampaignId: LOOK_BACK_CAMPAIGN_ID,
    figures: plan.figures,
    credentials: sampleCredentials(people, scenario, plan),
    summary: summarizeCity({ tree: engine.tree, streams: engine.entries(), warnings: engine.warningLevels }),
  };
  writeFileSync(join(options.dataDir, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
  rmSync(join(options.dataDir, GENERATING_FILE), { force: true });
  return {
    marker,
    durationMs: Date.now() - started,
    actions: scenario.actions.length,
    eventTypes: Object.fromEntries([...engine.eventTypes].sort((a, b) => b[1] - a[1])),
  };
}

function prepareDirectory(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const has = (f: string) => existsSync(join(dataDir, f));
  if (has(GENERATING_FILE) || (has(MARKER_FILE) && !has('events.sqlite'))) {
    for (const f of [...STORE_FILES, MARKER_FILE, GENERATING_FILE]) rmSync(join(dataDir, f), { force: true });
    rmSync(blobsDir(dataDir), { recursive: true, force: true });
    return;
  }
  if (has('events.sqlite') || has('identity.sqlite') || has(MARKER_FILE)) {
    throw new Error(`${dataDir} already holds a platform's data; generate the demo city into an empty directory`);
  }
}

export type DemoCityStatus =
  | { readonly status: 'absent' }
  | { readonly status: 'ready'; readonly marker: DemoCityMarker }
  | { readonly status: 'different'; readonly marker: DemoCityMarker }
  | { readonly status: 'foreign' | 'corrupt'; readonly reason: string };

/**
 * Whether `dataDir` holds the demo city of this seed and scale: the marker names them, and the
 * event at the marker's position still has the marker's hash (events appended since then by
 * using the demo do not matter; a rewritten history does).
 */
export function inspectDemoCity(dataDir: string, seed: number | string, scale: number): DemoCityStatus {
  const has = (f: string) => existsSync(join(dataDir, f));
  if (has(GENERATING_FILE)) return { status: 'absent' };
  if (!has(MARKER_FILE)) {
    return has('events.sqlite') || has('identity.sqlite') ? { status: 'foreign', reason: `${dataDir} holds data that is not a generated demo city` } : { status: 'absent' };
  }
  let marker: DemoCityMarker;
  try {
    marker = JSON.parse(readFileSync(join(dataDir, MARKER_FILE), 'utf8')) as DemoCityMarker;
  } catch (error) {
    return { status: 'corrupt', reason: `unreadable ${MARKER_FILE}: ${String(error)}` };
  }
  if (!has('events.sqlite')) return { status: 'absent' };
  if (marker.seed !== normalizeSeed(seed) || marker.scale !== scale) return { status: 'different', marker };
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  try {
    const row = store.db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?').get(marker.events);
    if (!row || row.hash !== marker.checksum) return { status: 'corrupt', reason: `event ${marker.events} does not carry the marker's checksum` };
  } finally {
    void store.close();
  }
  return { status: 'ready', marker };
}

function sampleCredentials(
  people: ReturnType<typeof planPeople>,
  scenario: ReturnType<typeof planScenario>,
  plan: ReturnType<typeof planCity>,
): DemoCredential[] {
  const out: DemoCredential[] = [
    { role: 'admin', username: people.adminId, password: DEMO_PASSWORDS.admin, who: '系统管理员' },
    { role: 'office', username: people.office[0], password: DEMO_PASSWORDS.office, who: '市委先进性教育活动办公室' },
  ];
  const sg = people.groups.find((g) => !g.roving)!;
  out.push({ role: 'inspector', username: sg.userId, password: DEMO_PASSWORDS.inspector, who: `${sg.name}（${sg.scopeUnitIds.length} 个县级单位）` });
  const rg = people.roving[0];
  if (rg) out.push({ role: 'inspector', username: rg.userId, password: DEMO_PASSWORDS.inspector, who: `${rg.name}（全市）` });
  const leader = people.leaders[0];
  if (leader) out.push({ role: 'leader', username: leader.username, password: DEMO_PASSWORDS.leader, who: leader.displayName });
  const describe = (t: ReturnType<typeof scenario.targets.get>) =>
    !t ? '' : t.kind === 'in_phase' ? `${t.phase}/${t.sub}` : t.kind;
  const wanted = ['concluded', 'consolidation', 'rectification/steps', 'analysis/pending', 'study/steps'];
  for (const w of wanted) {
    const unit = plan.grassroots.find((u) => describe(scenario.targets.get(u.unitId)) === w && u.level === 'branch');
    if (!unit) continue;
    out.push({ role: 'operator', username: operatorIdOf(unit.unitId).toLowerCase(), password: DEMO_PASSWORDS.operator, who: `${unit.name}（${w}）` });
  }
  return out;
}
