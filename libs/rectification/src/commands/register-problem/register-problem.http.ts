import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { fromBody, IsId, IsOccurredAt, NoControlCharacters } from '@platform/common';
import { PROBLEM_SOURCES, ProblemSource, Role } from '@platform/domain';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { registerProblem } from './register-problem';

/** 责任领导 / 经办人: a name as people know it, and the user account when there is one. */
export class PersonRequest {
  @IsText(50)
  @NoControlCharacters()
  name!: string;

  @IsOptional()
  @IsId()
  userId?: string;
}

export class RegisterProblemRequest {
  /** Chosen by the client, so a retried registration cannot create a second problem */
  @IsId()
  problemId!: string;

  @IsId()
  campaignId!: string;

  @IsId()
  responsibleUnitId!: string;

  /** democratic_appraisal | soliciting_opinions | supervision_group | inspection_tour | masses_report | look_back */
  @IsIn(PROBLEM_SOURCES, { message: `source 须为: ${PROBLEM_SOURCES.join(', ')}` })
  source!: ProblemSource;

  @IsText(100)
  @NoControlCharacters()
  category!: string;

  @IsText(5000)
  description!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => PersonRequest)
  responsibleLeader!: PersonRequest;

  @IsDefined()
  @ValidateNested()
  @Type(() => PersonRequest)
  handler!: PersonRequest;

  @IsCalendarDate()
  discoveredAt!: string;

  /** When it was registered, if earlier than now (backdating stays visible in the envelope) */
  @IsOccurredAt()
  occurredAt?: string;
}

/** A unit records its own problems, inspection teams their findings, the office anything. */
const REGISTRARS: readonly Role[] = ['office', 'operator', 'inspector'];

/** The documented request: a problem found in democratic appraisal; the e2e fixtures register theirs from it. */
export const REGISTER_PROBLEM_EXAMPLE = {
  problemId: 'p-2026-0001',
  campaignId: '2026-b2',
  responsibleUnitId: '430702-001',
  source: 'democratic_appraisal',
  category: '作风建设',
  description: '服务群众不及时，办事推诿',
  responsibleLeader: { name: '张三' },
  handler: { name: '李四' },
  discoveredAt: '2026-02-20',
};

export const RegisterProblemHttpController = rectificationEdge(registerProblem, 'api/problems', {
  operation: { summary: '登记问题 (register a problem)', description: '登记问题（来源、类别、描述、责任单位、责任领导与经办人）' },
  example: { summary: '民主评议中发现的问题 (found in democratic appraisal)', value: REGISTER_PROBLEM_EXAMPLE },
  access: { roles: REGISTRARS, mode: 'write', units: fromBody('responsibleUnitId') },
  body: RegisterProblemRequest, input: (_p, body) => (body),
});
