import { token } from '@platform/common';
import { CheckpointWitness, EVENT_STORE, EventStore, NOTARY_VERIFIER, NotaryVerification, NotaryVerifier, WITNESS } from '@platform/event-store';
import { positionParam } from '../../shared/position-param';
import { AUDITORS } from '../../shared/view-roles';
import { VerifyEventChainRequest } from './verify-event-chain.request.dto';
import { VerifyEventChainAnswer } from './verify-event-chain.response';
import { viewsQuery } from '../query-routes';

export const VerifyEventChainHttpController = viewsQuery('VerifyEventChain', 'api/audit-trail/chain', {
  operation: {
    summary: '校验事件哈希链 (verify the event hash chain)',
    description:
      '校验事件哈希链：重新计算每个事件的哈希，发现任何篡改、删除或插入的第一个位置；并以最近签发的审计检查点核验：改动后重算整条链、或删除末尾事件，链本身看不出，检查点能看出。' +
      '另以全局公证链核验：公证链按顺序记录了每个事件的哈希，改动后重算所在事件流的链、删除、调换或追加后删除的事件都与公证记录不符。没有全局哈希链的事件存储（KurrentDB）只以公证链核验',
  },
  answer: VerifyEventChainAnswer,
  access: { roles: AUDITORS, mode: 'read', units: null },
  query: VerifyEventChainRequest,
  inject: { events: token<EventStore>(EVENT_STORE), witness: token<CheckpointWitness>(WITNESS), verifier: token<NotaryVerifier>(NOTARY_VERIFIER) },
  async handle({ query: q }, { events, witness: checkpointWitness, verifier }) {
    const token = (position: number | null) => (position === null ? null : events.positions.token(position));
    const notarized = await verifier.verify();
    const notary = publicNotary(notarized, token);
    if (!events.capabilities.globalHashChain) {
      // One chain per stream: what a global chain and its witness prove, the notary proves here.
      return {
        ok: notarized.ok,
        checked: notarized.notarizedChecked + notarized.unnotarized,
        headPosition: token(notarized.headPosition),
        firstBrokenPosition: token(notarized.position),
        reason: notarized.ok ? null : notarized.finding,
        chainIntact: notarized.ok,
        verdict: notarized.ok ? `各事件流的哈希链完整，且与公证链一致，历史未被篡改` : `与公证链不符：${notarized.verdict}`,
        checkpoint: notarized.checkpoint,
        notary,
      };
    }
    const until = q.until === undefined ? undefined : positionParam(events.positions, 'until', q.until);
    const report = await events.verifyChain({ until });
    const witness = await checkpointWitness.verifyLatest();
    const witnessed = witness.ok || witness.finding === 'no_checkpoint';
    const verdict = !report.ok
      ? `哈希链在位置 ${token(report.firstBrokenPosition)} 处断开：${report.reason}`
      : !witnessed
        ? `哈希链自身完整，但与已签发的检查点不符：${witness.verdict}`
        : !notarized.ok
          ? `哈希链自身完整，但与公证链不符：${notarized.verdict}`
          : '哈希链完整，且与最近签发的检查点一致，历史未被篡改';
    return {
      ...report,
      headPosition: token(report.headPosition),
      firstBrokenPosition: token(report.firstBrokenPosition),
      ok: report.ok && witnessed && notarized.ok,
      chainIntact: report.ok,
      verdict,
      checkpoint: witness.checkpoint,
      witness,
      notary,
    };
  },
});

/** The notary's verdict with its positions in the store's public form. */
function publicNotary(n: NotaryVerification, token: (position: number | null) => string | null) {
  return {
    ...n,
    position: token(n.position),
    headPosition: token(n.headPosition),
    tip: { seq: n.tip.seq, position: token(n.tip.position) },
    from: n.from && { seq: n.from.seq, position: token(n.from.position) },
  };
}
