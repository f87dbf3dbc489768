import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { UNIT_LEVEL_NAMES, UNIT_TYPE_NAMES } from '@platform/domain';
import { OrganizationDirectory } from '../../organization-directory';
import { ListUnitsRequest } from './list-units.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class ListUnitsHttpController {
  constructor(private readonly directory: OrganizationDirectory) {}

  /** 组织列表（可按子树、层级、类型筛选） */
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async list(@Query() q: ListUnitsRequest) {
    const tree = await this.directory.current();
    const ids = q.root ? tree.subtreeIds(q.root) : tree.all().map((n) => n.unitId);
    const units = ids
      .map((id) => tree.get(id)!)
      .filter((n) => (q.includeClosed || !n.closed) && (!q.level || n.level === q.level) && (!q.unitType || n.unitType === q.unitType))
      .map((n) => ({ ...n, levelName: UNIT_LEVEL_NAMES[n.level], unitTypeName: UNIT_TYPE_NAMES[n.unitType] }));
    return { total: units.length, units };
  }
}
