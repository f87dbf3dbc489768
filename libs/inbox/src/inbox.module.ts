import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@platform/organizations';
import { ViewsModule } from '@platform/views';
import { MarkInboxAllReadHttpController } from './commands/mark-inbox-all-read/mark-inbox-all-read.http';
import { MarkInboxReadHttpController } from './commands/mark-inbox-read/mark-inbox-read.http';
import { InboxCommands } from './inbox-commands';
import { InboxFeed } from './inbox-feed';
import { InboxReader } from './inbox-reader';
import { CountInboxHttpController } from './queries/count-inbox/count-inbox.http.controller';
import { ListInboxHttpController } from './queries/list-inbox/list-inbox.http.controller';
import { StreamInboxHttpController } from './queries/stream-inbox/stream-inbox.http.controller';

/**
 * Bounded context: each user's inbox (待办) — the inbox projection (libs/views, so the projector and
 * rebuilds run it with the other views), resolved per user when asked, with read marks, a cheap
 * count, a page and a live stream.
 */
@Module({
  imports: [OrganizationsModule, ViewsModule],
  controllers: [CountInboxHttpController, StreamInboxHttpController, ListInboxHttpController, MarkInboxReadHttpController, MarkInboxAllReadHttpController],
  providers: [InboxReader, InboxFeed, InboxCommands],
})
export class InboxModule {}
