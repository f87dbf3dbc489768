import type { SchemaObject } from '@nestjs/swagger';

/** One signed checkpoint as it is printed: its parts and the copyable text */
export const CheckpointAnswer: SchemaObject = {
  type: 'object',
  properties: {
    position: { type: 'integer' },
    hash: { type: 'string' },
    issuedAt: { type: 'string' },
    keyId: { type: 'string' },
    signature: { type: 'string' },
    text: { type: 'string', description: 'ACP1.<position>.<hash>.<time>.<keyId>.<signature>' },
  },
  required: ['position', 'hash', 'keyId', 'signature', 'text'],
};

export const ListCheckpointsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    keyId: { type: 'string' },
    latest: { ...CheckpointAnswer, nullable: true },
    checkpoints: { type: 'array', items: CheckpointAnswer },
    next: { type: 'integer', nullable: true },
  },
  required: ['keyId', 'latest', 'checkpoints', 'next'],
};

export const CheckpointVerificationAnswer: SchemaObject = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    finding: { type: 'string' },
    position: { type: 'integer', nullable: true },
    range: { type: 'object', nullable: true, properties: { after: { type: 'integer' }, upTo: { type: 'integer' } } },
    verdict: { type: 'string' },
    checkpoint: { ...CheckpointAnswer, nullable: true },
    headPosition: { type: 'integer' },
    chainIntact: { type: 'boolean' },
    chainBreak: { type: 'object', nullable: true },
  },
  required: ['ok', 'finding', 'position', 'verdict', 'checkpoint', 'headPosition', 'chainIntact'],
};

export const SigningKeyAnswer: SchemaObject = {
  type: 'object',
  properties: { algorithm: { type: 'string', enum: ['Ed25519'] }, keyId: { type: 'string' }, publicKeyPem: { type: 'string' } },
  required: ['algorithm', 'keyId', 'publicKeyPem'],
};
