import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidationOptions } from 'class-validator';

/**
 * An optional whole number taken from a query string (skip, limit, a page, a revision), from `min`
 * to `max`. Listed in the order stacked decorators apply (as IsLine), so the rules are checked,
 * reported and described in the OpenAPI document as when each query class stacked them.
 */
export const IsOptionalInteger = (min: number, max: number, maxOptions?: ValidationOptions) =>
  applyDecorators(Max(max, maxOptions), Min(min), IsInt(), Type(() => Number), IsOptional());
