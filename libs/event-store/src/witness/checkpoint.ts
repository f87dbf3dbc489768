/**
 * A signed checkpoint: "the history up to this position had this chain hash", signed with the
 * audit signing key at a given time. It is printed as one line of text so that it can leave the
 * system on notices and exports and be pasted back to check today's history against it.
 */
export interface Checkpoint {
  /** Global position of the last event the checkpoint covers (0: the empty history). */
  readonly position: number;
  /** Chain hash at that position, recomputed from the events' content when issued. */
  readonly hash: string;
  /** Issue time, whole seconds, ISO-8601 UTC. */
  readonly issuedAt: string;
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER): which key signed it. */
  readonly keyId: string;
  /** Ed25519 signature over `checkpointMessage`, base64url. */
  readonly signature: string;
}

export const CHECKPOINT_PREFIX = 'ACP1';
/** The notary's checkpoints: the same form and key, another prefix, so neither passes for the other. */
export const NOTARY_CHECKPOINT_PREFIX = 'ANP1';

export class CheckpointFormatError extends Error {}

const compactTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

function isoOf(compact: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(compact);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** The signed text: everything in the printed form except the signature itself. */
export function checkpointMessage(c: Omit<Checkpoint, 'signature'>, prefix = CHECKPOINT_PREFIX): string {
  return [prefix, c.position, c.hash, compactTime(c.issuedAt), c.keyId].join('.');
}

/** `ACP1.<position>.<hash>.<yyyymmddThhmmssZ>.<keyId>.<signature>`: one token, no spaces, double-click selects it. */
export function formatCheckpoint(c: Checkpoint, prefix = CHECKPOINT_PREFIX): string {
  return `${checkpointMessage(c, prefix)}.${c.signature}`;
}

/** Reads a pasted checkpoint; whitespace around it (or inside, from line-wrapping) is ignored. */
export function parseCheckpoint(text: string, prefix = CHECKPOINT_PREFIX): Checkpoint {
  const parts = text.replace(/\s+/g, '').split('.');
  const fail = (rule: string) => {
    throw new CheckpointFormatError(`checkpoint ${rule}（检查点格式应为 ${prefix}.位置.哈希.时间.密钥编号.签名）`);
  };
  if (parts.length !== 6 || parts[0] !== prefix) fail(`must be six dot-separated parts starting with ${prefix}`);
  const [, pos, hash, time, keyId, signature] = parts;
  if (!/^(0|[1-9]\d{0,14})$/.test(pos)) fail('position must be a non-negative integer');
  if (!/^[0-9a-f]{64}$/.test(hash)) fail('hash must be 64 lowercase hex digits');
  const issuedAt = isoOf(time);
  if (!issuedAt) fail('time must be yyyymmddThhmmssZ');
  if (!/^[0-9a-f]{16}$/.test(keyId)) fail('key id must be 16 lowercase hex digits');
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) fail('signature must be 86 base64url characters');
  return { position: Number(pos), hash, issuedAt: issuedAt as string, keyId, signature };
}

/** The form a checkpoint takes in JSON answers: its fields and the text to copy. */
export function checkpointView(c: Checkpoint, prefix = CHECKPOINT_PREFIX) {
  return { ...c, text: formatCheckpoint(c, prefix) };
}
export type CheckpointView = ReturnType<typeof checkpointView>;
