import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

export class EnrollUnitsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200_000)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'unitIds 中每项只能包含字母、数字、- 和 _' })
  unitIds!: string[];
}
