import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

const TEXT = { type: 'string' } as const;
const NULLABLE_TEXT = { type: 'string', nullable: true } as const;

/** One instruction (批示) and where each addressed unit stands */
export const INSTRUCTION_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    instructionId: TEXT,
    target: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['problem', 'unit', 'notice'] }, id: TEXT, unitIds: { type: 'array', items: TEXT } },
      required: ['kind', 'id', 'unitIds'],
    },
    text: TEXT,
    deadline: NULLABLE_TEXT,
    issuedBy: TEXT,
    issuedAt: TEXT,
    position: { type: 'number' },
    addressedUnitIds: { type: 'array', items: TEXT },
    openUnitIds: { type: 'array', items: TEXT },
    open: { type: 'boolean' },
    units: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unitId: TEXT,
          unitName: NULLABLE_TEXT,
          status: { type: 'string', enum: ['pending', 'acknowledged', 'reported'] },
          acknowledgedBy: NULLABLE_TEXT,
          acknowledgedAt: NULLABLE_TEXT,
          note: NULLABLE_TEXT,
          reports: { type: 'array', items: { type: 'object', properties: { report: TEXT, reportedBy: TEXT, reportedAt: TEXT }, required: ['report', 'reportedBy', 'reportedAt'] } },
        },
        required: ['unitId', 'status', 'reports'],
      },
    },
  },
  required: ['instructionId', 'target', 'text', 'deadline', 'issuedBy', 'issuedAt', 'position', 'addressedUnitIds', 'openUnitIds', 'open', 'units'],
};

/** Instructions in the caller's scope, newest first */
export const ListInstructionsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    total: { type: 'number' },
    skip: { type: 'number' },
    limit: { type: 'number' },
    instructions: { type: 'array', items: INSTRUCTION_SCHEMA },
  },
  required: ['asOf', 'total', 'skip', 'limit', 'instructions'],
};
