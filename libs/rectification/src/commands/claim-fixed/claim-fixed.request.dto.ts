import { IsOptional } from 'class-validator';
import { IsAttachmentRefs, IsText } from '../../http/request-rules';

export class ClaimFixedRequest {
  /** 整改成效佐证 */
  @IsText(5000)
  evidence!: string;

  @IsOptional()
  @IsAttachmentRefs()
  attachmentRefs?: string[];
}
