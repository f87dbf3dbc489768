import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { fromBody, IsId, IsText } from '@platform/common';
import { INSTRUCTION_TARGET_KINDS, InstructionTargetKind, MAX_ADDRESSED_UNITS, UNIT_ID_PATTERN } from '@platform/domain';
import { instructionsEdge } from '../../instruction-commands';
import { issueInstruction } from './issue-instruction';

export class IssueInstructionRequest {
  @IsId()
  instructionId!: string;

  /** What the instruction is written on: problem 问题, unit 组织, notice 通报 */
  @IsIn(INSTRUCTION_TARGET_KINDS, { message: 'targetKind 须为 problem、unit 或 notice' })
  targetKind!: InstructionTargetKind;

  @IsId()
  targetId!: string;

  /** 批示内容 */
  @IsText(2000)
  text!: string;

  /** 落实单位: who acknowledges it and reports back */
  @IsArray()
  @ArrayMinSize(1, { message: 'addressedUnitIds 至少一个单位' })
  @ArrayMaxSize(MAX_ADDRESSED_UNITS)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'addressedUnitIds 中每项只能包含字母、数字、- 和 _' })
  addressedUnitIds!: string[];

  /** 办理时限 (YYYY-MM-DD), optional */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline 须为日期 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'deadline 不是有效日期' })
  deadline?: string;
}

/** The documented request: an instruction on a problem; the instructions e2e spec issues its own from it. */
export const ISSUE_INSTRUCTION_EXAMPLE = {
  instructionId: 'instr-2026-001',
  targetKind: 'problem',
  targetId: 'p-001',
  text: '请抓紧整改，月底前报告结果',
  addressedUnitIds: ['branch-1'],
  deadline: '2099-03-31',
};

export const IssueInstructionHttpController = instructionsEdge(issueInstruction, 'api/instructions', {
  operation: { summary: '作出批示 (issue an instruction)', description: '领导或活动办公室对一个问题、组织或通报作出批示，指定落实单位和可选的办理时限；落实单位须在批示人范围内' },
  example: { summary: '对问题的批示 (on a problem)', value: ISSUE_INSTRUCTION_EXAMPLE },
  access: { roles: ['admin', 'office', 'leader'], mode: 'write', units: fromBody('addressedUnitIds') },
  body: IssueInstructionRequest, input: (_p, body, meta) => ({ scope: meta.scope, ...body }),
});
