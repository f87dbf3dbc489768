import type { SchemaObject } from '@nestjs/swagger';
import { arr, int, obj, str, strOrNull } from '@platform/common';

/** A short-lived access token and a revocable refresh token */
export const TokenPairAnswer: SchemaObject = obj({
  tokenType: str({ enum: ['Bearer'] }),
  accessToken: str(),
  expiresIn: int({ description: 'seconds' }),
  refreshToken: str(),
  user: obj({
    userId: str(),
    username: strOrNull(),
    displayName: strOrNull(),
    role: strOrNull(),
    scopeUnitIds: arr(str()),
    contactPointUnitIds: arr(str()),
  }),
}, { required: ['tokenType', 'accessToken', 'expiresIn', 'refreshToken', 'user'] });
