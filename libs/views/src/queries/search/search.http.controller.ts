import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CurrentScope, STAFF } from '@platform/common';
import type { FastifyReply } from 'fastify';
import { SearchReader } from '../../search/search-reader';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { SearchRequestQuery } from './search.request.dto';
import { SearchAnswer } from './search.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/search')
export class SearchHttpController {
  constructor(private readonly moments: ViewMoments, private readonly reader: SearchReader) {}

  @ApiOperation({
    summary: '全文查找问题、组织与通报 (full-text search)',
    description: '按文字查找问题（类别、描述、整改措施、进展、督查意见、领导批示）、组织（名称及对其的批示）与通报（标题及对其的批示），中文可用；只返回本人范围内的（root 可再缩小到其中一个组织），分页，标出命中处。3 个字及以上走三字索引，1–2 个字走单字与双字索引；总数至多数到 1000，更多时由 totalMoreThan 说明',
  })
  @ApiOkResponse({ schema: SearchAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async search(@Query() query: SearchRequestQuery, @CurrentScope() scope: ActorScope, @Res({ passthrough: true }) res: FastifyReply) {
    const moment = await this.moments.resolve(undefined, ['search']);
    const request = { q: query.q, kind: query.kind ?? null, root: query.root ?? null, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
    const { total, totalMoreThan, items } = await this.reader.search(moment, scope, request);
    return { asOf: momentOf(res, moment), ...request, total, totalMoreThan, items };
  }
}
