import { ForbiddenException, Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { DEFAULT_METRICS_VERSION, NoticeCommand, noticeDecider, noticeStreamId } from '@platform/domain';
import { CheckpointView, CheckpointWitness, EVENT_STORE, EventStore, WITNESS } from '@platform/event-store';
import { snapshotHash } from '../../notices/notice-snapshot';
import { BOARD_PROJECTIONS, readBoard } from '../../progress-board/board-reader';
import { BoardQuery, BoardView } from '../../progress-board/board-view';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { unitFilter } from '../../shared/view-scope';
import { PublishNoticeCommand } from './publish-notice.command';

const FORBIDDEN = { statusCode: 403, error: 'Forbidden', message: '无权进行此操作 (forbidden)' };

export type PublishNoticeResult = CommandResult & { readonly checkpoint: CheckpointView | null };

@CommandHandler(PublishNoticeCommand)
export class PublishNoticeHandler implements ICommandHandler<PublishNoticeCommand, PublishNoticeResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly moments: ViewMoments,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  /** The notice is published, then the head (its own event included) is signed and printed on it. */
  async execute(command: PublishNoticeCommand): Promise<PublishNoticeResult> {
    const result = await this.publish(command);
    return { ...result, checkpoint: await documentCheckpoint(this.witness, { notice: command.request.noticeId }) };
  }

  /**
   * The board is computed at the head as it is now, from the tree and documents exactly at that
   * position (replayed if the live ones moved on meanwhile), for the publisher's scope: the very
   * inputs a later reproduction replays.
   */
  private async publish({ meta, campaignId, request: r }: PublishNoticeCommand): Promise<CommandResult> {
    return this.runner.run(
      noticeStreamId(r.noticeId),
      noticeDecider,
      meta,
      async (): Promise<NoticeCommand> => {
        const position = await this.events.headPosition();
        const tree = await this.moments.treeAt(position);
        const query: BoardQuery = {
          root: r.root ?? null,
          unitType: null,
          phaseKey: null,
          stage: null,
          rankBy: r.rankBy ?? 'completionRate',
          metricsVersion: r.metricsVersion ?? DEFAULT_METRICS_VERSION,
        };
        let units;
        try {
          units = unitFilter(tree, meta.scope, query.root);
        } catch {
          throw new ForbiddenException(FORBIDDEN);
        }
        let snapshot: BoardView | null = null;
        try {
          snapshot = await this.moments.exactly(position, BOARD_PROJECTIONS, (store) => readBoard(store, tree, campaignId, units, query));
        } catch (error) {
          if (!(error instanceof NotFoundException)) throw error;
        }
        const context = this.runner.context(meta);
        return {
          type: 'PublishNotice',
          ...context,
          campaign: { campaignId, launched: snapshot !== null },
          headPosition: position,
          noticeId: r.noticeId,
          title: r.title,
          noticeDate: r.noticeDate ?? context.at.slice(0, 10),
          position,
          metricsVersion: query.metricsVersion,
          rankBy: query.rankBy,
          root: query.root,
          scope: { all: meta.scope.all, roots: [...meta.scope.roots] },
          unitIds: snapshot?.rows.map((row) => row.unitId) ?? [],
          snapshotHash: snapshotHash(snapshot),
          snapshot,
        };
      },
      { command: 'PublishNotice', campaignId, ...r },
    );
  }
}
