import { token } from '@platform/common';
import { checkpointView, CheckpointWitness, IssuedCheckpoint, WITNESS } from '@platform/event-store';
import { AUDITORS } from '../../shared/view-roles';
import { ListCheckpointsRequest } from './list-checkpoints.request.dto';
import { ListCheckpointsAnswer } from './checkpoint.response';
import { viewsQuery } from '../query-routes';

const listed = (c: IssuedCheckpoint) => ({ id: c.id, reason: c.reason, ref: c.ref, ...checkpointView(c) });

/**
   * 已签发的审计检查点，最新的在前：见证位置、该位置的哈希链值、签发时间、密钥编号与签名，
   * 以及签发缘由（启动、定期、通报、导出）和所在文件
   */
export const ListCheckpointsHttpController = viewsQuery('ListCheckpoints', 'api/audit-trail/checkpoints', {
  operation: { summary: '已签发的审计检查点 (list checkpoints)', description: '已签发的审计检查点，最新的在前，以及签发缘由（启动、定期、通报、导出）' },
  answer: ListCheckpointsAnswer,
  access: { roles: AUDITORS, mode: 'read', units: null },
  query: ListCheckpointsRequest, inject: { witness: token<CheckpointWitness>(WITNESS) },
  handle({ query: q }, { witness }) {
    const limit = q.limit ?? 50;
    const page = witness.page(q.before, limit);
    const latest = witness.latest();
    return {
      keyId: witness.keyId,
      latest: latest && listed(latest),
      checkpoints: page.map(listed),
      next: page.length === limit ? page[page.length - 1].id : null,
    };
  },
});
