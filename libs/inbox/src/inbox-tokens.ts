import { PositionCodec } from '@platform/event-store';

/** Inbox items as the API shows them: their positions in the store's opaque form. */
export function tokenItems<T extends { position: number }>(items: readonly T[], positions: PositionCodec): Array<Omit<T, 'position'> & { position: string }> {
  return items.map((item) => ({ ...item, position: positions.token(item.position) }));
}
