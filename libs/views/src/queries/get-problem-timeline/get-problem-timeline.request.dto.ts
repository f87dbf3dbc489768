import { Matches } from 'class-validator';
import { AsOfQuery } from '../../shared/view-query.request.dto';

export class ProblemTimelineParams {
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'problemId 只能包含字母、数字、- 和 _，最长 64 位' })
  problemId!: string;
}

export class GetProblemTimelineRequest extends AsOfQuery {}
