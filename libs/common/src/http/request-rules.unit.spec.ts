import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, validateSync, ValidateNested } from 'class-validator';
import { MaxDecimalPlaces, requireNestedObjects } from './request-rules';

class Inner {
  @IsInt()
  n!: number;
}

class Outer {
  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;

  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  spare?: Inner;

  @IsOptional()
  @MaxDecimalPlaces(2)
  quantity?: number;
}

const rulesBroken = (plain: object) =>
  validateSync(plainToInstance(Outer, plain)).flatMap((e) => Object.keys(e.constraints ?? {}).map((rule) => `${e.property}:${rule}`));

describe('request rules applied to every request class', () => {
  beforeAll(() => requireNestedObjects());

  it('refuses a missing nested object unless it is optional', () => {
    expect(rulesBroken({})).toEqual(['inner:isDefined']);
    expect(rulesBroken({ inner: { n: 1 } })).toEqual([]);
  });

  it('counts decimal places without throwing on numbers written in exponent form', () => {
    const ok = (quantity: number) => rulesBroken({ inner: { n: 1 }, quantity }).length === 0;
    expect([0, 2, 2.5, 0.29, 1_000_000.01].every(ok)).toBe(true);
    expect([3e-323, 1e-7, 0.001, 2.555, Number.NaN, Infinity].some(ok)).toBe(false);
  });
});
