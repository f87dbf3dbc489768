import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, fromBody, respond } from '@platform/common';
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
