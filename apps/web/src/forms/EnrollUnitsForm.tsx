import { Card, Form, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { useOrganizations } from '../api/queries';
import type { components } from '../api/schema';
import type { Unit } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { CommandForm } from './CommandForm';

type EnrollUnits = components['schemas']['EnrollUnitsRequest'];
interface PickerNode {
  value: string;
  title: string;
  children: PickerNode[];
}

/** The office adds units to a running campaign, picked from the organization tree. */
export function EnrollUnitsForm({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const orgs = useOrganizations();
  // Units whose parent is outside the reader's scope become roots of the picker.
  const tree = useMemo(() => {
    const units = orgs.data ?? [];
    const known = new Set(units.map((u) => u.unitId));
    const children = new Map<string | null, Unit[]>();
    for (const u of units) {
      const parent = u.parentId && known.has(u.parentId) ? u.parentId : null;
      const siblings = children.get(parent);
      if (siblings) siblings.push(u);
      else children.set(parent, [u]);
    }
    const node = (u: Unit): PickerNode => ({ value: u.unitId, title: `${u.name}（${u.levelName}）`, children: (children.get(u.unitId) ?? []).map(node) });
    return (children.get(null) ?? []).map(node);
  }, [orgs.data]);
  const enroll = useCommand((body: EnrollUnits, headers) =>
    api.POST('/api/campaigns/{campaignId}/enrollments', { params: { path: { campaignId } }, body, headers }),
  );
  return (
    <Card size="small" title={t('enrollUnits')}>
      <CommandForm<EnrollUnits> form={form} mutation={enroll} testId="enroll-units-form" submitLabel={t('enrollUnits')} toBody={(v) => ({ unitIds: (v.unitIds as string[] | undefined) ?? [] })}>
        <Form.Item name="unitIds" label={t('unitsToEnroll')}>
          <TreeSelect
            data-testid="enroll-unit-picker"
            treeData={tree}
            multiple
            showSearch
            treeNodeFilterProp="title"
            loading={orgs.isLoading}
            placeholder={t('pickUnits')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </CommandForm>
    </Card>
  );
}
