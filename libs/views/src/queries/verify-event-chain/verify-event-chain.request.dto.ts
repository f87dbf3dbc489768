import { IsOptional, Matches } from 'class-validator';
import { POSITION_TOKEN_PATTERN } from '../../shared/position-param';

export class VerifyEventChainRequest {
  /** 只校验到该位置为止（某个答复给出的位置令牌） */
  @IsOptional()
  @Matches(POSITION_TOKEN_PATTERN, { message: 'until 须为位置令牌 (a position token)' })
  until?: string;
}
