import { IsId } from '@platform/common';
import { AsOfQuery } from '../../shared/view-query.request.dto';

export class ProblemTimelineParams {
  @IsId()
  problemId!: string;
}

export class GetProblemTimelineRequest extends AsOfQuery {}
