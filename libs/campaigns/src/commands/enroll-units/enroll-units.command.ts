import { CommandMeta } from '@platform/common';
import { EnrollUnitsRequest } from './enroll-units.request.dto';

export class EnrollUnitsCommand {
  constructor(readonly meta: CommandMeta, readonly campaignId: string, readonly request: EnrollUnitsRequest) {}
}
