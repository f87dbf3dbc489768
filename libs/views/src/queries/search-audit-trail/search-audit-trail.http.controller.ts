import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CurrentActor, CurrentScope } from '@platform/common';
import { Actor, actorKindOf, mayReadMemberNames, memberRosterStreamId, withoutMemberNames } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import type { FastifyReply } from 'fastify';
import { AuditPayloads } from '../../audit-trail/audit-payloads';
import { searchAudit } from '../../audit-trail/audit-search';
import { BACKDATING_THRESHOLD_HOURS } from '../../audit-trail/audit-trail.documents';
import { EVENT_TYPE_NAMES } from '../../audit-trail/event-type-names';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { isSmallScope, unitFilter } from '../../shared/view-scope';
import { AUDITORS } from '../../shared/view-roles';
import { auditSearchOf, refuseCrossedCursor, SearchAuditTrailRequest } from './search-audit-trail.request.dto';
import { SearchAuditTrailAnswer } from './search-audit-trail.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/audit-trail')
export class SearchAuditTrailHttpController {
  private readonly payloads: AuditPayloads;

  constructor(
    private readonly moments: ViewMoments,
    @Inject(EVENT_STORE) events: EventStore,
  ) {
    this.payloads = new AuditPayloads(events);
  }

  @ApiOperation({ summary: '审计轨迹 (search the audit trail)', description: '审计轨迹：范围内组织的每一个事件，按全局位置排序（order=asc 按历史顺序、以 after 游标分页；order=desc 最新在前、以 before 游标分页）；同时给出发生时间和记录时间， 记录时间晚于发生时间超过 24 小时的标记为补录（backdated）；可按子树、事件流、操作人、类型和时间段筛选' })
  @ApiOkResponse({ schema: SearchAuditTrailAnswer })
  @Access({ roles: AUDITORS, mode: 'read', units: null })
  @Get()
  async search(@Query() q: SearchAuditTrailRequest, @CurrentScope() scope: ActorScope, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FastifyReply) {
    refuseCrossedCursor(q);
    const moment = await this.moments.resolve(q.asOf, ['audit-trail'], { replay: false });
    const units = unitFilter(moment.tree, scope, q.root);
    const search = auditSearchOf(q, moment.positions);
    const token = (position: number) => moment.positions.token(position);
    const page = await searchAudit(moment.store('audit-trail'), search, units, moment.position, { broadScope: !isSmallScope(moment.tree, units) });
    const items = await Promise.all(
      page.items.map(async (entry) => {
        const stored = await this.payloads.at(entry.position);
        const { _id, ...rest } = entry;
        return {
          ...rest,
          position: token(entry.position),
          typeName: EVENT_TYPE_NAMES[entry.type] ?? entry.type,
          actorKind: actorKindOf(entry.actor),
          prevHash: stored?.prevHash ?? null,
          data: stored ? payloadFor(actor, stored.streamId, stored.type, stored.data) : null,
          dataOmitted: stored?.dataOmitted ?? null,
        };
      }),
    );
    return {
      asOf: momentOf(res, moment),
      backdatingThresholdHours: BACKDATING_THRESHOLD_HOURS,
      total: page.total,
      totalMoreThan: page.totalMoreThan,
      order: search.order,
      after: q.after ?? null,
      before: q.before ?? null,
      limit: search.limit,
      nextAfter: page.nextAfter === null ? null : token(page.nextAfter),
      nextBefore: page.nextBefore === null ? null : token(page.nextBefore),
      items,
    };
  }
}

const ROSTER_STREAM = memberRosterStreamId('');

/** A roster's names are for its own unit, the office and administrators; other auditors see ids, statuses and counts. */
function payloadFor(actor: Actor, streamId: string, type: string, data: unknown): unknown {
  if (!streamId.startsWith(ROSTER_STREAM) || mayReadMemberNames(actor, streamId.slice(ROSTER_STREAM.length))) return data;
  return withoutMemberNames(type, data);
}
