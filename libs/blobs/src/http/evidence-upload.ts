import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { badRequest } from '@platform/common';
import { MAX_EVIDENCE_BYTES } from '../media-types';

const MIB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/** The one uploaded file, read whole. */
export interface UploadedBytes {
  readonly buffer: Buffer;
  readonly size: number;
}

/**
 * Reads the one multipart field `field` into memory through @fastify/multipart, bounded by the size
 * limit — nothing lands on disk before its type is checked. Undefined when the request is not
 * multipart or carries no file. Its refusals get the platform's shape: 413 or 400 naming the field.
 */
export async function readEvidenceUpload(req: FastifyRequest, field: string): Promise<UploadedBytes | undefined> {
  if (!req.isMultipart()) return undefined;
  let buffer: Buffer;
  try {
    const part = await req.file({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 0, parts: 1 } });
    if (!part) return undefined;
    if (part.fieldname !== field) throw Object.assign(new Error(`unexpected field ${part.fieldname}`), { code: 'UNEXPECTED_FIELD' });
    buffer = await part.toBuffer();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeException({
        statusCode: 413,
        error: 'Payload Too Large',
        message: [`${field}: 文件超过 ${MIB} MiB (file larger than ${MIB} MiB)`],
        errors: [{ field, rule: 'maxSize', message: `${field}: 文件超过 ${MIB} MiB (file larger than ${MIB} MiB)` }],
      });
    }
    const why = e instanceof Error ? e.message : String(e);
    throw badRequest([{ field, rule: 'multipart', message: `${field}: 须以 multipart/form-data 上传恰好一个名为 ${field} 的文件 (${why})` }]);
  }
  return { buffer, size: buffer.length };
}
