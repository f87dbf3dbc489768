import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, boolOrNull, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** One unit's progress in a campaign */
export const GetUnitProgressAnswer: SchemaObject = obj({
  campaignId: str(),
  unitId: str(),
  stage: strOrNull(),
  currentPhase: objOrNull({ key: str(), name: str() }),
  steps: arrOrNull(objOrNull({
    key: str(),
    name: str(),
    required: boolOrNull(),
    done: boolOrNull(),
    record: {},
  })),
  requiredDone: numOrNull(),
  requiredTotal: numOrNull(),
  transition: objOrNull({ status: str() }),
  participation: {},
  outcome: {},
  stepsByPhase: objOrNull({  }),
}, { required: ['campaignId', 'unitId', 'stage', 'currentPhase', 'steps', 'requiredDone', 'requiredTotal', 'transition', 'participation', 'outcome', 'stepsByPhase'] });
