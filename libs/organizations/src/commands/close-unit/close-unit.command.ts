import { CommandMeta } from '@platform/common';
import { CloseUnitRequest } from './close-unit.request.dto';

export class CloseUnitCommand {
  constructor(readonly meta: CommandMeta, readonly unitId: string, readonly request: CloseUnitRequest) {}
}
