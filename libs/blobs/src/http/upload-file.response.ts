import type { SchemaObject } from '@nestjs/swagger';
import { int, obj, str } from '@platform/common';

/** A stored file: how to name it in a record */
export const UploadFileAnswer: SchemaObject = obj({
  sha256: str({ pattern: '^[0-9a-f]{64}$' }),
  size: int({ minimum: 1 }),
  mediaType: str(),
  ref: str({ description: '填入 attachmentRef(s) 的引用 (the reference to put in attachmentRef(s))', pattern: '^sha256:[0-9a-f]{64}$' }),
}, { required: ['sha256', 'size', 'mediaType', 'ref'] });
