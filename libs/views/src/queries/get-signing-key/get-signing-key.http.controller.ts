import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { SigningKeyAnswer } from '../list-checkpoints/checkpoint.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/audit-trail/signing-key')
export class GetSigningKeyHttpController {
  constructor(@Inject(WITNESS) private readonly witness: CheckpointWitness) {}

  /**
   * 审计签名公钥（Ed25519，SPKI PEM）：任何人都可据此离线验证检查点签名——
   * 签名覆盖检查点文本中最后一个“.”之前的部分
   */
  @ApiOperation({ summary: '审计签名公钥 (get the audit signing key)', description: '审计签名公钥（Ed25519，SPKI PEM）：任何人都可据此离线验证检查点签名' })
  @ApiOkResponse({ schema: SigningKeyAnswer })
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Get()
  get() {
    return { algorithm: 'Ed25519', keyId: this.witness.keyId, publicKeyPem: this.witness.publicKeyPem };
  }
}
