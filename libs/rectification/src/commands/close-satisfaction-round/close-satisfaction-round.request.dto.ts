import { IsInt, Max, Min } from 'class-validator';

export class CloseSatisfactionRoundRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;
}
