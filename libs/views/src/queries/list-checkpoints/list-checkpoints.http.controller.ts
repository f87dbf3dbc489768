import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@platform/common';
import { checkpointView, CheckpointWitness, IssuedCheckpoint, WITNESS } from '@platform/event-store';
import { AUDITORS } from '../../shared/view-roles';
import { ListCheckpointsRequest } from './list-checkpoints.request.dto';
import { ListCheckpointsAnswer } from './checkpoint.response';

const listed = (c: IssuedCheckpoint) => ({ id: c.id, reason: c.reason, ref: c.ref, ...checkpointView(c) });

@ApiTags('views 看板·台账·审计')
@Controller('api/audit-trail/checkpoints')
export class ListCheckpointsHttpController {
  constructor(@Inject(WITNESS) private readonly witness: CheckpointWitness) {}

  /**
   * 已签发的审计检查点，最新的在前：见证位置、该位置的哈希链值、签发时间、密钥编号与签名，
   * 以及签发缘由（启动、定期、通报、导出）和所在文件
   */
  @ApiOperation({ summary: '已签发的审计检查点 (list checkpoints)', description: '已签发的审计检查点，最新的在前，以及签发缘由（启动、定期、通报、导出）' })
  @ApiOkResponse({ schema: ListCheckpointsAnswer })
  @Access({ roles: AUDITORS, mode: 'read', units: null })
  @Get()
  list(@Query() q: ListCheckpointsRequest) {
    const limit = q.limit ?? 50;
    const page = this.witness.page(q.before, limit);
    const latest = this.witness.latest();
    return {
      keyId: this.witness.keyId,
      latest: latest && listed(latest),
      checkpoints: page.map(listed),
      next: page.length === limit ? page[page.length - 1].id : null,
    };
  }
}
