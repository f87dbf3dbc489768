import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * Values shared by many answers (kept by a memo, never changed), as the UTF-8 bytes of their JSON:
 * written out once, not per answer. Encoding is most of what a large answer costs to send (a
 * whole-city board's lines per county-level unit are about 300 KB of JSON at twice the demo city,
 * its Chinese names making the whole text two-byte), and a value kept by identity is the same
 * JSON every time it is sent.
 */
const bytesOf = new WeakMap<object, Buffer>();

/** Stands for a kept value in the answer's own text: never in data (it carries a random nonce). */
const MARK = `\u0000kept-${randomBytes(12).toString('hex')}\u0000`;
const QUOTED_MARK = JSON.stringify(MARK);

/**
 * Writes `body` exactly as Fastify sends an object (the same bytes, the same Content-Type), taking the
 * top-level fields named in `kept` from their values' kept bytes: each such value is serialized
 * once for as long as it lives. Only for values that are never changed once answered.
 */
export function sendJsonKeeping(res: FastifyReply, body: Record<string, unknown>, kept: readonly string[]): void {
  // In the body's order of fields, as its text has them.
  const parts: Buffer[] = [];
  const marked: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(body)) {
    if (!kept.includes(key) || value === null || typeof value !== 'object') continue;
    let bytes = bytesOf.get(value);
    if (!bytes) bytesOf.set(value, (bytes = Buffer.from(JSON.stringify(value))));
    marked[key] = MARK;
    parts.push(bytes);
  }
  const pieces = JSON.stringify(marked).split(QUOTED_MARK);
  const chunks: Buffer[] = [];
  pieces.forEach((piece, i) => {
    chunks.push(Buffer.from(piece));
    if (i < parts.length) chunks.push(parts[i]);
  });
  res.header('Content-Type', 'application/json; charset=utf-8');
  res.send(Buffer.concat(chunks));
}
