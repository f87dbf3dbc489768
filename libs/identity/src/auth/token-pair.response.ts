import type { SchemaObject } from '@nestjs/swagger';

/** A short-lived access token and a revocable refresh token */
export const TokenPairAnswer: SchemaObject = {
  type: 'object',
  properties: {
    tokenType: { type: 'string', enum: ['Bearer'] },
    accessToken: { type: 'string' },
    expiresIn: { type: 'integer', description: 'seconds' },
    refreshToken: { type: 'string' },
    user: {
      type: 'object',
      properties: {
        userId: { type: 'string' },
        username: { type: 'string', nullable: true },
        displayName: { type: 'string', nullable: true },
        role: { type: 'string', nullable: true },
        scopeUnitIds: { type: 'array', items: { type: 'string' } },
        contactPointUnitIds: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  required: ['tokenType', 'accessToken', 'expiresIn', 'refreshToken', 'user'],
};
