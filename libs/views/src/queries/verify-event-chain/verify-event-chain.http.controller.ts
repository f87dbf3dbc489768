import { token } from '@platform/common';
import { CheckpointWitness, EVENT_STORE, EventStore, WITNESS } from '@platform/event-store';
import { positionParam } from '../../shared/position-param';
import { AUDITORS } from '../../shared/view-roles';
import { VerifyEventChainRequest } from './verify-event-chain.request.dto';
import { VerifyEventChainAnswer } from './verify-event-chain.response';
import { viewsQuery } from '../query-routes';

export const VerifyEventChainHttpController = viewsQuery('VerifyEventChain', 'api/audit-trail/chain', {
  operation: { summary: '校验事件哈希链 (verify the event hash chain)', description: '校验事件哈希链：重新计算每个事件的哈希，发现任何篡改、删除或插入的第一个位置；并以最近签发的审计检查点核验：改动后重算整条链、或删除末尾事件，链本身看不出，检查点能看出' },
  answer: VerifyEventChainAnswer,
  access: { roles: AUDITORS, mode: 'read', units: null },
  query: VerifyEventChainRequest, inject: { events: token<EventStore>(EVENT_STORE), witness: token<CheckpointWitness>(WITNESS) },
  async handle({ query: q }, { events, witness: checkpointWitness }) {
    const until = q.until === undefined ? undefined : positionParam(events.positions, 'until', q.until);
    const report = await events.verifyChain({ until });
    const token = (position: number | null) => (position === null ? null : events.positions.token(position));
    const witness = await checkpointWitness.verifyLatest();
    const witnessed = witness.ok || witness.finding === 'no_checkpoint';
    const verdict = !report.ok
      ? `哈希链在位置 ${token(report.firstBrokenPosition)} 处断开：${report.reason}`
      : !witnessed
        ? `哈希链自身完整，但与已签发的检查点不符：${witness.verdict}`
        : '哈希链完整，且与最近签发的检查点一致，历史未被篡改';
    return { ...report, headPosition: token(report.headPosition), firstBrokenPosition: token(report.firstBrokenPosition), ok: report.ok && witnessed, chainIntact: report.ok, verdict, checkpoint: witness.checkpoint, witness };
  },
});
