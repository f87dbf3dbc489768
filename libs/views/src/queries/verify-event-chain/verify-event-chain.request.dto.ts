import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class VerifyEventChainRequest {
  /** 只校验到该全局位置为止 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  until?: number;
}
