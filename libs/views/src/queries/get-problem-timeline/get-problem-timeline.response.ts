import type { SchemaObject } from '@nestjs/swagger';
import { ACTOR_KIND_SCHEMA, AS_OF_SCHEMA, TRACKED_PROBLEM_PROPERTIES } from '../shared-schemas';
import { arrOrNull, boolOrNull, numOrNull, obj, objOrNull, positionToken, str, strOrNull } from '@platform/common';

/** A problem's ledger entry and every event of its life */
export const GetProblemTimelineAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  today: str(),
  problem: objOrNull(TRACKED_PROBLEM_PROPERTIES),
  events: arrOrNull(objOrNull({
    position: positionToken(),
    /** problem-<id>, or instruction-<id> for an instruction on the problem */
    streamId: strOrNull(),
    streamRevision: numOrNull(),
    type: str(),
    typeName: strOrNull(),
    occurredAt: strOrNull(),
    recordedAt: strOrNull(),
    backdated: boolOrNull(),
    actor: objOrNull(),
    actorKind: ACTOR_KIND_SCHEMA,
    data: objOrNull(),
  }, { required: ['actorKind'] })),
}, { required: ['asOf', 'today', 'problem', 'events'] });
