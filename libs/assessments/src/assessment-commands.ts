import { Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import {
  assessmentDecider,
  assessmentSchemeDecider,
  AssessmentSchemeState,
  assessmentSchemeStreamId,
  AssessmentState,
  assessmentStreamId,
} from '@platform/domain';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';

/** What the assessment use cases read besides their own stream: the tree, a scheme's current version, a period. */
export type AssessmentPorts = TreeFacts & {
  scheme(schemeId: string): Promise<AssessmentSchemeState>;
  period(periodId: string): Promise<AssessmentState>;
};

/** The assessment context's use cases (考核 and 示范点), run with the tree and the streams as stored now. */
@Injectable()
export class AssessmentCommands extends UseCaseExecutor<AssessmentPorts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory) {
    super(runner, {
      tree: () => directory.current(),
      scheme: async (schemeId) => (await runner.load(assessmentSchemeStreamId(schemeId), assessmentSchemeDecider)).state,
      period: async (periodId) => (await runner.load(assessmentStreamId(periodId), assessmentDecider)).state,
    });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const demonstrationPointsEdge = commandEdges(AssessmentCommands, 'demonstration points 示范点');
export const assessmentsEdge = commandEdges(AssessmentCommands, 'assessments 考核');
