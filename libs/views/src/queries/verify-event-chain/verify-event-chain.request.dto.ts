import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_QUERY_INTEGER } from '@platform/common';

export class VerifyEventChainRequest {
  /** 只校验到该全局位置为止 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_QUERY_INTEGER)
  until?: number;
}
