import { CommandMeta } from '@platform/common';
import { CreateUnitRequest } from './create-unit.request.dto';

export class CreateUnitCommand {
  constructor(readonly meta: CommandMeta, readonly request: CreateUnitRequest) {}
}
