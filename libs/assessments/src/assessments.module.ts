import { Module } from '@nestjs/common';
import { StreamCategory } from '@platform/common';
import { OrganizationsModule } from '@platform/organizations';
import { AssessmentCommands } from './assessment-commands';
import { AssessmentPeriodUnits } from './assessment-period-units';
import { AssessDemonstrationPointHttpController } from './commands/assess-demonstration-point/assess-demonstration-point.http';
import { DecideAssessmentAppealHttpController } from './commands/decide-assessment-appeal/decide-assessment-appeal.http';
import { DecideDemonstrationRecommendationHttpController } from './commands/decide-demonstration-recommendation/decide-demonstration-recommendation.http';
import { LodgeAssessmentAppealHttpController } from './commands/lodge-assessment-appeal/lodge-assessment-appeal.http';
import { ModerateAssessmentHttpController } from './commands/moderate-assessment/moderate-assessment.http';
import { OpenAssessmentPeriodHttpController } from './commands/open-assessment-period/open-assessment-period.http';
import { PublishAssessmentResultsHttpController } from './commands/publish-assessment-results/publish-assessment-results.http';
import { PublishAssessmentSchemeHttpController } from './commands/publish-assessment-scheme/publish-assessment-scheme.http';
import { RecommendDemonstrationPointHttpController } from './commands/recommend-demonstration-point/recommend-demonstration-point.http';
import { ScoreAssessmentHttpController } from './commands/score-assessment/score-assessment.http';
import { SubmitSelfAssessmentHttpController } from './commands/submit-self-assessment/submit-self-assessment.http';
import { GetAssessmentSchemeHttpController } from './queries/get-assessment-scheme/get-assessment-scheme.http.controller';

const SCHEME_PREFIX = 'assessment-scheme-';

/** Bounded context: scored assessments (考核) and demonstration points (示范点), which are assessed against schemes. */
@Module({
  imports: [OrganizationsModule],
  controllers: [
    PublishAssessmentSchemeHttpController,
    GetAssessmentSchemeHttpController,
    OpenAssessmentPeriodHttpController,
    SubmitSelfAssessmentHttpController,
    ScoreAssessmentHttpController,
    ModerateAssessmentHttpController,
    PublishAssessmentResultsHttpController,
    LodgeAssessmentAppealHttpController,
    DecideAssessmentAppealHttpController,
    RecommendDemonstrationPointHttpController,
    DecideDemonstrationRecommendationHttpController,
    AssessDemonstrationPointHttpController,
  ],
  providers: [AssessmentCommands, AssessmentPeriodUnits],
  exports: [AssessmentCommands, AssessmentPeriodUnits],
})
export class AssessmentsModule {}

/**
 * assessment-<period> concerns the period's units; assessment-scheme-<scheme> shares the prefix and
 * concerns no unit in particular; demonstration-point-<unit> its unit.
 */
export const ASSESSMENT_STREAMS: readonly StreamCategory[] = [
  { prefix: 'assessment', units: async (streamId, lookups) => (streamId.startsWith(SCHEME_PREFIX) ? [] : lookups.lookup(AssessmentPeriodUnits).units(streamId.slice('assessment-'.length))) },
  { prefix: 'demonstration', units: async (streamId) => [streamId.slice('demonstration-point-'.length)] },
];
