import { IsText } from '../../http/request-rules';

export class RejectFixRequest {
  /** Why the fix does not hold: the unit works on from here */
  @IsText(2000)
  reason!: string;
}
