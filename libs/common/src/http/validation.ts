import { BadRequestException, NotFoundException, ValidationError, ValidationPipe } from '@nestjs/common';
import { requireNestedObjects } from './request-rules';
import { cacheValidationMetadata } from './validation-metadata-cache';

/**
 * The bound of every numeric query parameter (positions, revisions, offsets): the largest integer
 * JavaScript and SQLite both hold exactly. Beyond it `Number('99999999999999999999')` still passes
 * IsInt, and SQLite refuses the value with a datatype mismatch (a 500).
 */
export const MAX_QUERY_INTEGER = Number.MAX_SAFE_INTEGER;

export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Flattens nested validation errors into `items.0.count`-style field paths. */
export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'not_allowed' : rule,
      message: rule === 'whitelistValidation' ? `${field}: 不允许的字段 (property ${field} should not exist)` : message,
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function badRequest(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => `${e.field}: ${e.message}`),
    errors,
  });
}

/** A read of a unit's part in a campaign it does not take part in (or a campaign that does not exist). */
export function unitNotEnrolled(): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: '该组织未参加此活动 (unit not enrolled)' });
}

/** Unknown fields are refused, not silently dropped: a typo must not pass as an empty value. */
export function createValidationPipe(): ValidationPipe {
  requireNestedObjects();
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}
