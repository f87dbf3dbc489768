import { badRequest } from '@platform/common';
import { PositionCodec } from '@platform/event-store';

export { POSITION_TOKEN_PATTERN } from '@platform/common';

/** The position a client passed back; a token this store did not issue is refused, naming the field and the store's rule. */
export function positionParam(positions: PositionCodec, field: string, token: string): number {
  const position = positions.position(token);
  if (position === null) throw badRequest([{ field, rule: 'positionToken', message: `${field} 须为本平台给出的位置令牌：${positions.rule}` }]);
  return position;
}
