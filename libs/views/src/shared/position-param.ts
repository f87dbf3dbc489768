import { badRequest } from '@platform/common';
import { PositionCodec } from '@platform/event-store';

/** The characters any store's token is spelled with: what a DTO checks before the store reads the token. */
export const POSITION_TOKEN_PATTERN = /^[0-9A-Za-z:/._-]{1,64}$/;

/** The position a client passed back; a token this store did not issue is refused, naming the field and the store's rule. */
export function positionParam(positions: PositionCodec, field: string, token: string): number {
  const position = positions.position(token);
  if (position === null) throw badRequest([{ field, rule: 'positionToken', message: `${field} 须为本平台给出的位置令牌：${positions.rule}` }]);
  return position;
}
