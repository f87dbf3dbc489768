import type { SchemaObject } from '@nestjs/swagger';
import { GetPublicProblemAnswer } from '../get-public-problem/get-public-problem.response';

/** The published problems of a campaign, without any person's name: each as the single problem's answer */
export const ListPublicProblemsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    campaignId: { type: 'string' },
    campaignName: { type: 'string', nullable: true },
    total: { type: 'number' },
    problems: { type: 'array', items: GetPublicProblemAnswer },
  },
  required: ['campaignId', 'campaignName', 'problems'],
};
