import { CommandContext, hasRole } from '../shared/actor';
import { assertNever, Decider, DomainEvent } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { AssessmentScheme, checkSchemeContent, SchemeContent } from './assessment-scheme';

/** Each publication is a new version; periods pin the version they apply, so old results stay reproducible. */
export type AssessmentSchemePublished = DomainEvent<'AssessmentSchemePublished', AssessmentScheme & { reason: string; publishedBy: string }>;
export type AssessmentSchemeEvent = AssessmentSchemePublished;
export const ASSESSMENT_SCHEME_EVENT_TYPES: AssessmentSchemeEvent['type'][] = ['AssessmentSchemePublished'];

export type AssessmentSchemeCommand = CommandContext & { type: 'PublishAssessmentScheme'; schemeId: string; content: SchemeContent; reason: string };

export interface AssessmentSchemeState {
  readonly current: AssessmentScheme | null;
}

const initialState = (): AssessmentSchemeState => ({ current: null });

function decide(c: AssessmentSchemeCommand, s: AssessmentSchemeState): AssessmentSchemeEvent[] {
  switch (c.type) {
    case 'PublishAssessmentScheme': {
      if (!hasRole(c.actor, 'office', 'admin')) refuse('role_not_allowed', '只有活动办公室可以发布考核方案 (office only)');
      if (!UNIT_ID_PATTERN.test(c.schemeId)) refuse('scheme_id_invalid', '方案编号只能包含字母、数字、- 和 _ (schemeId)');
      const content = checkSchemeContent(c.content);
      const reason = (c.reason ?? '').trim();
      if (s.current) {
        const { schemeId: _id, version: _v, ...current } = s.current;
        if (JSON.stringify(current) === JSON.stringify(content)) refuse('scheme_unchanged', '考核方案没有变化 (content unchanged)');
        if (!reason) refuse('reason_required', '修订考核方案须说明原因 (reason is required for a revision)');
      }
      const version = (s.current?.version ?? 0) + 1;
      return [{ type: 'AssessmentSchemePublished', data: { schemeId: c.schemeId, version, ...content, reason, publishedBy: c.actor.userId } }];
    }
    default:
      return assertNever(c.type);
  }
}

function evolve(_s: AssessmentSchemeState, e: AssessmentSchemeEvent): AssessmentSchemeState {
  const { reason: _r, publishedBy: _p, ...scheme } = e.data;
  return { current: scheme };
}

export const assessmentSchemeDecider: Decider<AssessmentSchemeCommand, AssessmentSchemeState, AssessmentSchemeEvent> = { decide, evolve, initialState };

export const assessmentSchemeStreamId = (schemeId: string) => `assessment-scheme-${schemeId}`;
