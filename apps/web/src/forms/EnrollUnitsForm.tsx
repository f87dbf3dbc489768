import { Form, TreeSelect } from 'antd';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { CommandCard } from './CommandCard';
import { useUnitTree } from './unit-tree';

type EnrollUnits = components['schemas']['EnrollUnitsRequest'];

/** The office adds units to a running campaign, picked from the organization tree. */
export function EnrollUnitsForm({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const { tree, loading } = useUnitTree();
  const enroll = useCommand((body: EnrollUnits, headers) =>
    api.POST('/api/campaigns/{campaignId}/enrollments', { params: { path: { campaignId } }, body, headers }),
  );
  return (
    <CommandCard<EnrollUnits> title={t('enrollUnits')} mutation={enroll} testId="enroll-units-form" submitLabel={t('enrollUnits')} toBody={(v) => ({ unitIds: (v.unitIds as string[] | undefined) ?? [] })}>
      <Form.Item name="unitIds" label={t('unitsToEnroll')}>
        <TreeSelect
          data-testid="enroll-unit-picker"
          treeData={tree}
          multiple
          showSearch
          treeNodeFilterProp="title"
          loading={loading}
          placeholder={t('pickUnits')}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </CommandCard>
  );
}
