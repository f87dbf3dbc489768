import { ForbiddenException } from '@nestjs/common';
import { ActorScope, streamUseCase } from '@platform/common';
import { CURRENT_HANDLING_VERSION, DEFAULT_METRICS_VERSION, noticeDecider, noticeStreamId, OrganizationTree } from '@platform/domain';
import { snapshotHash } from '../../notices/notice-snapshot';
import { BoardQuery, BoardView } from '../../progress-board/board-view';
import { UnitFilter, unitFilter } from '../../shared/view-scope';
import type { PublishNoticeRequest } from './publish-notice.http';

export const FORBIDDEN = { statusCode: 403, error: 'Forbidden', message: '无权进行此操作 (forbidden)' };

/** The units a notice may cover under `root`: a root outside the publisher's scope refuses the publication (403) rather than hiding it. */
export function publisherUnits(tree: OrganizationTree, scope: ActorScope, root: string | null): UnitFilter {
  try {
    return unitFilter(tree, scope, root);
  } catch {
    throw new ForbiddenException(FORBIDDEN);
  }
}

/** What every notice records of its snapshot: the root and scope it was computed for, the units it names, and the snapshot with its hash. */
export function publishedSnapshot(scope: ActorScope, root: string | null, snapshot: { rows: readonly { unitId: string }[] } | null) {
  return {
    root,
    scope: { all: scope.all, roots: [...scope.roots] },
    unitIds: snapshot?.rows.map((row) => row.unitId) ?? [],
    snapshotHash: snapshotHash(snapshot),
    snapshot,
  };
}

/** The moment a notice is computed at: the head, the tree there, and the board exactly there. */
export interface NoticePorts {
  headPosition(): Promise<number>;
  treeAt(position: number): Promise<OrganizationTree>;
  /** The board at exactly that position; null when the campaign is not launched. */
  boardAt(position: number, tree: OrganizationTree, campaignId: string, units: ReturnType<typeof unitFilter>, query: BoardQuery): Promise<BoardView | null>;
}

export type PublishNoticeInput = { campaignId: string; scope: ActorScope } & PublishNoticeRequest;

/**
 * The board is computed at the head as it is now, from the tree and documents exactly at that
 * position (replayed if the live ones moved on meanwhile), for the publisher's scope: the very
 * inputs a later reproduction replays.
 */
export const publishNotice = streamUseCase(noticeDecider)({
  name: 'PublishNotice',
  streamId: (i: PublishNoticeInput) => noticeStreamId(i.noticeId),
  facts: async (i, ports: NoticePorts) => {
    const position = await ports.headPosition();
    const tree = await ports.treeAt(position);
    const query: BoardQuery = {
      root: i.root ?? null,
      unitType: null,
      phaseKey: null,
      stage: null,
      rankBy: i.rankBy ?? 'completionRate',
      metricsVersion: i.metricsVersion ?? DEFAULT_METRICS_VERSION,
      handlingVersion: i.handlingVersion ?? CURRENT_HANDLING_VERSION,
    };
    const units = publisherUnits(tree, i.scope, query.root);
    return { position, query, snapshot: await ports.boardAt(position, tree, i.campaignId, units, query) };
  },
  toCommand: (i, { position, query, snapshot }, context) => ({
    type: 'PublishNotice',
    ...context,
    campaign: { campaignId: i.campaignId, launched: snapshot !== null },
    headPosition: position,
    noticeId: i.noticeId,
    title: i.title,
    noticeDate: i.noticeDate ?? context.at.slice(0, 10),
    position,
    metricsVersion: query.metricsVersion,
    handlingVersion: query.handlingVersion,
    rankBy: query.rankBy,
    ...publishedSnapshot(i.scope, query.root, snapshot),
  }),
  fingerprint: ({ scope: _, ...request }) => ({ command: 'PublishNotice', ...request }),
});
