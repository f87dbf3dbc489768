import { Alert, Breadcrumb, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Table, Tag, Timeline } from 'antd';
import { useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { useAssessmentPeriods, useDemonstrationPoint } from '../api/assessment-queries';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import type { components } from '../api/schema';
import { session } from '../auth/session';
import { CommandCard } from '../forms/CommandCard';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { STAGE_COLORS } from './assessments/assessment-tags';
import { STAGE_NAMES } from './DemonstrationPointsPage';

type AssessBody = components['schemas']['AssessDemonstrationPointRequest'];

/** One point's life: recommendation, confirmation, each year's assessment with the creation-standard scores behind it. */
export default function DemonstrationPointPage() {
  const { unitId = '' } = useParams();
  const { t, lang } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const view = useDemonstrationPoint(unitId);
  const periods = useAssessmentPeriods();
  const path = { params: { path: { unitId } } };
  const decide = useCommand((body: { confirmed: boolean; reason?: string }, headers) => api.POST('/api/demonstration-points/{unitId}/confirmation', { ...path, body, headers }));
  const assess = useCommand((body: AssessBody, headers) => api.POST('/api/demonstration-points/{unitId}/assessments', { ...path, body, headers }));

  if (view.isLoading) return <Spin />;
  if (!view.data) return <Alert type="error" title={view.error?.message ?? '—'} />;
  const { point, evidence } = view.data;
  const office = user.role === 'office' || user.role === 'admin';
  const assessor = office || user.role === 'inspector';
  const stageName = (s: keyof typeof STAGE_NAMES) => STAGE_NAMES[s][lang === 'zh' ? 0 : 1];
  const published = (periods.data ?? []).filter((p) => p.published);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/demonstration-points">{t('demonstrationPoints')}</Link> }, { title: point.name }]} />
      <Card size="small" title={point.name} extra={<Tag color={STAGE_COLORS[point.stage]}>{stageName(point.stage)}</Tag>}>
        <Descriptions size="small" column={{ xs: 2, sm: 4 }}>
          <Descriptions.Item label={t('pointType')}>{point.pointTypeName}</Descriptions.Item>
          <Descriptions.Item label={t('level')}>{point.levelName}</Descriptions.Item>
          <Descriptions.Item label={t('year')}>{point.since}</Descriptions.Item>
          <Descriptions.Item label={t('dueYear')}>{point.dueYear ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('history')}>
            <Timeline
              data-testid="point-history"
              items={point.history.map((h) => ({
                color: h.passed === false ? 'red' : h.passed ? 'green' : 'blue',
                children: (
                  <>
                    <strong>
                      {h.year} · {stageName(h.stage)}
                    </strong>
                    {h.score !== null && ` · ${h.score} 分`}
                    {h.cycle > 1 && <Tag style={{ marginInlineStart: 6 }}>第 {h.cycle} 轮</Tag>}
                    <div style={{ fontSize: 12 }}>
                      {h.by}
                      {h.note ? ` · ${h.note}` : ''}
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          {evidence.map((e) => (
            <Card key={e.periodId} size="small" style={{ marginBottom: 12 }} title={`${t('assessmentEvidence')}：${e.title}`} extra={e.grade && <Tag>{e.grade}</Tag>}>
              <Table
                size="small"
                rowKey="criterionId"
                pagination={false}
                dataSource={e.criteria}
                columns={[
                  { title: t('criterion'), dataIndex: 'title' },
                  { title: t('weight'), width: 60, render: (_, c) => c.rule.max },
                  { title: t('score'), width: 60, render: (_, c) => e.byCriterion?.[c.criterionId] ?? '—' },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('totalScore')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} />
                    <Table.Summary.Cell index={2}>{e.total ?? '—'}</Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Card>
          ))}
          {!asOf && office && point.stage === 'recommended' && (
            <CommandCard title={t('confirmRecommendation')} mutation={decide} testId="confirm-form" toBody={(v) => ({ confirmed: v.confirmed !== false, ...(v.reason ? { reason: String(v.reason) } : {}) })}>
              <Form.Item name="confirmed" label={t('confirmRecommendation')} valuePropName="checked" initialValue={true}>
                <Switch checkedChildren={t('confirmRecommendation')} unCheckedChildren={t('declineRecommendation')} />
              </Form.Item>
              <Form.Item name="reason" label={t('reason')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </CommandCard>
          )}
          {!asOf && assessor && ['creating', 'named', 'improving'].includes(point.stage) && (
            <CommandCard
              title={t('assessPoint')}
              mutation={assess}
              testId="assess-point-form"
              toBody={(v): AssessBody => ({
                year: Number(v.year),
                ...(v.periodId ? { periodId: String(v.periodId) } : { passed: v.passed === true, ...(v.score !== undefined && v.score !== null ? { score: Number(v.score) } : {}) }),
                ...(v.note ? { note: String(v.note) } : {}),
                ...(v.reviewEveryYears === 1 || v.reviewEveryYears === 2 ? { reviewEveryYears: v.reviewEveryYears } : {}),
              })}
            >
              <Form.Item name="year" label={t('year')} initialValue={point.dueYear ?? new Date().getFullYear()} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item name="periodId" label={t('standardPeriod')}>
                <Select allowClear options={published.map((p) => ({ value: p.periodId, label: p.title }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.periodId !== b.periodId}>
                {({ getFieldValue }) =>
                  getFieldValue('periodId') ? null : (
                    <Space wrap>
                      <Form.Item name="passed" label={t('passed')} valuePropName="checked" initialValue={true}>
                        <Switch />
                      </Form.Item>
                      <Form.Item name="score" label={t('score')}>
                        <InputNumber min={0} max={1000} />
                      </Form.Item>
                    </Space>
                  )
                }
              </Form.Item>
              {point.stage !== 'creating' && (
                <Form.Item name="reviewEveryYears" label={t('reviewEveryYears')}>
                  <Select allowClear style={{ width: 120 }} options={[{ value: 1, label: '1' }, { value: 2, label: '2' }]} />
                </Form.Item>
              )}
              <Form.Item name="note" label={t('note')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </CommandCard>
          )}
        </Col>
      </Row>
    </Space>
  );
}
