import { InMemoryReadStore, upsert } from '@platform/read-models';
import { AUDIT_EXACT_TOTAL_UP_TO, AuditSearch, searchAudit } from './audit-search';
import { AUDIT_EVENTS } from './audit-trail.documents';

const everyone = { visible: () => true, ids: null };
const search = (after: number): AuditSearch => ({
  streamId: null,
  actorId: null,
  types: [],
  occurredFrom: null,
  occurredTo: null,
  recordedFrom: null,
  recordedTo: null,
  backdated: null,
  after,
  limit: 50,
});

async function trailOf(n: number): Promise<InMemoryReadStore> {
  const store = new InMemoryReadStore();
  const writes = Array.from({ length: n }, (_, i) =>
    upsert(AUDIT_EVENTS, { _id: `e-${i + 1}`, position: i + 1, type: i % 2 ? 'ProgressRecorded' : 'StepRecorded', unitIds: ['u-1'] }),
  );
  await store.commit({ projection: 'audit-trail', version: 1, fromPosition: 0, toPosition: n, writes });
  return store;
}

describe('a page of the audit trail', () => {
  it('counts the matching entries exactly up to the bound, and beyond it says "more than" instead of counting the history', async () => {
    const few = await searchAudit(await trailOf(AUDIT_EXACT_TOTAL_UP_TO), search(0), everyone, AUDIT_EXACT_TOTAL_UP_TO);
    expect(few).toMatchObject({ total: AUDIT_EXACT_TOTAL_UP_TO, totalMoreThan: null, nextAfter: 50 });
    const store = await trailOf(AUDIT_EXACT_TOTAL_UP_TO + 200);
    const many = await searchAudit(store, search(1100), everyone, AUDIT_EXACT_TOTAL_UP_TO + 200);
    expect(many).toMatchObject({ total: null, totalMoreThan: AUDIT_EXACT_TOTAL_UP_TO, nextAfter: 1150 });
    expect(many.items.map((e) => e.position)).toEqual(Array.from({ length: 50 }, (_, i) => 1101 + i));
    // Bounded by the view's position: what was recorded later is neither listed nor counted.
    expect(await searchAudit(store, search(0), everyone, 30)).toMatchObject({ total: 30, totalMoreThan: null, nextAfter: null });
  });
});
