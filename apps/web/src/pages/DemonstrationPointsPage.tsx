import { Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { RegisterFilters, useDemonstrationRegister } from '../api/assessment-queries';
import type { DemonstrationPoint, DemonstrationStage } from '../api/assessment-types';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { useOrganizations } from '../api/queries';
import { session } from '../auth/session';
import { CommandCard } from '../forms/CommandCard';
import { ReasonField } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { STAGE_COLORS } from './assessments/assessment-tags';

export const STAGE_NAMES: Record<DemonstrationStage, [string, string]> = {
  none: ['未推荐', 'Not recommended'],
  recommended: ['已推荐', 'Recommended'],
  declined: ['未确定', 'Declined'],
  creating: ['创建单位', 'Creating'],
  named: ['正式示范点', 'Named'],
  improving: ['全面建设提高', 'Raising standards'],
  eliminated: ['已淘汰', 'Eliminated'],
};
const TYPES: Record<string, string> = { rural: '农村', community: '街道社区', agency: '机关', school: '学校', enterprise: '企业', new_social: '两新组织', intermediary: '中介组织', social_group: '社会团体' };

/** 示范点名册: points by type, level and stage, each with its history (优进劣出). */
export default function DemonstrationPointsPage() {
  const { t, lang } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const [filters, setFilters] = useState<RegisterFilters>({});
  const register = useDemonstrationRegister(filters);
  const orgs = useOrganizations();
  const recommend = useCommand((body: { unitId: string; year: number; level: 'city' | 'county'; reason: string }, headers) =>
    api.POST('/api/demonstration-points/{unitId}/recommendation', { params: { path: { unitId: body.unitId } }, body: { year: body.year, level: body.level, reason: body.reason }, headers }),
  );
  const stageName = (s: DemonstrationStage) => STAGE_NAMES[s][lang === 'zh' ? 0 : 1];
  // Each filter is cleared or set alone, the others kept.
  const filter = <K extends keyof RegisterFilters>(key: K) => ({
    allowClear: true,
    value: filters[key],
    onChange: (value: RegisterFilters[K]) => setFilters((f) => ({ ...f, [key]: value })),
  });
  const office = user.role === 'office' || user.role === 'admin';

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select
          {...filter('pointType')}
          data-testid="point-type-filter"
          style={{ width: 140 }}
          placeholder={t('pointType')}
          options={Object.entries(TYPES).map(([value, label]) => ({ value, label }))}
        />
        <Select
          {...filter('level')}
          style={{ width: 120 }}
          placeholder={t('level')}
          options={[
            { value: 'city', label: t('cityLevel') },
            { value: 'county', label: t('countyLevel') },
          ]}
        />
        <Select
          {...filter('stage')}
          data-testid="stage-filter"
          style={{ width: 150 }}
          placeholder={t('pointStage')}
          options={(Object.keys(STAGE_NAMES) as DemonstrationStage[]).filter((s) => s !== 'none').map((s) => ({ value: s, label: stageName(s) }))}
        />
      </Space>
      <Space wrap size={4} data-testid="stage-counts">
        {(Object.entries(register.data?.byStage ?? {}) as [DemonstrationStage, number][]).map(([s, n]) => (
          <Tag key={s} color={STAGE_COLORS[s]}>
            {stageName(s)} {n}
          </Tag>
        ))}
      </Space>
      <Table<DemonstrationPoint>
        data-testid="register-table"
        size="small"
        rowKey="unitId"
        loading={register.isLoading}
        dataSource={register.data?.points ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('unit'), dataIndex: 'name', fixed: 'left', width: 170, render: (name: string, p) => <Link to={`/demonstration-points/${p.unitId}`}>{name}</Link> },
          { title: t('pointType'), dataIndex: 'pointTypeName', width: 90 },
          { title: t('level'), dataIndex: 'levelName', width: 80 },
          { title: t('pointStage'), dataIndex: 'stage', width: 120, render: (s: DemonstrationStage) => <Tag color={STAGE_COLORS[s]}>{stageName(s)}</Tag> },
          { title: t('year'), dataIndex: 'since', width: 70 },
          { title: t('dueYear'), dataIndex: 'dueYear', width: 90, render: (v: number | null) => v ?? '—' },
          {
            title: t('history'),
            key: 'history',
            render: (_, p) => p.history.map((h) => `${h.year} ${h.stageName}${h.score !== null ? `(${h.score})` : ''}`).join(' → '),
          },
        ]}
      />
      {office && !asOf && (
        <CommandCard
          title={t('recommend')}
          mutation={recommend}
          testId="recommend-form"
          toBody={(v) => ({ unitId: String(v.unitId ?? ''), year: Number(v.year), level: (v.level as 'city' | 'county') ?? 'county', reason: String(v.reason ?? '') })}
        >
          <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((u) => ({ value: u.unitId, label: u.name }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="year" label={t('year')} initialValue={new Date().getFullYear()} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="level" label={t('level')} initialValue="county">
              <Select style={{ width: 120 }} options={[{ value: 'city', label: t('cityLevel') }, { value: 'county', label: t('countyLevel') }]} />
            </Form.Item>
          </Space>
          <ReasonField />
        </CommandCard>
      )}
    </Space>
  );
}
