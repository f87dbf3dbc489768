import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, fromBody, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { CreateUnitCommand } from './create-unit.command';
import { CreateUnitRequest } from './create-unit.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class CreateUnitHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 新建组织 */
  @ApiOperation({ summary: '新建组织 (create a unit)' })
  @ApiRequestExample(CreateUnitRequest, '新建区县党委 (a county committee)', { unitId: '430702', name: '武陵区委', level: 'county', unitType: 'agency', parentId: '430700' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromBody('parentId') })
  @Post()
  create(
    @Command() meta: CommandMeta,
    @Body() body: CreateUnitRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new CreateUnitCommand(meta, body)));
  }
}
