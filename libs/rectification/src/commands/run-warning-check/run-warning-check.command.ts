import { CommandMeta } from '@platform/common';

export class RunWarningCheckCommand {
  constructor(readonly meta: CommandMeta) {}
}
