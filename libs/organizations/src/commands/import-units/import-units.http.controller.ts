import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { ImportUnitsCommand } from './import-units.command';
import { ImportUnitsRequest } from './import-units.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class ImportUnitsHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '批量导入组织树 (import a unit tree)', description: '批量导入组织树：任何一行有误则全部不写入，并逐行列出错误' })
  @ApiRequestExample(ImportUnitsRequest, 'CSV 导入 (a CSV import)', { csv: '编码,名称,层级,类型,上级编码,党员数\n430700,常德市委,city,agency,,\n430702,武陵区委,county,agency,430700,\n430702-001,丹阳街道党工委,township,community,430702,' })
  @Access({ roles: MANAGERS, mode: 'write', units: null })
  @Post('import')
  import(@Command() meta: CommandMeta, @Body() body: ImportUnitsRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ImportUnitsCommand(meta, body)));
  }
}
