import { IsOptionalInteger } from '@platform/common';

export class ListCheckpointsRequest {
  /** 只列出编号小于此值的检查点（翻页时传上一页最后一条的 id） */
  @IsOptionalInteger(1, Number.MAX_SAFE_INTEGER)
  before?: number;

  /** 每页条数，默认 50，最多 500 */
  @IsOptionalInteger(1, 500)
  limit?: number;
}
