import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';

/** The notices of a campaign */
export const ListNoticesAnswer: SchemaObject = {
  type: 'object',
  properties: {
    asOf: AS_OF_SCHEMA,
    total: { type: 'number' },
    notices: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          noticeId: { type: 'string' },
          campaignId: { type: 'string' },
          title: { type: 'string' },
          noticeDate: { type: 'string', nullable: true },
          position: { type: 'number' },
          metricsVersion: { type: 'number', nullable: true },
          rankBy: { type: 'string', nullable: true },
          root: {},
          snapshotHash: { type: 'string', nullable: true },
          publishedBy: { type: 'string', nullable: true },
          publishedAt: { type: 'string', nullable: true },
          eventPosition: { type: 'number', nullable: true },
          unitCount: { type: 'number', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['asOf', 'notices'],
};
