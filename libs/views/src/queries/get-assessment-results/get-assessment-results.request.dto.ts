import { IsPeriodId } from '@platform/assessments';
import { AsOfQuery } from '../../shared/view-query.request.dto';
import { IsOptionalId } from '@platform/common';

export class AssessmentPeriodParams {
  @IsPeriodId()
  periodId!: string;
}

export class GetAssessmentResultsRequest extends AsOfQuery {
  /** 只看该组织及其下级 */
  @IsOptionalId()
  root?: string;
}
