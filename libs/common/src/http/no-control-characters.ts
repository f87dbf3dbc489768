import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { hasControlCharacters } from '@platform/domain';

export const NO_CONTROL_CHARACTERS = 'noControlCharacters';

/**
 * Refuses control and bidi-control characters (see hasControlCharacters) in a string, or in each
 * string of an array with `each`. Names are single-line; free text may keep tabs and line breaks.
 */
export function NoControlCharacters(options: { multiline?: boolean } & ValidationOptions = {}): PropertyDecorator {
  const { multiline = false, ...validationOptions } = options;
  return ValidateBy(
    {
      name: NO_CONTROL_CHARACTERS,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacters(value, { multiline }),
        defaultMessage: (a?: ValidationArguments) =>
          `${a?.property} 不得包含控制字符或双向文本控制符 (must not contain control or bidi control characters${multiline ? '; tab and line breaks are allowed' : ''})`,
      },
    },
    validationOptions,
  );
}
