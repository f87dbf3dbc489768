import type { SchemaObject } from '@nestjs/swagger';
import { arr, num, obj, str, strOrNull } from '@platform/common';

const RULE = obj({ kind: str({ enum: ['points', 'pass_fail', 'deduction'] }), max: num(), perItem: num() }, { required: ['kind', 'max'] });

/** An assessment scheme's current version */
export const GetAssessmentSchemeAnswer: SchemaObject = obj({
  schemeId: str(),
  version: num(),
  title: str(),
  maxScore: num(),
  criteria: arr(obj({ criterionId: str(), title: str(), rule: RULE }, { required: ['criterionId', 'title', 'rule'] })),
  bands: arr(obj({ grade: str(), minScore: num() }, { required: ['grade', 'minScore'] })),
  subject: obj({ unitTypes: arr(str()), post: strOrNull() }, { required: ['unitTypes', 'post'] }),
}, { required: ['schemeId', 'version', 'title', 'maxScore', 'criteria', 'bands', 'subject'] });
