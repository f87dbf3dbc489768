import type { StoredEvent } from '@platform/event-store';
import { documentProjection, Projection } from '../projection';
import { remove, upsert } from '../read-store.port';

/** Events of the samples: a group is opened, ticked, closed. Domain-free on purpose. */
export interface GroupEventData {
  readonly group: string;
  readonly name?: string;
}

export interface TallyGroup {
  readonly _id: string;
  readonly name: string | null;
  readonly ticks: number;
  readonly lastPosition: number;
}

export interface TallyTotals {
  readonly _id: 'all';
  readonly ticks: number;
  readonly openGroups: number;
  readonly closedGroups: number;
}

export const TALLY_GROUPS = 'tally_groups';
export const TALLY_TOTALS = 'tally_totals';

/** A row per group and a roll-up over all of them: two documents updated per event. */
export function groupTallyProjection(options: { name?: string; version?: number; weight?: number } = {}): Projection<GroupEventData> {
  const weight = options.weight ?? 1;
  return {
    name: options.name ?? 'group-tally',
    version: options.version ?? 1,
    collections: [TALLY_GROUPS, TALLY_TOTALS],
    handles: ['GroupOpened', 'Ticked', 'GroupClosed'],
    async evolve(event: StoredEvent<GroupEventData>, ctx) {
      const id = event.data.group;
      const group = await ctx.get<TallyGroup>(TALLY_GROUPS, id);
      const totals = (await ctx.get<TallyTotals>(TALLY_TOTALS, 'all')) ?? { _id: 'all', ticks: 0, openGroups: 0, closedGroups: 0 };
      switch (event.type) {
        case 'GroupOpened':
          if (group) return [];
          return [
            upsert(TALLY_GROUPS, { _id: id, name: event.data.name ?? null, ticks: 0, lastPosition: event.position }),
            upsert(TALLY_TOTALS, { ...totals, openGroups: totals.openGroups + 1 }),
          ];
        case 'Ticked':
          return [
            upsert(TALLY_GROUPS, {
              _id: id,
              name: group?.name ?? null,
              ticks: (group?.ticks ?? 0) + weight,
              lastPosition: event.position,
            }),
            upsert(TALLY_TOTALS, { ...totals, ticks: totals.ticks + weight, openGroups: totals.openGroups + (group ? 0 : 1) }),
          ];
        case 'GroupClosed':
          if (!group) return [];
          return [
            remove(TALLY_GROUPS, id),
            upsert(TALLY_TOTALS, { ...totals, openGroups: totals.openGroups - 1, closedGroups: totals.closedGroups + 1 }),
          ];
        default:
          return [];
      }
    },
  };
}

export interface StreamActivity {
  readonly _id: string;
  readonly ticks: number;
  readonly lastRecordedAt: string;
}

/** One document per stream, with the one-document helper. */
export const streamActivityProjection = documentProjection<StreamActivity, GroupEventData>({
  name: 'stream-activity',
  version: 1,
  collection: 'stream_activity',
  handles: ['Ticked', 'StreamArchived'],
  id: (event) => event.streamId,
  evolve: (current, event) =>
    event.type === 'StreamArchived'
      ? null
      : { _id: event.streamId, ticks: (current?.ticks ?? 0) + 1, lastRecordedAt: event.recordedAt },
});
