import { Injectable } from '@nestjs/common';
import { StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';

/** The key-task context's use cases, run with the organization tree as stored now. */
@Injectable()
export class KeyTaskCommands extends UseCaseExecutor<TreeFacts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory) {
    super(runner, { tree: () => directory.current() });
  }
}
