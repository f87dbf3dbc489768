import type { SchemaObject } from '@nestjs/swagger';

/** A stored file: how to name it in a record */
export const UploadFileAnswer: SchemaObject = {
  type: 'object',
  properties: {
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    size: { type: 'integer', minimum: 1 },
    mediaType: { type: 'string' },
    ref: { type: 'string', description: '填入 attachmentRef(s) 的引用 (the reference to put in attachmentRef(s))', pattern: '^sha256:[0-9a-f]{64}$' },
  },
  required: ['sha256', 'size', 'mediaType', 'ref'],
};
