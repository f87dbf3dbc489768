import { CallHandler, ExecutionContext, HttpException, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { badRequest } from '@platform/common';
import { Observable } from 'rxjs';
import { MAX_EVIDENCE_BYTES } from '../media-types';

const MIB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/**
 * Multer (through Nest's FileInterceptor) reads the one multipart field into memory, bounded by the
 * size limit — no storage given, so nothing lands on disk before its type is checked. Its refusals
 * get the platform's shape: 413 or 400 naming the field.
 */
export function EvidenceUpload(field: string): Type<NestInterceptor> {
  const Multer = FileInterceptor(field, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 0, parts: 1 } });
  @Injectable()
  class EvidenceUploadInterceptor extends Multer {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (e) {
        if (e instanceof PayloadTooLargeException) {
          throw new PayloadTooLargeException({
            statusCode: 413,
            error: 'Payload Too Large',
            message: [`${field}: 文件超过 ${MIB} MiB (file larger than ${MIB} MiB)`],
            errors: [{ field, rule: 'maxSize', message: `${field}: 文件超过 ${MIB} MiB (file larger than ${MIB} MiB)` }],
          });
        }
        if (e instanceof HttpException && e.getStatus() === 400) {
          throw badRequest([{ field, rule: 'multipart', message: `${field}: 须以 multipart/form-data 上传恰好一个名为 ${field} 的文件 (${e.message})` }]);
        }
        throw e;
      }
    }
  }
  return mixin(EvidenceUploadInterceptor);
}
