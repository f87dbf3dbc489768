import { STAFF } from '@platform/common';
import { BUILT_IN_TEMPLATES } from '@platform/domain';
import { ListTemplatesAnswer } from './list-templates.response';
import { campaignsQuery } from '../query-routes';

export const ListTemplatesHttpController = campaignsQuery('ListTemplates', 'api/campaign-templates', {
  operation: { summary: '活动模板 (campaign templates)', description: '活动模板（阶段与必做步骤）' },
  answer: ListTemplatesAnswer,
  access: { roles: [...STAFF, 'public'], mode: 'read', units: null },
  handle(_request) {
    return { templates: BUILT_IN_TEMPLATES };
  },
});
