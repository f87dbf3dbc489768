import { IsArray, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { PositionCodec } from '@platform/event-store';
import { AuditSearch } from '../../audit-trail/audit-search';
import { POSITION_TOKEN_PATTERN, positionParam } from '../../shared/position-param';
import { AsOfQuery, ListParam, IsOptionalFlag } from '../../shared/view-query.request.dto';
import { IsOptionalInteger, IsOptionalId } from '@platform/common';

const iso = (v: string | undefined) => (v ? new Date(v).toISOString() : null);

export class SearchAuditTrailRequest extends AsOfQuery {
  /** 只看与该组织及其下级有关的事件 */
  @IsOptionalId()
  root?: string;

  /** 事件流，如 problem-p-001、progress-xjx-2.branch-1 */
  @IsOptional()
  @Matches(/^[a-z]+-[A-Za-z0-9_.-]{1,140}$/, { message: 'streamId 格式为 类别-编码' })
  streamId?: string;

  /** 操作人用户编号 */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.@-]{1,64}$/, { message: 'actorId 只能包含字母、数字、_ . @ -，最长 64 位' })
  actorId?: string;

  /** 事件类型，可多选 */
  @IsOptional()
  @ListParam()
  @IsArray()
  @Matches(/^[A-Z][A-Za-z]{1,63}$/, { each: true, message: 'type 须为事件类型名' })
  type?: string[];

  /** 发生时间（occurredAt）起止 */
  @IsOptional()
  @IsISO8601()
  occurredFrom?: string;

  @IsOptional()
  @IsISO8601()
  occurredTo?: string;

  /** 记录时间（recordedAt）起止 */
  @IsOptional()
  @IsISO8601()
  recordedFrom?: string;

  @IsOptional()
  @IsISO8601()
  recordedTo?: string;

  /** true 只看补录（记录时间晚于发生时间超过 24 小时）的事件 */
  @IsOptionalFlag()
  backdated?: boolean;

  /** 游标：上一页的 nextAfter（位置令牌），返回其后的事件 */
  @IsOptional()
  @Matches(POSITION_TOKEN_PATTERN, { message: 'after 须为上一页给出的 nextAfter (the previous page\'s nextAfter)' })
  after?: string;

  /** 每页条数，默认 100，最多 500 */
  @IsOptionalInteger(1, 500)
  limit?: number;
}

export function auditSearchOf(q: SearchAuditTrailRequest, positions: PositionCodec): AuditSearch {
  return {
    streamId: q.streamId ?? null,
    actorId: q.actorId ?? null,
    types: q.type ?? [],
    occurredFrom: iso(q.occurredFrom),
    occurredTo: iso(q.occurredTo),
    recordedFrom: iso(q.recordedFrom),
    recordedTo: iso(q.recordedTo),
    backdated: q.backdated ?? null,
    after: q.after === undefined ? 0 : positionParam(positions, 'after', q.after),
    limit: q.limit ?? 100,
  };
}
