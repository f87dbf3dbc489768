import type { EventStore, NewEvent } from '@platform/event-store';

/** mulberry32: a small seeded generator, so every run appends the same events. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, length);
  }
  /** A version-4-shaped UUID, like the ones the command path draws. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

const EVIDENCE = [
  '召开动员大会，支部全体党员参加，传达上级精神并部署本支部学习安排',
  '集中学习《党章》和有关文件，撰写心得体会，支部书记讲专题党课',
  '围绕“保持先进性、服务群众”开展专题讨论，形成讨论记录',
  '走访流动党员，电话和书面通知落实参学，建立联系台账',
];
const NOTES = [
  '已制定整改措施，明确责任人和完成时限，正在逐项推进落实',
  '组织召开专题会议研究整改，向群众说明情况并公示整改进度',
  '完成道路硬化与路灯安装，村民代表现场查看，群众满意',
];
const REASONS = ['流动党员', '年老体弱', '因病', '外出务工'];

/**
 * What a command appends: the envelope fields the store keeps, with payloads shaped like the
 * platform's own events (a step with evidence, participation counts, a problem's progress note).
 */
export function benchEvent(rng: SeededRandom, i: number): NewEvent {
  const unitId = `br-${String(i % 2300).padStart(4, '0')}`;
  const kind = rng.int(3);
  const data =
    kind === 0
      ? { campaignId: 'advanced-edu-b2', unitId, phaseKey: 'study', stepKey: rng.pick(['mobilize', 'study', 'discuss', 'locate']), evidence: rng.pick(EVIDENCE), attachmentRef: `att-${rng.hex(12)}`, quantity: 1 + rng.int(40) }
      : kind === 1
        ? { campaignId: 'advanced-edu-b2', unitId, shouldAttend: 20 + rng.int(40), attended: 15 + rng.int(20), excused: [{ reason: rng.pick(REASONS), count: 1 + rng.int(4) }] }
        : { problemId: `p-${rng.hex(8)}`, note: rng.pick(NOTES), attachmentRefs: [`att-${rng.hex(12)}`] };
  const type = kind === 0 ? 'StepRecorded' : kind === 1 ? 'ParticipationRecorded' : 'ProgressRecorded';
  return {
    eventId: rng.uuid(),
    type,
    schemaVersion: 1,
    data,
    occurredAt: new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString(),
    actor: { userId: `op-${unitId}`, role: 'operator', unitId },
    correlationId: rng.uuid(),
    causationId: rng.uuid(),
    idempotencyKey: null,
    commandFingerprint: null,
  };
}

/** The metadata JSON our store writes for an event (the same text the raw and peer writers store). */
export function metadataJson(e: NewEvent): string {
  return JSON.stringify({ actor: e.actor, correlationId: e.correlationId, causationId: e.causationId ?? null });
}

/** `count` events spread round-robin over `streams` streams, each with its expected revision. */
export interface PlannedAppend {
  readonly streamId: string;
  /** Revision the stream is at before this append (-1: no stream yet). */
  readonly expected: number;
  readonly events: NewEvent[];
}

export function plannedAppends(seed: number, appends: number, perAppend: number, streams: number, prefix: string): PlannedAppend[] {
  const rng = new SeededRandom(seed);
  const revisions = new Map<string, number>();
  const plan: PlannedAppend[] = [];
  let n = 0;
  for (let a = 0; a < appends; a++) {
    const streamId = `${prefix}-${String(a % streams).padStart(4, '0')}`;
    const expected = revisions.get(streamId) ?? -1;
    const events = Array.from({ length: perAppend }, () => benchEvent(rng, n++));
    revisions.set(streamId, expected + perAppend);
    plan.push({ streamId, expected, events });
  }
  return plan;
}

export function meanPayloadBytes(plan: readonly PlannedAppend[]): { data: number; metadata: number } {
  let data = 0;
  let meta = 0;
  let n = 0;
  for (const a of plan) {
    for (const e of a.events) {
      data += Buffer.byteLength(JSON.stringify(e.data));
      meta += Buffer.byteLength(metadataJson(e));
      n++;
    }
  }
  return { data: Math.round(data / n), metadata: Math.round(meta / n) };
}

/** Reads every event of our store in global order, `batchSize` at a time (as the projection runner reads); returns how many. */
export async function readAllEvents(store: EventStore, batchSize: number): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: batchSize });
    if (batch.length === 0) return n;
    n += batch.length;
    after = batch[batch.length - 1].position;
  }
}
