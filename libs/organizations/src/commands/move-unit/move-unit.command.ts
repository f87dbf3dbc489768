import { CommandMeta } from '@platform/common';
import { MoveUnitRequest } from './move-unit.request.dto';

export class MoveUnitCommand {
  constructor(readonly meta: CommandMeta, readonly unitId: string, readonly request: MoveUnitRequest) {}
}
