import { Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { OrganizationTree } from '@platform/domain';
import { OrganizationDirectory } from './organization-directory';

/** The organization tree as use cases read it: the directory on the HTTP path, the generator's own tree in the demo. */
export interface TreeFacts {
  tree(): Promise<OrganizationTree>;
}

/** The organization context's use cases, run with the tree as stored now. */
@Injectable()
export class OrganizationCommands extends UseCaseExecutor<TreeFacts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory) {
    super(runner, { tree: () => directory.current() });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const organizationsEdge = commandEdges(OrganizationCommands, 'organizations 组织');
