import { IsText } from '../../http/request-rules';

export class ClosePartRequest {
  /** 完成任务的佐证 */
  @IsText(5000)
  evidence!: string;
}
