import { IsId } from '@platform/common';
import { AsOfQuery } from '../../shared/view-query.request.dto';

export class AssessmentUnitParams {
  @IsId()
  periodId!: string;

  @IsId()
  unitId!: string;
}

export class GetAssessmentUnitRequest extends AsOfQuery {}
