import { CommandMeta } from '@platform/common';
import { ImportUnitsRequest } from './import-units.request.dto';

export class ImportUnitsCommand {
  constructor(readonly meta: CommandMeta, readonly request: ImportUnitsRequest) {}
}
