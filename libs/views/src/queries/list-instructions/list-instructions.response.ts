import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, bool, num, obj, positionToken, str } from '@platform/common';

const TEXT = { type: 'string' } as const;
const NULLABLE_TEXT = { type: 'string', nullable: true } as const;

/** One instruction (批示) and where each addressed unit stands */
export const INSTRUCTION_SCHEMA: SchemaObject = obj({
  instructionId: TEXT,
  target: obj({ kind: str({ enum: ['problem', 'unit', 'notice'] }), id: TEXT, unitIds: arr(TEXT) }, { required: ['kind', 'id', 'unitIds'] }),
  text: TEXT,
  deadline: NULLABLE_TEXT,
  issuedBy: TEXT,
  issuedAt: TEXT,
  position: positionToken(),
  addressedUnitIds: arr(TEXT),
  openUnitIds: arr(TEXT),
  open: bool(),
  units: arr(obj({
    unitId: TEXT,
    unitName: NULLABLE_TEXT,
    status: str({ enum: ['pending', 'acknowledged', 'reported'] }),
    acknowledgedBy: NULLABLE_TEXT,
    acknowledgedAt: NULLABLE_TEXT,
    note: NULLABLE_TEXT,
    reports: arr(obj({ report: TEXT, reportedBy: TEXT, reportedAt: TEXT }, { required: ['report', 'reportedBy', 'reportedAt'] })),
  }, { required: ['unitId', 'status', 'reports'] })),
}, { required: ['instructionId', 'target', 'text', 'deadline', 'issuedBy', 'issuedAt', 'position', 'addressedUnitIds', 'openUnitIds', 'open', 'units'] });

/** Instructions in the caller's scope, newest first */
export const ListInstructionsAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  total: num(),
  skip: num(),
  limit: num(),
  instructions: arr(INSTRUCTION_SCHEMA),
}, { required: ['asOf', 'total', 'skip', 'limit', 'instructions'] });
