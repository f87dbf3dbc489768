import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';

/** Where a user works: set at registration and by ChangeScope, under the same rules. */
export class UserScopeRequest {
  /** Roots of the subtrees the user works in */
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'scopeUnitIds 中每项只能包含字母、数字、- 和 _' })
  scopeUnitIds!: string[];

  /** A leader's contact points (联系点) */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'contactPointUnitIds 中每项只能包含字母、数字、- 和 _' })
  contactPointUnitIds?: string[];
}
