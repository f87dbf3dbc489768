import { IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { PositionCodec } from '@platform/event-store';
import { AuditSearch } from '../../audit-trail/audit-search';
import { POSITION_TOKEN_PATTERN, positionParam } from '../../shared/position-param';
import { AsOfQuery, ListParam, IsOptionalFlag } from '../../shared/view-query.request.dto';
import { badRequest, IsOptionalInteger, IsOptionalId } from '@platform/common';

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

  /** 排序：asc 按历史顺序（默认，以 after 翻页），desc 最新在前（以 before 翻页） */
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order 须为 asc（按历史顺序）或 desc（最新在前）' })
  order?: 'asc' | 'desc';

  /** 游标（按历史顺序）：上一页的 nextAfter（位置令牌），返回其后的事件 */
  @IsOptional()
  @Matches(POSITION_TOKEN_PATTERN, { message: 'after 须为上一页给出的 nextAfter (the previous page\'s nextAfter)' })
  after?: string;

  /** 游标（最新在前，order=desc）：上一页的 nextBefore（位置令牌），返回其前的事件 */
  @IsOptional()
  @Matches(POSITION_TOKEN_PATTERN, { message: 'before 须为上一页给出的 nextBefore (the previous page\'s nextBefore)' })
  before?: string;

  /** 每页条数，默认 100，最多 500 */
  @IsOptionalInteger(1, 500)
  limit?: number;
}

/** A cursor of the other order would page from the wrong end: refused, not ignored, before anything is read. */
export function refuseCrossedCursor(q: SearchAuditTrailRequest): void {
  const order = q.order ?? 'asc';
  if (order === 'asc' && q.before !== undefined) throw badRequest([{ field: 'before', rule: 'orderDesc', message: 'before 仅用于 order=desc（最新在前）；按历史顺序翻页用 after' }]);
  if (order === 'desc' && q.after !== undefined) throw badRequest([{ field: 'after', rule: 'orderAsc', message: 'after 仅用于按历史顺序（order=asc）；最新在前翻页用 before' }]);
}

/** The search a request asks for; its cursors checked first (see refuseCrossedCursor). */
export function auditSearchOf(q: SearchAuditTrailRequest, positions: PositionCodec): AuditSearch {
  const order = q.order ?? 'asc';
  return {
    streamId: q.streamId ?? null,
    actorId: q.actorId ?? null,
    types: q.type ?? [],
    occurredFrom: iso(q.occurredFrom),
    occurredTo: iso(q.occurredTo),
    recordedFrom: iso(q.recordedFrom),
    recordedTo: iso(q.recordedTo),
    backdated: q.backdated ?? null,
    order,
    after: q.after === undefined ? 0 : positionParam(positions, 'after', q.after),
    before: q.before === undefined ? null : positionParam(positions, 'before', q.before),
    limit: q.limit ?? 100,
  };
}
