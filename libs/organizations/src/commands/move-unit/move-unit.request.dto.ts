import { Matches } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';

export class MoveUnitRequest {
  @Matches(UNIT_ID_PATTERN, { message: 'parentId 只能包含字母、数字、- 和 _，最长 64 位' })
  parentId!: string;
}
