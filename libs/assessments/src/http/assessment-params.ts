import { applyDecorators } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { IsId } from '@platform/common';

/**
 * A period's stream is `assessment-<periodId>` and a scheme's `assessment-scheme-<schemeId>`: a period id
 * beginning with `scheme-` would name a scheme's stream, so it is refused with the other id rules.
 */
export const IsPeriodId = () =>
  applyDecorators(
    IsId(),
    ValidateBy({
      name: 'notSchemePrefix',
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || !v.startsWith('scheme-'),
        defaultMessage: () => 'periodId 不能以 scheme- 开头 (reserved for schemes)',
      },
    }),
  );

export class PeriodParams {
  @IsPeriodId()
  periodId!: string;
}

export class PeriodUnitParams {
  @IsPeriodId()
  periodId!: string;

  @IsId()
  unitId!: string;
}

export class PeriodAppealParams {
  @IsPeriodId()
  periodId!: string;

  @IsId()
  appealId!: string;
}

export class SchemeParams {
  @IsId()
  schemeId!: string;
}
