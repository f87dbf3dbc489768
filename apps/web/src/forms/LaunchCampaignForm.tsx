import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCommand } from '../api/commands';
import { unwrap } from '../api/errors';
import { api } from '../api/http';
import { campaignsQuery, useCampaigns } from '../api/queries';
import type { components, operations } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { CommandForm } from './CommandForm';
import { useUnitTree } from './unit-tree';

type LaunchCampaign = components['schemas']['LaunchCampaignRequest'];
type Templates = operations['listTemplates']['responses'][200]['content']['application/json'];

function useTemplates() {
  return useQuery({
    queryKey: ['campaign-templates'],
    staleTime: 60 * 60_000,
    queryFn: async () => unwrap<Templates>(await api.GET('/api/campaign-templates')).templates,
  });
}

/** Whether the progress board answers for the campaign (one row is enough to know). */
async function boardKnows(campaignId: string): Promise<boolean> {
  const answer = await api.GET('/api/campaigns/{campaignId}/board', { params: { path: { campaignId }, query: { limit: 1 } } }).catch(() => null);
  return !!answer?.response.ok;
}

/** The office launches a campaign: a template, the units (a subtree), and the planned dates of each of the template's phases. */
export function LaunchCampaignForm() {
  const { t } = useI18n();
  const { setCampaignId } = useAppState();
  const [form] = Form.useForm();
  const templates = useTemplates();
  const campaigns = useCampaigns();
  const { tree, loading } = useUnitTree();
  const templateKey = Form.useWatch('templateKey', form) as string | undefined;
  const template = templates.data?.find((x) => x.key === templateKey);
  const phases = template?.phases ?? [];
  const launch = useCommand((body: LaunchCampaign, headers) => api.POST('/api/campaigns', { body, headers }));
  const client = useQueryClient();
  /**
   * Every view turns to the launched campaign once the views have it, at most ~10 s later: the
   * campaign list is read from the campaigns as stored and has it at once, while the progress board
   * is a projection that may still be catching up, and a home turned to a campaign its board does
   * not know yet would have nothing to show.
   */
  const showLaunched = async (id: string) => {
    for (let i = 0; i < 20; i++) {
      const list = await client.fetchQuery({ ...campaignsQuery(), staleTime: 0 }).catch(() => []);
      if (list.some((c) => c.campaignId === id) && (await boardKnows(id))) return setCampaignId(id);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  return (
    <Card size="small" title={t('launchCampaign')}>
      <CommandForm<LaunchCampaign>
        form={form}
        mutation={launch}
        testId="launch-campaign-form"
        submitLabel={t('launchCampaign')}
        toBody={(v) => ({
          campaignId: String(v.campaignId ?? ''),
          name: String(v.name ?? ''),
          templateKey: String(v.templateKey ?? ''),
          batch: Number(v.batch ?? 1),
          ...(v.parentCampaignId ? { parentCampaignId: String(v.parentCampaignId) } : {}),
          subtreeRootId: String(v.subtreeRootId ?? ''),
          plannedPhases: phases.map((p) => {
            const range = v[`phase:${p.key}`] as [Dayjs, Dayjs] | undefined;
            return { phaseKey: p.key, start: range?.[0]?.format('YYYY-MM-DD') ?? '', end: range?.[1]?.format('YYYY-MM-DD') ?? '' };
          }),
          ...(typeof v.satisfactionThreshold === 'number' ? { satisfactionThreshold: v.satisfactionThreshold / 100 } : {}),
        })}
        onDone={(body) => void showLaunched(body.campaignId)}
      >
        <Row gutter={8}>
          <Col xs={24} md={12}>
            <Form.Item name="campaignId" label={t('campaignId')} extra="字母、数字、- 和 _，如 xjx-3">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('campaignName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="templateKey" label={t('template')}>
              <Select loading={templates.isLoading} options={(templates.data ?? []).map((x) => ({ value: x.key, label: x.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="batch" label={t('batch')} initialValue={1}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {template?.requiresParent && (
          <Form.Item name="parentCampaignId" label={t('parentCampaign')}>
            <Select options={(campaigns.data ?? []).map((c) => ({ value: c.campaignId, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="subtreeRootId" label={t('launchScope')} extra="该单位及其下所有未撤销的单位">
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" loading={loading} style={{ width: '100%' }} />
        </Form.Item>
        {phases.map((p) => (
          <Form.Item key={p.key} name={`phase:${p.key}`} label={`${t('plannedDates')} · ${p.name}`}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="satisfactionThreshold" label={t('satisfactionThreshold')} extra="不填按模板默认">
          <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </CommandForm>
    </Card>
  );
}
