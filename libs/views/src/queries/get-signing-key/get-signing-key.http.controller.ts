import { STAFF, token } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { SigningKeyAnswer } from '../list-checkpoints/checkpoint.response';
import { viewsQuery } from '../query-routes';

/**
   * 审计签名公钥（Ed25519，SPKI PEM）：任何人都可据此离线验证检查点签名——
   * 签名覆盖检查点文本中最后一个“.”之前的部分
   */
export const GetSigningKeyHttpController = viewsQuery('GetSigningKey', 'api/audit-trail/signing-key', {
  operation: { summary: '审计签名公钥 (get the audit signing key)', description: '审计签名公钥（Ed25519，SPKI PEM）：任何人都可据此离线验证检查点签名' },
  answer: SigningKeyAnswer,
  access: { roles: [...STAFF, 'public'], mode: 'read', units: null },
  inject: { witness: token<CheckpointWitness>(WITNESS) },
  handle(_request, { witness }) {
    return { algorithm: 'Ed25519', keyId: witness.keyId, publicKeyPem: witness.publicKeyPem };
  },
});
