import { CommandWrites, StreamCommandRunner } from '@platform/common';
import { DomainEvent, UsernameReserved, usernameStreamId } from '@platform/domain';
import { WrongExpectedRevisionError } from '@platform/event-store';

/** A name's stream folded to the user holding it: its first reservation, written with no_stream, is final. */
const heldBy = {
  initialState: (): string | null => null,
  evolve: (held: string | null, e: DomainEvent): string | null => held ?? (e as UsernameReserved).data.userId,
};

/**
 * The registration's second step: the name's reservation for the user, unless the name is held.
 * Answers who holds it: this user (reserved now, or earlier by the same registration, or by a
 * recovery that got there first) or another one, who took it between the directory's check and
 * this write.
 */
export async function reserveUsername(
  runner: StreamCommandRunner,
  writes: CommandWrites,
  reservation: UsernameReserved['data'],
  eventIds?: readonly string[],
): Promise<string> {
  const streamId = usernameStreamId(reservation.username);
  try {
    await writes.append(streamId, [{ type: 'UsernameReserved', data: reservation }], 'no_stream', eventIds);
    return reservation.userId;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const { state } = await runner.load(streamId, heldBy);
    return state ?? reservation.userId;
  }
}
