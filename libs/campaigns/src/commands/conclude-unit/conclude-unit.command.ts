import { CommandMeta } from '@platform/common';
import { ConcludeUnitRequest } from './conclude-unit.request.dto';

export class ConcludeUnitCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: ConcludeUnitRequest,
  ) {}
}
