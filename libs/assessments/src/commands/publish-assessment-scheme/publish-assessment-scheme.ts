import { streamUseCase } from '@platform/common';
import { assessmentSchemeDecider, assessmentSchemeStreamId } from '@platform/domain';
import type { PublishAssessmentSchemeRequest } from './publish-assessment-scheme.http';

/** The first publication defines the scheme; each later one is its next version (考核方案修订). */
export const publishAssessmentScheme = streamUseCase(assessmentSchemeDecider)({
  name: 'PublishAssessmentScheme',
  streamId: (i: PublishAssessmentSchemeRequest) => assessmentSchemeStreamId(i.schemeId),
  toCommand: (i, _facts, context) => ({
    type: 'PublishAssessmentScheme',
    ...context,
    schemeId: i.schemeId,
    content: {
      title: i.title,
      criteria: i.criteria.map((c) => ({ criterionId: c.criterionId, title: c.title, rule: { ...c.rule } })) as never,
      bands: i.bands.map((b) => ({ grade: b.grade, minScore: b.minScore })),
      subject: { unitTypes: i.subject?.unitTypes ?? [], post: i.subject?.post ?? null },
    },
    reason: i.reason ?? '',
  }),
});
