import type { SchemaObject } from '@nestjs/swagger';
import { arr, bool, int, intOrNull, obj, objOrNull, str } from '@platform/common';

/** One signed checkpoint as it is printed: its parts and the copyable text */
export const CheckpointAnswer: SchemaObject = obj({
  position: int(),
  hash: str(),
  issuedAt: str(),
  keyId: str(),
  signature: str(),
  text: str({ description: 'ACP1.<position>.<hash>.<time>.<keyId>.<signature>' }),
}, { required: ['position', 'hash', 'keyId', 'signature', 'text'] });

export const ListCheckpointsAnswer: SchemaObject = obj({
  keyId: str(),
  latest: { ...CheckpointAnswer, nullable: true },
  checkpoints: arr(CheckpointAnswer),
  next: intOrNull(),
}, { required: ['keyId', 'latest', 'checkpoints', 'next'] });

export const CheckpointVerificationAnswer: SchemaObject = obj({
  ok: bool(),
  finding: str(),
  position: intOrNull(),
  range: obj({ after: int(), upTo: int() }, { nullable: true }),
  verdict: str(),
  checkpoint: { ...CheckpointAnswer, nullable: true },
  headPosition: int(),
  chainIntact: bool(),
  chainBreak: objOrNull(),
}, { required: ['ok', 'finding', 'position', 'verdict', 'checkpoint', 'headPosition', 'chainIntact'] });

export const SigningKeyAnswer: SchemaObject = obj({ algorithm: str({ enum: ['Ed25519'] }), keyId: str(), publicKeyPem: str() }, { required: ['algorithm', 'keyId', 'publicKeyPem'] });
