import { applyDecorators } from '@nestjs/common';
import { NoControlCharacters } from '@platform/common';
import { ArrayMaxSize, IsArray, IsString, Length, ValidationArguments } from 'class-validator';

// The day and free-text rules are shared with the other contexts' requests.
export { IsCalendarDate, IsText } from '@platform/common';

/** Up to 50 file references, each as the upload service returned it. */
export const IsAttachmentRefs = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    Length(1, 500, { each: true, message: (a: ValidationArguments) => `${a.property} 中每项须为 1–500 个字符` }),
    NoControlCharacters({ each: true }),
  );
