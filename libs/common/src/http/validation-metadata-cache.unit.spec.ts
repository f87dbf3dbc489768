import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  count!: number;
}

const rulesBroken = <T extends object>(type: new () => T, plain: object, options = {}) =>
  validateSync(plainToInstance(type, plain), options).flatMap((e) => Object.keys(e.constraints ?? {}).map((rule) => `${e.property}:${rule}`));

describe('validation rules kept per class', () => {
  beforeAll(() => cacheValidationMetadata());

  it('finds the same rules again, inherited ones included', () => {
    for (let i = 0; i < 3; i++) {
      expect(rulesBroken(Child, { name: 1, count: 'x' }).sort()).toEqual(['count:isInt', 'name:isString']);
      expect(rulesBroken(Child, { name: 'a', count: 2 })).toEqual([]);
      expect(rulesBroken(Base, { name: 1, count: 'x' })).toEqual(['name:isString']);
    }
  });

  it('refuses unknown fields with the whitelist as before', () => {
    expect(rulesBroken(Child, { name: 'a', count: 2, extra: true }, { whitelist: true, forbidNonWhitelisted: true })).toEqual(['extra:whitelistValidation']);
  });

  it('sees a rule added after the class was first validated', () => {
    expect(rulesBroken(Child, { name: 'abcdef', count: 2 })).toEqual([]);
    MaxLength(3)(Base.prototype, 'name');
    expect(rulesBroken(Child, { name: 'abcdef', count: 2 })).toEqual(['name:maxLength']);
    expect(rulesBroken(Base, { name: 'abcdef' })).toEqual(['name:maxLength']);
  });

  it('is installed once however often it is asked', () => {
    cacheValidationMetadata();
    cacheValidationMetadata();
    expect(rulesBroken(Child, { name: 'ab', count: 'x' })).toEqual(['count:isInt']);
  });
});
