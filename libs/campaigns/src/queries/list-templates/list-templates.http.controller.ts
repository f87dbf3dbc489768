import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { BUILT_IN_TEMPLATES } from '@platform/domain';
import { ListTemplatesAnswer } from './list-templates.response';

@ApiTags('campaigns 活动')
@Controller('api/campaign-templates')
export class ListTemplatesHttpController {
  @ApiOperation({ summary: '活动模板 (campaign templates)', description: '活动模板（阶段与必做步骤）' })
  @ApiOkResponse({ schema: ListTemplatesAnswer })
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Get()
  list() {
    return { templates: BUILT_IN_TEMPLATES };
  }
}
