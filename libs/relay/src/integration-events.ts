import { StoredEvent } from '@platform/event-store';

/**
 * The events other systems may rely on: a small, versioned contract, not the internal log. Each
 * maps one internal event type to a public name and the fields it publishes (identifiers, keys,
 * dates and counts; no free text, evidence or personal details). A new field is a new minor
 * addition within a version; renaming or removing one is a new version, published beside the old
 * until consumers moved. Documented in docs/architecture.md ("Integration events").
 */
export interface IntegrationEventSpec {
  readonly name: string;
  readonly version: number;
  readonly fields: readonly string[];
}

export const INTEGRATION_EVENTS_V1: Readonly<Record<string, IntegrationEventSpec>> = {
  CampaignLaunched: { name: 'campaign.launched', version: 1, fields: ['campaignId', 'name', 'batch', 'parentCampaignId', 'enrolledUnitIds'] },
  StepRecorded: { name: 'campaign.step-recorded', version: 1, fields: ['campaignId', 'unitId', 'phaseKey', 'stepKey', 'quantity'] },
  TransitionApproved: { name: 'campaign.phase-approved', version: 1, fields: ['campaignId', 'unitId', 'phaseKey', 'nextPhaseKey', 'nextStage'] },
  UnitConcluded: { name: 'campaign.unit-concluded', version: 1, fields: ['campaignId', 'unitId', 'outcome'] },
  ProblemRegistered: {
    name: 'rectification.problem-registered',
    version: 1,
    fields: ['problemId', 'campaignId', 'category', 'responsibleUnitId', 'discoveredAt'],
  },
  ProblemClosed: { name: 'rectification.problem-closed', version: 1, fields: ['problemId', 'deadline'] },
};

/** One message as the relay hands it to a producer: Kafka's key, value and headers, as strings. */
export interface RelayMessage {
  /** The stream id: one stream's events land on one partition, in order. */
  readonly key: string;
  /** Set for a message every partition gets (the projection feed's watermarks); otherwise the key decides. */
  readonly partition?: number;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The integration message of a stored event, or null when the event is not part of the contract. */
export function integrationMessage(e: StoredEvent, catalogue: Readonly<Record<string, IntegrationEventSpec>> = INTEGRATION_EVENTS_V1): RelayMessage | null {
  const spec = catalogue[e.type];
  if (!spec) return null;
  const source = (e.data ?? {}) as Record<string, unknown>;
  const data = Object.fromEntries(spec.fields.map((f) => [f, source[f] ?? null]));
  return {
    key: e.streamId,
    value: JSON.stringify({
      eventId: e.eventId,
      event: spec.name,
      version: spec.version,
      streamId: e.streamId,
      position: e.position,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      data,
    }),
    headers: {
      'event-id': e.eventId,
      'event-type': spec.name,
      'schema-version': String(spec.version),
      'correlation-id': e.correlationId,
      ...(e.causationId ? { 'causation-id': e.causationId } : {}),
      // Consumers apply idempotently by position: a redelivered message carries the same one.
      position: String(e.position),
    },
  };
}
