import { StoredBlobRefs } from '@platform/blobs';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { fromParams, IsOccurredAt, IsText, NoControlCharacters } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { StockTakeUnitParams } from '../../http/key-task-params';
import { reportTaskProgress } from './report-task-progress';

export class ReportTaskProgressRequest {
  /** 已完成数（有量化目标的任务必填；没有的省略或为 null） */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  value?: number | null;

  /** 本单位的部分是否已完成 */
  @IsBoolean()
  done!: boolean;

  /** 进展情况 */
  @IsText(5000)
  narrative!: string;

  /** 佐证材料：已上传文件的引用 sha256:<hex>（须先上传），或纸质材料的名称 */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @NoControlCharacters({ each: true })
  evidence?: string[];

  /** When it was reported; defaults to now; may not be in the future */
  @IsOccurredAt()
  occurredAt?: string;
}

export const ReportTaskProgressHttpController = keyTasksEdge(reportTaskProgress, 'api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId/reports', {
  operation: { summary: '报送任务进展 (report progress at a stock-take)', description: '承担单位报送本次调度的进展：完成数、进展情况、佐证材料；联络员只能报送本单位；退回后可重新报送' },
  example: { summary: '完成 3 个支部 (3 branches done)', value: { value: 3, done: false, narrative: '已有 3 个支部通过验收，其余 3 个正在整改阵地', evidence: ['sha256:6f1e0c4f4a3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e'] } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: StockTakeUnitParams, body: ReportTaskProgressRequest, bodyPipes: [StoredBlobRefs],
});
