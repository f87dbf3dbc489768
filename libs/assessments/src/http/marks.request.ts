import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';

const MAX_CRITERIA = 200;
const isScore = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 10_000 && Math.round(n * 10) === n * 10;
const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10_000;

/** The first thing wrong with a marks object, named by its path; null when it is well formed. */
export function marksProblem(value: unknown, field: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${field} 须为对象：指标编号 → 评分 (an object of criterionId → mark)`;
  const entries = Object.entries(value);
  if (entries.length === 0) return `${field} 至少包含一项指标的评分 (at least one mark)`;
  if (entries.length > MAX_CRITERIA) return `${field} 最多 ${MAX_CRITERIA} 项 (at most ${MAX_CRITERIA} marks)`;
  for (const [id, mark] of entries) {
    if (!UNIT_ID_PATTERN.test(id)) return `${field} 的指标编号 ${id.slice(0, 70)} 只能包含字母、数字、- 和 _ (criterionId pattern)`;
    const where = `${field}.${id}`;
    if (typeof mark !== 'object' || mark === null || Array.isArray(mark)) return `${where} 须为 {points}、{passed} 或 {items} 之一 (one of points, passed, items)`;
    const keys = Object.keys(mark);
    if (keys.length !== 1) return `${where} 须恰好包含 points、passed、items 之一 (exactly one of points, passed, items)`;
    const m = mark as Record<string, unknown>;
    if (keys[0] === 'points') {
      if (!isScore(m.points)) return `${where}.points 须为 0 到 10000 之间的数，最多一位小数 (a score ≥ 0, one decimal)`;
    } else if (keys[0] === 'passed') {
      if (typeof m.passed !== 'boolean') return `${where}.passed 须为 true 或 false (boolean)`;
    } else if (keys[0] === 'items') {
      if (!isCount(m.items)) return `${where}.items 须为非负整数 (a count of shortcomings ≥ 0)`;
    } else return `${where} 只能是 points、passed 或 items (unknown field ${keys[0].slice(0, 40)})`;
  }
  return null;
}

const MARK_SCHEMA = {
  type: 'object',
  description: '按评分方式给出其一：points 得分（points 项）、passed 是否达标（pass_fail 项）、items 扣分处数（deduction 项）',
  properties: {
    points: { type: 'number', minimum: 0, maximum: 10_000, multipleOf: 0.1 },
    passed: { type: 'boolean' },
    items: { type: 'integer', minimum: 0, maximum: 10_000 },
  },
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
};

/** A marks object (指标编号 → 评分): its shape is checked here, its fit to the scheme by the decider. */
export const IsMarks = (required = true) =>
  applyDecorators(
    ApiProperty({ type: 'object', required, additionalProperties: MARK_SCHEMA, minProperties: 1, maxProperties: MAX_CRITERIA, description: '指标编号 → 评分' } as never),
    ValidateBy({
      name: 'isMarks',
      validator: {
        validate: (value: unknown, a?: ValidationArguments) => marksProblem(value, a?.property ?? 'marks') === null,
        defaultMessage: (a?: ValidationArguments) => marksProblem(a?.value, a?.property ?? 'marks') ?? `${a?.property} 格式不正确`,
      },
    }),
  );

/** One criterion's mark (moderation), the same three shapes. */
export const IsMark = () =>
  applyDecorators(
    ApiProperty({ ...MARK_SCHEMA, required: true } as never),
    ValidateBy({
      name: 'isMark',
      validator: {
        validate: (value: unknown, a?: ValidationArguments) => marksProblem({ x: value }, a?.property ?? 'mark') === null,
        defaultMessage: (a?: ValidationArguments) => (marksProblem({ x: a?.value }, a?.property ?? 'mark') ?? '').replace(`${a?.property}.x`, a?.property ?? 'mark'),
      },
    }),
  );

/** A body of marks for every criterion, with the words that go with them (自评说明, 改分原因). */
export class MarksRequest {
  /** 每项指标的评分 */
  @IsMarks()
  marks!: Record<string, object>;
}
