import { badRequest, token } from '@platform/common';
import { CheckpointFormatError, CheckpointWitness, parseCheckpoint, WITNESS } from '@platform/event-store';
import { AUDITORS } from '../../shared/view-roles';
import { VerifyCheckpointRequest } from './verify-checkpoint.request.dto';
import { CheckpointVerificationAnswer } from '../list-checkpoints/checkpoint.response';
import { viewsQuery } from '../query-routes';

/**
   * 核验检查点：验证签名，并从事件内容重新计算哈希链，证明今天的历史仍原样包含该检查点所见证的一切；
   * 否则指出是被截断、删除、调换顺序、修改，还是改写后重算了哈希链，以及位置
   */
export const VerifyCheckpointHttpController = viewsQuery('VerifyCheckpoint', 'api/audit-trail/checkpoints/verify', {
  operation: { summary: '核验审计检查点 (verify a checkpoint)', description: '验证签名，并从事件内容重新计算哈希链，证明今天的历史仍原样包含该检查点所见证的一切' },
  answer: CheckpointVerificationAnswer,
  access: { roles: AUDITORS, mode: 'read', units: null },
  query: VerifyCheckpointRequest, inject: { witness: token<CheckpointWitness>(WITNESS) },
  async handle({ query: q }, { witness }) {
    if (q.checkpoint === undefined) return witness.verifyLatest();
    let checkpoint;
    try {
      checkpoint = parseCheckpoint(q.checkpoint);
    } catch (error) {
      if (!(error instanceof CheckpointFormatError)) throw error;
      throw badRequest([{ field: 'checkpoint', rule: 'checkpointFormat', message: `checkpoint: ${error.message}` }]);
    }
    return witness.verify(checkpoint);
  },
});
