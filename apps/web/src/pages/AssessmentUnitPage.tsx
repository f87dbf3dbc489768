import { Alert, Breadcrumb, Card, Col, Descriptions, Form, Input, Row, Select, Space, Spin, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { useAssessmentUnit } from '../api/assessment-queries';
import type { Criterion, Mark } from '../api/assessment-types';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { session } from '../auth/session';
import { CommandCard } from '../forms/CommandCard';
import { ReasonField } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { dateTime } from '../shared/format';
import { AppealTag } from './assessments/assessment-tags';
import { markOf, marksOf, MarksFields } from './assessments/MarksFields';

const RULE_NAMES = { points: '得分', pass_fail: '达标', deduction: '扣分' } as const;

/** One unit in one period: its scores by criterion, who changed them and why, and the forms of whoever acts next. */
export default function AssessmentUnitPage() {
  const { periodId = '', unitId = '' } = useParams();
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const view = useAssessmentUnit(periodId, unitId);
  const path = { params: { path: { periodId, unitId } } };
  const selfAssess = useCommand((body: { marks: Record<string, Mark>; note?: string }, headers) => api.POST('/api/assessments/{periodId}/units/{unitId}/self-assessment', { ...path, body, headers }));
  const score = useCommand((body: { marks: Record<string, Mark>; reason?: string }, headers) => api.POST('/api/assessments/{periodId}/units/{unitId}/score', { ...path, body, headers }));
  const moderate = useCommand((body: { criterionId: string; mark: Mark; reason: string }, headers) => api.POST('/api/assessments/{periodId}/units/{unitId}/moderation', { ...path, body, headers }));
  const appeal = useCommand((body: { appealId: string; reason: string }, headers) => api.POST('/api/assessments/{periodId}/units/{unitId}/appeals', { ...path, body, headers }));
  const openAppeal = view.data?.unit.appeals.find((a) => !a.decision);
  const decide = useCommand((body: { upheld: boolean; reason: string; marks?: Record<string, Mark> }, headers) =>
    api.POST('/api/assessments/{periodId}/appeals/{appealId}/decision', { params: { path: { periodId, appealId: openAppeal!.appealId } }, body, headers }),
  );

  if (view.isLoading) return <Spin />;
  if (!view.data) return <Alert type="error" title={view.error?.message ?? '—'} />;
  const { period, unit, scoresVisible } = view.data;
  const criteria: Criterion[] = period.criteria;
  const office = user.role === 'office' || user.role === 'admin';
  const assessor = office || user.role === 'inspector';
  const ownUnit = user.role === 'operator' && user.scopeUnitIds.includes(unitId);
  const scored = unit.total !== null || unit.changes.some((c) => c.kind !== 'self');
  const title = (id: string | null) => criteria.find((c) => c.criterionId === id)?.title ?? id ?? '';
  const kindNames = { self: t('changeSelf'), scored: t('changeScored'), moderated: t('changeModerated') };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to={`/assessments?period=${periodId}`}>{period.title}</Link> }, { title: unit.name }]} />
      <Card size="small" title={unit.name} extra={period.published ? <Tag color="green">{t('published')}</Tag> : <Tag>{t('unpublished')}</Tag>}>
        <Descriptions size="small" column={{ xs: 2, sm: 4 }} data-testid="unit-scores">
          <Descriptions.Item label={t('rank')}>{unit.rank ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('totalScore')}>{unit.total ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('grade')}>{unit.grade ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('selfScore')}>{unit.selfTotal ?? '—'}</Descriptions.Item>
        </Descriptions>
        {!scoresVisible && <Alert type="info" showIcon title={t('scoresHidden')} />}
        <Table
          size="small"
          rowKey="criterionId"
          pagination={false}
          dataSource={criteria}
          scroll={{ x: 420 }}
          columns={[
            { title: t('criterion'), dataIndex: 'title' },
            { title: t('weight'), width: 64, render: (_, c) => c.rule.max },
            { title: '方式', width: 88, render: (_, c) => `${RULE_NAMES[c.rule.kind]}${c.rule.kind === 'deduction' ? ` ${c.rule.perItem}/处` : ''}` },
            { title: t('score'), width: 64, render: (_, c) => unit.byCriterion?.[c.criterionId] ?? '—' },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('scoreHistory')}>
            <Timeline
              data-testid="score-history"
              items={unit.changes.map((c) => ({
                children: (
                  <>
                    <Typography.Text strong>
                      {kindNames[c.kind]} {c.total}
                    </Typography.Text>
                    {c.criterionId && <Typography.Text type="secondary">（{title(c.criterionId)}）</Typography.Text>}
                    <div style={{ fontSize: 12 }}>
                      {c.by} · {dateTime(c.occurredAt)}
                      {c.reason ? ` · ${c.reason}` : ''}
                    </div>
                  </>
                ),
              }))}
            />
            {unit.appeals.map((a) => (
              <Alert
                key={a.appealId}
                style={{ marginTop: 8 }}
                type={a.decision ? (a.decision.upheld ? 'success' : 'info') : 'warning'}
                title={
                  <>
                    <AppealTag appeal={a.decision ? (a.decision.upheld ? 'upheld' : 'dismissed') : 'open'} /> {a.reason}
                  </>
                }
                description={a.decision ? `${dateTime(a.decision.decidedAt)} · ${a.decision.reason}` : dateTime(a.lodgedAt)}
              />
            ))}
          </Card>
        </Col>
        {!asOf && (
          <Col xs={24} md={12}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {ownUnit && !period.published && !scored && (
                <CommandCard title={t('selfAssessment')} mutation={selfAssess} testId="self-assessment-form" toBody={(v) => ({ marks: marksOf(criteria, v.marks as Record<string, unknown>), note: String(v.note ?? '') })}>
                  <MarksFields criteria={criteria} />
                  <Form.Item name="note" label={t('note')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </CommandCard>
              )}
              {assessor && !period.published && (
                <CommandCard
                  title={t('scoreForm')}
                  mutation={score}
                  testId="score-form"
                  toBody={(v) => ({ marks: marksOf(criteria, v.marks as Record<string, unknown>), ...(v.reason ? { reason: String(v.reason) } : {}) })}
                >
                  <MarksFields criteria={criteria} />
                  {scored && <ReasonField />}
                </CommandCard>
              )}
              {office && !period.published && scored && (
                <CommandCard
                  title={t('moderate')}
                  mutation={moderate}
                  testId="moderate-form"
                  toBody={(v) => {
                    const c = criteria.find((x) => x.criterionId === v.criterionId) ?? criteria[0];
                    return { criterionId: c.criterionId, mark: markOf(c, (v.marks as Record<string, unknown> | undefined)?.[c.criterionId]), reason: String(v.reason ?? '') };
                  }}
                >
                  <Form.Item name="criterionId" label={t('criterion')} rules={[{ required: true }]}>
                    <Select options={criteria.map((c) => ({ value: c.criterionId, label: c.title }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a, b) => a.criterionId !== b.criterionId}>
                    {({ getFieldValue }) => {
                      const c = criteria.find((x) => x.criterionId === getFieldValue('criterionId'));
                      return c ? <MarksFields key={c.criterionId} criteria={[c]} /> : null;
                    }}
                  </Form.Item>
                  <ReasonField />
                </CommandCard>
              )}
              {ownUnit && period.published && !openAppeal && (
                <CommandCard title={t('lodgeAppeal')} mutation={appeal} testId="appeal-form" toBody={(v) => ({ appealId: `appeal-${unit.appeals.length + 1}`, reason: String(v.reason ?? '') })}>
                  <ReasonField rows={3} />
                </CommandCard>
              )}
              {office && openAppeal && (
                <CommandCard
                  title={t('decideAppeal')}
                  mutation={decide}
                  testId="decide-appeal-form"
                  toBody={(v) => ({ upheld: v.upheld === true, reason: String(v.reason ?? ''), ...(v.upheld ? { marks: marksOf(criteria, v.marks as Record<string, unknown>) } : {}) })}
                >
                  <Form.Item name="upheld" label={t('upheld')} valuePropName="checked" initialValue={false}>
                    <Switch />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a, b) => a.upheld !== b.upheld}>
                    {({ getFieldValue }) =>
                      getFieldValue('upheld') ? (
                        <MarksFields criteria={criteria} />
                      ) : null
                    }
                  </Form.Item>
                  <ReasonField />
                </CommandCard>
              )}
            </Space>
          </Col>
        )}
      </Row>
    </Space>
  );
}
