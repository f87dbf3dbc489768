import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';

/**
 * A list of nested request objects, each validated as `item`, of at least `min` and at most `max`
 * entries. Listed in the order stacked decorators apply (as IsLine), so the rules are checked,
 * reported and described in the OpenAPI document as when each request class stacked them.
 */
export const IsListOf = (item: () => Function, size: { min?: number; max?: number }) =>
  applyDecorators(
    Type(item),
    ValidateNested({ each: true }),
    ...(size.max === undefined ? [] : [ArrayMaxSize(size.max)]),
    ...(size.min === undefined ? [] : [ArrayMinSize(size.min)]),
    IsArray(),
  );
