import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, fromParams, STAFF, UnitParams } from '@platform/common';
import { orgStreamId, UNIT_LEVEL_NAMES, UNIT_TYPE_NAMES } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import type { Response } from 'express';
import { OrganizationDirectory } from '../../organization-directory';
import { GetUnitAnswer } from './get-unit.response';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class GetUnitHttpController {
  constructor(
    private readonly directory: OrganizationDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @ApiOperation({ summary: '组织详情 (get a unit)', description: '组织详情；ETag 为组织流的版本号，可作为下一条命令的 If-Match' })
  @ApiOkResponse({ schema: GetUnitAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromParams('unitId') })
  @Get(':unitId')
  async get(@Param() p: UnitParams, @Res({ passthrough: true }) res: Response) {
    const tree = await this.directory.current();
    const n = tree.get(p.unitId);
    if (!n) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `组织 ${p.unitId} 不存在 (unit not found)` });
    res.setHeader('ETag', `"${await this.store.streamRevision(orgStreamId(p.unitId))}"`);
    return {
      ...n,
      levelName: UNIT_LEVEL_NAMES[n.level],
      unitTypeName: UNIT_TYPE_NAMES[n.unitType],
      ancestorIds: tree.ancestorIds(n.unitId),
      childIds: tree.childIds(n.unitId),
    };
  }
}
