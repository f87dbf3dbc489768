import { Inject, Injectable, PipeTransform } from '@nestjs/common';
import { badRequest, FieldError } from '@platform/common';
import { hashOfRef, isBlobRef, looksLikeBlobRef } from '../blob-ref';
import { BLOB_STORE, BlobStore } from '../blob-store.port';

/**
 * Runs after validation on a request body that may name uploaded files (`attachmentRef`,
 * `attachmentRefs`, a key-task report's `evidence`): each `sha256:` reference must be well formed and name a stored file, else
 * 400 naming the field, before anything is written. `@Body(StoredBlobRefs) body`.
 */
@Injectable()
export class StoredBlobRefs implements PipeTransform {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async transform<T>(body: T): Promise<T> {
    const errors: FieldError[] = [];
    for (const [field, ref] of namedRefs(body)) {
      if (!looksLikeBlobRef(ref)) continue;
      if (!isBlobRef(ref)) errors.push({ field, rule: 'fileRef', message: `${field}: 文件引用须为 sha256:<64 位小写十六进制> (a file reference is sha256:<64 hex>)` });
      else if (!(await this.blobs.head(hashOfRef(ref)))) {
        errors.push({ field, rule: 'storedFile', message: `${field}: 未找到已上传的文件 ${ref}，请先上传 (no uploaded file has this hash)` });
      }
    }
    if (errors.length) throw badRequest(errors);
    return body;
  }
}

function namedRefs(body: unknown): [string, string][] {
  if (!body || typeof body !== 'object') return [];
  const b = body as Record<string, unknown>;
  const out: [string, string][] = [];
  if (typeof b.attachmentRef === 'string') out.push(['attachmentRef', b.attachmentRef]);
  for (const field of ['attachmentRefs', 'evidence']) {
    const refs = b[field];
    if (Array.isArray(refs)) refs.forEach((r, i) => typeof r === 'string' && out.push([`${field}.${i}`, r]));
  }
  return out;
}
