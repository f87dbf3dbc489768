import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { CampaignUnitParams, fromParams, IsId, NoControlCharacters } from '@platform/common';
import { ORGANIZERS } from '../../http/problem-access';
import { IsText } from '../../http/request-rules';
import { satisfactionEdge } from '../../rectification-facts';
import { recordBallotTally } from './record-ballot-tally';

const MAX_BALLOTS = 10_000_000;

/** The four grades of 满意度测评, counted at one meeting. */
export class GradeCountsRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  satisfied!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  fairly_satisfied!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  basically_satisfied!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  dissatisfied!: number;
}

export class RecordBallotTallyRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;

  /** 计票单编号: the same tally sent twice is refused, not counted twice */
  @IsId()
  tallyId!: string;

  /** 测评会议, e.g. 党员群众代表测评会 */
  @IsText(200)
  @NoControlCharacters()
  meeting!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => GradeCountsRequest)
  counts!: GradeCountsRequest;
}

/** 录入一次测评会议的计票结果 */
export const RecordBallotTallyHttpController = satisfactionEdge(recordBallotTally, 'api/campaigns/:campaignId/units/:unitId/satisfaction/tallies', {
  operation: { summary: '录入一次测评会议的计票结果 (record a ballot tally)' },
  access: { roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: RecordBallotTallyRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
