import { AssessmentResult, AssessmentResultsPublished } from '../assessment.events';

/** The ranking of a period as the decider publishes it: revision 1 first, each upheld appeal the next. */
export const resultsPublished = (periodId: string, revision: number, results: AssessmentResult[], publishedBy = 'office-1'): AssessmentResultsPublished => ({
  type: 'AssessmentResultsPublished',
  data: { periodId, revision, results, publishedBy },
});
