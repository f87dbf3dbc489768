import { applyDecorators, NotFoundException, StreamableFile } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { BlobStore, isSha256 } from '../blob-store.port';
import { EVIDENCE_MEDIA_TYPES, extensionOf } from '../media-types';

/** A file's hash in a download path: 64 lowercase hex digits. */
export const IsSha256 = () => Matches(/^[0-9a-f]{64}$/, { message: 'sha256 须为 64 位小写十六进制 (64 lowercase hex digits)' });

export function fileNotFound(sha256: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `文件 ${sha256} 不存在 (file not found)` });
}

/**
 * The stored file as a download: its detected type, its hash as ETag (the bytes never change), and
 * a name made of the hash, so nothing a user typed reaches a header. 404 when it is not stored.
 */
export async function sendBlob(blobs: BlobStore, sha256: string): Promise<StreamableFile> {
  const info = isSha256(sha256) ? await blobs.head(sha256) : null;
  const stream = info ? await blobs.stream(sha256) : null;
  if (!info || !stream) throw fileNotFound(sha256);
  return new StreamableFile(stream, {
    type: info.mediaType,
    length: info.size,
    disposition: `attachment; filename="${sha256.slice(0, 16)}.${extensionOf(info.mediaType)}"`,
  });
}

/** Documents a download answer: the bytes under each accepted media type. */
export const ApiFileAnswer = () =>
  applyDecorators(
    ApiParam({ name: 'sha256', description: '文件的 SHA-256 (the file\'s hash)', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }),
    ApiProduces(...EVIDENCE_MEDIA_TYPES),
    ApiResponse({
      status: 200,
      description: '文件内容，类型由上传时的文件内容判定 (the file, typed from its bytes)',
      headers: { 'Content-Disposition': { description: 'attachment; filename="<hash>.<ext>"', schema: { type: 'string' } } },
      content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
