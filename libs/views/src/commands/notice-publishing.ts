import { Inject } from '@nestjs/common';
import { CommandAnswerBody, CommandResult, respond } from '@platform/common';
import { CheckpointWitness, EVENT_STORE, EventStore, WITNESS } from '@platform/event-store';
import type { FastifyReply } from 'fastify';
import { documentCheckpoint } from '../shared/document-checkpoint';
import { NoticeCommands } from './notice-commands';
import type { PublishNoticeResult } from './publish-notice/publish-notice.http';

/** What the controllers that publish a notice (a campaign's, a stock-take's) share: the notice commands and its checkpoint. */
export abstract class NoticePublishingController {
  constructor(
    protected readonly commands: NoticeCommands,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** The notice is published first, then the head (its own event included) is signed and printed on it. */
  protected async withCheckpoint(res: FastifyReply, publishing: Promise<CommandResult>, noticeId: string): Promise<PublishNoticeResult> {
    const result: CommandAnswerBody = await respond(res, publishing, this.events.positions);
    return { ...result, checkpoint: await documentCheckpoint(this.witness, { notice: noticeId }) };
  }
}
