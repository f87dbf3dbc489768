import { IsOptional, IsString, MaxLength } from 'class-validator';

export class VerifyCheckpointRequest {
  /** 从通报或导出文件中复制的检查点文本（ACP1.…）；不填则核验最近签发的检查点 */
  @IsOptional()
  @IsString()
  @MaxLength(400)
  checkpoint?: string;
}
