import type { SectionResult } from './support/model';
import { appendsFindings } from './findings/appends';
import { cityFindings } from './findings/city';
import { httpFindings } from './findings/http';
import { readsFindings } from './findings/reads';
import { rebuildFindings } from './findings/rebuild';
import { sectionOf } from './findings/reading';
import { witnessFindings } from './findings/witness';

export { PLATFORM_CHANGES } from './findings/platform-changes';

/**
 * The report's reading of the profiles: for each target (met or not) where the time goes, with the
 * shares taken from this run's profiles. The explanations name the code they were traced to when
 * the suite was written; the percentages and figures are this run's.
 */
export function findings(sections: readonly SectionResult[]): string[] {
  return [appendsFindings, readsFindings, witnessFindings, rebuildFindings, httpFindings, cityFindings].flatMap((f) => f((key) => sectionOf(sections, key)));
}
