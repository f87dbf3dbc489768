import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, badRequest } from '@platform/common';
import { CheckpointFormatError, CheckpointWitness, parseCheckpoint, WITNESS } from '@platform/event-store';
import { AUDITORS } from '../../shared/view-roles';
import { VerifyCheckpointRequest } from './verify-checkpoint.request.dto';
import { CheckpointVerificationAnswer } from '../list-checkpoints/checkpoint.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/audit-trail/checkpoints/verify')
export class VerifyCheckpointHttpController {
  constructor(@Inject(WITNESS) private readonly witness: CheckpointWitness) {}

  /**
   * 核验检查点：验证签名，并从事件内容重新计算哈希链，证明今天的历史仍原样包含该检查点所见证的一切；
   * 否则指出是被截断、删除、调换顺序、修改，还是改写后重算了哈希链，以及位置
   */
  @ApiOperation({ summary: '核验审计检查点 (verify a checkpoint)', description: '验证签名，并从事件内容重新计算哈希链，证明今天的历史仍原样包含该检查点所见证的一切' })
  @ApiOkResponse({ schema: CheckpointVerificationAnswer })
  @Access({ roles: AUDITORS, mode: 'read', units: null })
  @Get()
  async verify(@Query() q: VerifyCheckpointRequest) {
    if (q.checkpoint === undefined) return this.witness.verifyLatest();
    let checkpoint;
    try {
      checkpoint = parseCheckpoint(q.checkpoint);
    } catch (error) {
      if (!(error instanceof CheckpointFormatError)) throw error;
      throw badRequest([{ field: 'checkpoint', rule: 'checkpointFormat', message: `checkpoint: ${error.message}` }]);
    }
    return this.witness.verify(checkpoint);
  }
}
