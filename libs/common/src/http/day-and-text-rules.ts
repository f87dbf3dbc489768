import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, Length, Matches, ValidationArguments } from 'class-validator';
import { NoControlCharacters } from './no-control-characters';

/** A calendar day (YYYY-MM-DD): deadlines and re-review dates are days, not instants. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: (a: ValidationArguments) => `${a.property} 须为日期 YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: (a: ValidationArguments) => `${a.property} 不是有效日期` }),
  );

/** When the recorded fact happened, if earlier than the request: optional; an instant or a day, never in the future (the command runner refuses a later one). */
export const IsOccurredAt = () => applyDecorators(IsISO8601({ strict: true }), IsOptional());

/** Free text (notes, reasons, descriptions): tabs and line breaks are kept, control characters refused. */
export const IsText = (max: number) =>
  applyDecorators(
    IsString(),
    Length(1, max, { message: (a: ValidationArguments) => `${a.property} 须为 1–${max} 个字符` }),
    NoControlCharacters({ multiline: true }),
  );

/** Optional free text, empty allowed (a note, a comment): listed in the order stacked decorators apply, so the rules are checked and reported as before. */
export const IsOptionalText = (max: number) => applyDecorators(NoControlCharacters({ multiline: true }), Length(0, max), IsString(), IsOptional());

/** One line of text (a name, a title, a person): no control characters at all. Listed in stacking order, as IsOptionalText. */
export const IsLine = (max: number) => applyDecorators(NoControlCharacters(), Length(1, max), IsString());
export const IsOptionalLine = (max: number) => applyDecorators(NoControlCharacters(), Length(1, max), IsString(), IsOptional());
