import { IsId } from '@platform/common';
import { IsIn } from 'class-validator';
import { IsText } from '../../http/request-rules';


const OUTCOMES = ['held', 'rebounded'] as const;

export class RecheckProblemRequest {
  /** The 回头看 campaign doing the re-check; its parent must be the problem's campaign */
  @IsId()
  lookBackCampaignId!: string;

  /** held 巩固 | rebounded 反弹 (reopens the problem in a new cycle) */
  @IsIn(OUTCOMES, { message: 'outcome 须为: held, rebounded' })
  outcome!: (typeof OUTCOMES)[number];

  @IsText(5000)
  finding!: string;
}
