import { CommandMeta } from '@platform/common';
import { ChangeMemberCountRequest } from './change-member-count.request.dto';

export class ChangeMemberCountCommand {
  constructor(readonly meta: CommandMeta, readonly unitId: string, readonly request: ChangeMemberCountRequest) {}
}
