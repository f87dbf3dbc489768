import { Inject, Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';
import { READ_STORE, ReadStore } from '@platform/read-models';
import { ProblemUnits } from '@platform/rectification';
import { NoticeDoc, NOTICES, ViewMoments } from '@platform/views';

/** What an instruction's use cases read of other contexts: the tree, a problem's units, a notice. */
export type InstructionPorts = TreeFacts & {
  /** The units a problem concerns; null when there is no such problem. */
  problemUnits(problemId: string): Promise<string[] | null>;
  /** The subtree a published notice covers (null: the publisher's whole scope) and the units on it; null when unpublished. */
  notice(noticeId: string): Promise<{ root: string | null; unitIds: string[] } | null>;
};

/** The instruction context's use cases, run with the tree, the problems and the notices as stored now. */
@Injectable()
export class InstructionCommands extends UseCaseExecutor<InstructionPorts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory, problems: ProblemUnits, moments: ViewMoments, @Inject(READ_STORE) store: ReadStore) {
    super(runner, {
      tree: () => directory.current(),
      problemUnits: (problemId) => problems.units(problemId),
      notice: async (noticeId) => {
        await moments.catchUp(['notices']);
        const doc = await store.get<NoticeDoc>(NOTICES, noticeId);
        return doc ? { root: doc.root, unitIds: doc.unitIds } : null;
      },
    });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const instructionsEdge = commandEdges(InstructionCommands, 'instructions 领导批示');
