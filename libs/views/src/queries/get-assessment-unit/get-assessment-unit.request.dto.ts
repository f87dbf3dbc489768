import { IsPeriodId } from '@platform/assessments';
import { IsId } from '@platform/common';
import { AsOfQuery } from '../../shared/view-query.request.dto';

export class AssessmentUnitParams {
  @IsPeriodId()
  periodId!: string;

  @IsId()
  unitId!: string;
}

export class GetAssessmentUnitRequest extends AsOfQuery {}
