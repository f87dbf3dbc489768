import type { FastifyReply } from 'fastify';
import { PositionCodec } from '@platform/event-store';
import { CommandResult } from '../commands/command-result';

/** A command's answer as the contract has it: positions in their public, opaque form. */
export type CommandAnswerBody = Omit<CommandResult, 'positions'> & { readonly positions: string[] };

/** ETag carries the new stream revision (use it as If-Match next); a replay says so in a header. */
export async function respond(res: FastifyReply, pending: Promise<CommandResult>, positions: PositionCodec): Promise<CommandAnswerBody> {
  const result = await pending;
  if (result.streams.length === 1) res.header('ETag', `"${result.streams[0].revision}"`);
  if (result.replayed) res.header('Idempotent-Replayed', 'true');
  return { ...result, positions: result.positions.map((p) => positions.token(p)) };
}
