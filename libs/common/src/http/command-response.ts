import type { Response } from 'express';
import { CommandResult } from '../commands/command-result';

/** ETag carries the new stream revision (use it as If-Match next); a replay says so in a header. */
export async function respond(res: Response, pending: Promise<CommandResult>): Promise<CommandResult> {
  const result = await pending;
  if (result.streams.length === 1) res.setHeader('ETag', `"${result.streams[0].revision}"`);
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return result;
}
