import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Access, CLOCK, Clock, Command, CommandMeta } from '@platform/common';
import { ChainIntegrity } from '@platform/event-store';

export class AcknowledgeChainBreakRequest {
  /** 断裂位置（须与 /health 中 chain 报告的位置一致） */
  @IsInt({ message: 'position 须为整数 (an integer)' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  position!: number;

  /** 核实情况说明，如“已核对备份，确认为存储故障所致” */
  @IsString()
  @Length(1, 1000)
  note!: string;
}

@ApiTags('views 看板·台账·审计')
@Controller('api/audit-trail/chain/acknowledgements')
export class AcknowledgeChainBreakHttpController {
  constructor(
    private readonly integrity: ChainIntegrity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * 确认哈希链断裂：管理员核实历史后确认断裂位置，确认本身作为事件记入审计轨迹；此后恢复写入，
   * 校验从该位置继续（该位置再次变动则视为新的断裂）
   */
  @ApiOperation({ summary: '确认哈希链断裂 (acknowledge a chain break)', description: '管理员核实历史后确认断裂位置，确认本身作为事件记入审计轨迹；此后恢复写入' })
  @ApiCreatedResponse({
    description: '已确认 (acknowledged)',
    schema: { type: 'object', properties: { position: { type: 'integer' }, chain: { type: 'object' } }, required: ['position', 'chain'] },
  })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post()
  @HttpCode(201)
  async acknowledge(@Command() meta: CommandMeta, @Body() body: AcknowledgeChainBreakRequest) {
    const { eventPosition, status } = await this.integrity.acknowledge({
      position: body.position,
      note: body.note,
      actor: meta.actor,
      correlationId: meta.correlationId,
      at: this.clock().toISOString(),
    });
    return { position: eventPosition, chain: status };
  }
}
