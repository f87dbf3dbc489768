import { CommandMeta } from '@platform/common';
import { RenameUnitRequest } from './rename-unit.request.dto';

export class RenameUnitCommand {
  constructor(readonly meta: CommandMeta, readonly unitId: string, readonly request: RenameUnitRequest) {}
}
