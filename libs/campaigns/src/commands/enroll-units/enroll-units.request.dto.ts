import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';

export class EnrollUnitsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200_000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'unitIds 中每项只能包含字母、数字、- 和 _' })
  unitIds!: string[];
}
