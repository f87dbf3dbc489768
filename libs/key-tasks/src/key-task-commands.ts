import { Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';

/** The key-task context's use cases, run with the organization tree as stored now. */
@Injectable()
export class KeyTaskCommands extends UseCaseExecutor<TreeFacts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory) {
    super(runner, { tree: () => directory.current() });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const keyTasksEdge = commandEdges(KeyTaskCommands, 'key tasks 重点任务');
