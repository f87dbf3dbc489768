import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { AUDITORS } from '../../shared/view-roles';
import { VerifyEventChainRequest } from './verify-event-chain.request.dto';
import { VerifyEventChainAnswer } from './verify-event-chain.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/audit-trail/chain')
export class VerifyEventChainHttpController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @ApiOperation({ summary: '校验事件哈希链 (verify the event hash chain)', description: '校验事件哈希链：重新计算每个事件的哈希，发现任何篡改、删除或插入的第一个位置' })
  @ApiOkResponse({ schema: VerifyEventChainAnswer })
  @Access({ roles: AUDITORS, mode: 'read', units: null })
  @Get()
  async verify(@Query() q: VerifyEventChainRequest) {
    const report = await this.events.verifyChain({ until: q.until });
    return { ...report, verdict: report.ok ? '哈希链完整，历史未被篡改' : `哈希链在位置 ${report.firstBrokenPosition} 处断开：${report.reason}` };
  }
}
