import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, badRequest } from '@platform/common';
import type { FastifyRequest } from 'fastify';
import { blobRef } from '../blob-ref';
import { BLOB_STORE, BlobStore } from '../blob-store.port';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, sniffEvidenceType } from '../media-types';
import { readEvidenceUpload } from './evidence-upload';
import { UploadFileAnswer } from './upload-file.response';

const ACCEPTED = Object.values(EVIDENCE_TYPES).map((t) => t.name).join('、');

@ApiTags('files 台账资料')
@Controller('api/files')
export class UploadFileHttpController {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  @ApiOperation({
    summary: '上传台账资料 (upload an evidence file)',
    description: `上传一个文件（multipart 字段 file，至多 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB；${ACCEPTED}），按内容判定类型；答复的 ref 填入步骤或进展的 attachmentRef(s)。同一内容只存一份。`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '文件 (the file)' } } } })
  @ApiCreatedResponse({ schema: UploadFileAnswer, description: '已保存（或已有同一内容） (stored, or already stored)' })
  @Access({ roles: ['admin', 'office', 'operator', 'inspector'], mode: 'write', units: null })
  @Post()
  @HttpCode(201)
  async upload(@Req() req: FastifyRequest) {
    const file = await readEvidenceUpload(req, 'file');
    if (!file) throw badRequest([{ field: 'file', rule: 'required', message: 'file: 须以 multipart/form-data 的 file 字段上传一个文件 (a file is required)' }]);
    const type = sniffEvidenceType(file.buffer);
    if (!type) {
      throw badRequest([{ field: 'file', rule: 'fileType', message: `file: 文件内容不是可接受的类型（${ACCEPTED}） (not an accepted type, judged by its bytes)` }]);
    }
    const info = await this.blobs.put(file.buffer, type.mediaType);
    return { ...info, ref: blobRef(info.sha256) };
  }
}
