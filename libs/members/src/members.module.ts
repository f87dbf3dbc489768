import { Module } from '@nestjs/common';
import { CampaignsModule } from '@platform/campaigns';
import { StreamCategory } from '@platform/common';
import { mayReadMemberNames, memberRosterStreamId, withoutMemberNames } from '@platform/domain';
import { AddMemberHttpController } from './commands/add-member/add-member.http';
import { ChangeMemberStatusHttpController } from './commands/change-member-status/change-member-status.http';
import { CloseMemberSearchHttpController } from './commands/close-member-search/close-member-search.http';
import { ImportMembersHttpController } from './commands/import-members/import-members.http';
import { OpenMemberSearchHttpController } from './commands/open-member-search/open-member-search.http';
import { RecordMemberParticipationHttpController } from './commands/record-member-participation/record-member-participation.http';
import { RecordSearchAttemptHttpController } from './commands/record-search-attempt/record-search-attempt.http';
import { RenameMemberHttpController } from './commands/rename-member/rename-member.http';
import { MemberCommands } from './member-commands';

const STREAM_PREFIX = memberRosterStreamId('');

/** Bounded context: each unit's member roster (党员名册), its search cases (查找党员) and participation by step. */
@Module({
  imports: [CampaignsModule],
  controllers: [
    AddMemberHttpController,
    ImportMembersHttpController,
    RenameMemberHttpController,
    ChangeMemberStatusHttpController,
    OpenMemberSearchHttpController,
    RecordSearchAttemptHttpController,
    CloseMemberSearchHttpController,
    RecordMemberParticipationHttpController,
  ],
  providers: [MemberCommands],
  exports: [MemberCommands],
})
export class MembersModule {}

/** member-roster-<unit>: the roster of one unit. Names in its events are withheld from readers outside it. */
export const MEMBER_STREAMS: readonly StreamCategory[] = [
  {
    prefix: 'member',
    units: async (streamId) => (streamId.startsWith(STREAM_PREFIX) ? [streamId.slice(STREAM_PREFIX.length)] : null),
    redact: (event, actor) => (mayReadMemberNames(actor, event.streamId.slice(STREAM_PREFIX.length)) ? event : { ...event, data: withoutMemberNames(event.type, event.data) as typeof event.data }),
  },
];
