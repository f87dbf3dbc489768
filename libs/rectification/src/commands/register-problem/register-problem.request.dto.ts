import { IsId, NoControlCharacters } from '@platform/common';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { PROBLEM_SOURCES, ProblemSource } from '@platform/domain';
import { IsCalendarDate, IsText } from '../../http/request-rules';


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
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
