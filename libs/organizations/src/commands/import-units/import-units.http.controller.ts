import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { ImportUnitsCommand } from './import-units.command';
import { ImportUnitsRequest } from './import-units.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class ImportUnitsHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '批量导入组织树 (import a unit tree)', description: '批量导入组织树：任何一行有误则全部不写入，并逐行列出错误' })
  @Access({ roles: MANAGERS, mode: 'write', units: null })
  @Post('import')
  import(@Command() meta: CommandMeta, @Body() body: ImportUnitsRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ImportUnitsCommand(meta, body)));
  }
}
