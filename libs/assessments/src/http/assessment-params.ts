import { IsId } from '@platform/common';

export class PeriodParams {
  @IsId()
  periodId!: string;
}

export class PeriodUnitParams {
  @IsId()
  periodId!: string;

  @IsId()
  unitId!: string;
}

export class PeriodAppealParams {
  @IsId()
  periodId!: string;

  @IsId()
  appealId!: string;
}

export class SchemeParams {
  @IsId()
  schemeId!: string;
}
