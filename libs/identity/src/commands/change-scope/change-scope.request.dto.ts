import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export class ChangeScopeRequest {
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(ID, { each: true, message: 'scopeUnitIds 中每项只能包含字母、数字、- 和 _' })
  scopeUnitIds!: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(ID, { each: true, message: 'contactPointUnitIds 中每项只能包含字母、数字、- 和 _' })
  contactPointUnitIds?: string[];
}
