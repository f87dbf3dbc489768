import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class AcknowledgeChainBreakRequest {
  /** 断裂位置（须与 /health 中 chain 报告的位置一致） */
  @IsInt({ message: 'position 须为整数 (an integer)' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  position!: number;

  /** 核实情况说明，如“已核对备份，确认为存储故障所致” */
  @IsString()
  @Length(1, 1000)
  note!: string;
}
