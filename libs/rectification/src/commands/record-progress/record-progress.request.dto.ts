import { IsISO8601, IsOptional } from 'class-validator';
import { IsAttachmentRefs, IsText } from '../../http/request-rules';

export class RecordProgressRequest {
  /** 整改进展, or a supervisor's note pushing it on (督查) */
  @IsText(5000)
  note!: string;

  @IsOptional()
  @IsAttachmentRefs()
  attachmentRefs?: string[];

  /** When it happened; defaults to now; may not be in the future */
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
