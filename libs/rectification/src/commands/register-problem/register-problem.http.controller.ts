import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, fromBody, respond } from '@platform/common';
import { Role } from '@platform/domain';
import type { Response } from 'express';
import { RegisterProblemCommand } from './register-problem.command';
import { RegisterProblemRequest } from './register-problem.request.dto';

/** A unit records its own problems, inspection teams their findings, the office anything. */
const REGISTRARS: readonly Role[] = ['office', 'operator', 'inspector'];

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class RegisterProblemHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '登记问题 (register a problem)', description: '登记问题（来源、类别、描述、责任单位、责任领导与经办人）' })
  @ApiRequestExample(RegisterProblemRequest, '民主评议中发现的问题 (found in democratic appraisal)', {
      problemId: 'p-2026-0001',
      campaignId: '2026-b2',
      responsibleUnitId: '430702-001',
      source: 'democratic_appraisal',
      category: '作风建设',
      description: '服务群众不及时，办事推诿',
      responsibleLeader: { name: '张三' },
      handler: { name: '李四' },
      discoveredAt: '2026-02-20',
    })
  @Access({ roles: REGISTRARS, mode: 'write', units: fromBody('responsibleUnitId') })
  @Post()
  handle(
    @Command() meta: CommandMeta,
    @Body() body: RegisterProblemRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RegisterProblemCommand(meta, body)));
  }
}
