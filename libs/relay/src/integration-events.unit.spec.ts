import { newEvent } from '@platform/event-store/testing/event-store.contract';
import { StoredEvent } from '@platform/event-store';
import { INTEGRATION_EVENTS_V1, integrationMessage } from './integration-events';

const stored = (type: string, data: unknown): StoredEvent =>
  ({ ...newEvent(type, data, { causationId: 'cmd-1' }), position: 42, streamId: 'problem-p1', streamRevision: 0, schemaVersion: 1, recordedAt: '2026-03-01T09:00:00.000Z', idempotencyKey: null, commandFingerprint: null, prevHash: '', hash: '' }) as StoredEvent;

describe('integration events (v1)', () => {
  it('publishes only the listed fields of a listed event, missing ones as null', () => {
    const m = integrationMessage(stored('ProblemRegistered', { problemId: 'p1', campaignId: 'c1', category: '作风', description: '具体情况 (not published)', people: { names: ['x'] } }))!;
    expect(m.key).toBe('problem-p1');
    expect(JSON.parse(m.value)).toMatchObject({
      event: 'rectification.problem-registered',
      version: 1,
      position: 42,
      data: { problemId: 'p1', campaignId: 'c1', category: '作风', responsibleUnitId: null, discoveredAt: null },
    });
    expect(m.value).not.toContain('description');
    expect(m.headers).toMatchObject({ 'event-type': 'rectification.problem-registered', 'schema-version': '1', 'correlation-id': 'corr-1', 'causation-id': 'cmd-1', position: '42' });
  });

  it('leaves internal events out of the contract', () => {
    expect(integrationMessage(stored('ProgressRecorded', { problemId: 'p1', note: 'internal' }))).toBeNull();
    expect(Object.keys(INTEGRATION_EVENTS_V1)).toHaveLength(6);
  });
});
