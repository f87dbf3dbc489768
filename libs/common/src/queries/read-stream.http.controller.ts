import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { ActorRequest } from '../http/request-actor';
import { Access, UnitLocator } from '../access/access-rule';
import { ScopeLookupRegistry } from '../access/scope-lookups';
import { ReadStreamAnswer } from './read-stream.response';
import { MAX_QUERY_INTEGER } from '../http/validation';
import { IsOptionalInteger } from '../http/query-param-rules';

const streamUnits: UnitLocator = async (req, lookups: ScopeLookupRegistry) =>
  lookups.streamUnits(String(req.params.streamId ?? ''));

export class StreamParams {
  /** e.g. org-430702, campaign-2026-b2, progress-2026-b2.430702-001 */
  @Matches(/^[a-z]+-[A-Za-z0-9_.-]{1,140}$/, { message: 'streamId 格式为 类别-编码 (category-id)' })
  streamId!: string;
}

export class ReadStreamQuery {
  @IsOptionalInteger(0, MAX_QUERY_INTEGER)
  fromRevision?: number;
}

@ApiTags('events 事件')
@Controller('api/streams')
export class ReadStreamHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly lookups: ScopeLookupRegistry,
  ) {}

  @ApiOperation({ summary: '一个事件流的全部事件 (read the events of one stream)', description: '一个事件流的全部事件（完整信封：两个时间、操作人、关联号、哈希链）' })
  @ApiOkResponse({ schema: ReadStreamAnswer })
  @Access({ roles: ['admin', 'office', 'inspector', 'leader'], mode: 'read', units: streamUnits })
  @Get(':streamId/events')
  async read(@Param() p: StreamParams, @Query() q: ReadStreamQuery, @Req() req: ActorRequest) {
    const events = this.lookups.redactStream(p.streamId, await this.store.readStream(p.streamId, { fromRevision: q.fromRevision ?? 0 }), req.actor);
    return { streamId: p.streamId, revision: events.length ? events[events.length - 1].streamRevision : -1, events: events.map((e) => ({ ...e, position: this.store.positions.token(e.position) })) };
  }
}
