import dayjs, { Dayjs } from 'dayjs';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useRef, useSyncExternalStore } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { useOrganizations, useUnitProgress } from '../api/queries';
import type { UnitProgress } from '../api/view-types';
import type { components } from '../api/schema';
import { session } from '../auth/session';
import { CommandCard } from '../forms/CommandCard';
import { DecisionTabs } from '../forms/DecisionTabs';
import { OccurredAtField, occurredAtOf, PersonFields } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { InstructionPanel } from '../shared/InstructionPanel';
import type { MessageKey } from '../i18n/messages';
import { useAppState } from '../shared/app-state';
import { newProblemId } from '../shared/format';
import { EvidenceLinks, EvidenceUpload } from '../shared/evidence';
import { DenseTable } from '../shared/DenseTable';
import { Pending } from '../shared/QueryFailed';

type RecordStep = components['schemas']['RecordStepRequest'];
type RecordParticipation = components['schemas']['RecordParticipationRequest'];
type RegisterProblem = components['schemas']['RegisterProblemRequest'];
const SOURCES: Record<RegisterProblem['source'], MessageKey> = {
  democratic_appraisal: 'sourceDemocraticAppraisal',
  soliciting_opinions: 'sourceSolicitingOpinions',
  supervision_group: 'sourceSupervisionGroup',
  inspection_tour: 'sourceInspectionTour',
  masses_report: 'sourceMassesReport',
  look_back: 'sourceLookBack',
};
/** The stages after the phases, as the board names them (a unit in a phase shows the phase's name). */
const STAGES: Record<string, string> = { in_phase: '阶段进行中', consolidation: '巩固扩大整改成果', summary: '总结', concluded: '已结束' };
const TRANSITION: Record<string, [string, string]> = { none: ['未申请转段', 'default'], pending: ['转段待审批', 'blue'], approved: ['已批准', 'green'], rejected: ['转段被退回', 'red'] };

/** A unit's own page: the steps of its phase with their evidence, participation, its transition, and the forms its people use. */
export default function UnitPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf, campaignId } = useAppState();
  const orgs = useOrganizations();
  const progress = useUnitProgress(unitId);
  const unit = orgs.data?.find((u) => u.unitId === unitId);
  if (!progress.data) return <Pending queries={[progress]} what={unit?.name ?? t('unit')} testId="unit-failed" />;
  const u = progress.data;
  const writer = !asOf && (user.role === 'operator' || user.role === 'office' || user.role === 'admin');
  const registrar = !asOf && ['office', 'operator', 'inspector'].includes(user.role);
  const reviewer = !asOf && ['admin', 'office', 'inspector'].includes(user.role) && u.transition.status === 'pending';
  const [label, color] = TRANSITION[u.transition.status] ?? [u.transition.status, 'default'];

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={15}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title={<span data-testid="unit-title">{unit?.name ?? unitId}</span>} extra={<Link to={`/tracker?root=${unitId}`}>{t('tracker')} →</Link>}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t('stage')}>{u.currentPhase?.name ?? STAGES[u.stage] ?? u.stage}</Descriptions.Item>
              <Descriptions.Item label={t('transitionHistory')}>
                <Tag color={color}>{label}</Tag>
                {u.transition.reason && <Typography.Text type="danger">{u.transition.reason}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('stepCompletion')}>{u.requiredTotal ? `${u.requiredDone}/${u.requiredTotal}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('participationRecord')}>
                {u.participation ? `${t('shouldAttend')} ${u.participation.shouldAttend}，${t('attended')} ${u.participation.attended}，${t('excused')} ${u.participation.excused.reduce((s, e) => s + e.count, 0)}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('unitType')}>{unit?.unitTypeName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="党员数">{unit?.memberCount ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={`${t('steps')}${u.currentPhase ? ` · ${u.currentPhase.name}` : ''}`}>
            <DenseTable
              data-testid="unit-steps"
              rowKey="key"
              dataSource={u.steps as UnitProgress['steps'][number][]}
              columns={[
                { title: t('steps'), dataIndex: 'name', width: 190, render: (n: string, s) => <Space size={4}>{s.done ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <ClockCircleOutlined style={{ color: '#d46b08' }} />}{n}{s.required && <Tag>必做</Tag>}</Space> },
                {
                  title: t('evidence'),
                  render: (_, s) => {
                    const record = (s as { record?: { evidence: string; attachmentRef: string | null } }).record;
                    if (!record) return <Typography.Text type="secondary">未记录</Typography.Text>;
                    return (
                      <Space orientation="vertical" size={0}>
                        <span>{record.evidence}</span>
                        <EvidenceLinks refs={[record.attachmentRef]} base={`/api/campaigns/${campaignId}/units/${unitId}/files/`} />
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        </Space>
      </Col>
      <Col xs={24} lg={9}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {writer && u.currentPhase && <RecordStepForm unitId={unitId} progress={u} />}
          {registrar && <RegisterProblemForm unitId={unitId} />}
          {writer && u.currentPhase && <ParticipationForm unitId={unitId} memberCount={unit?.memberCount} />}
          {writer && u.currentPhase && u.transition.status !== 'pending' && <ApplyForm unitId={unitId} phaseKey={u.currentPhase.key} />}
          {reviewer && u.transition.phaseKey && <ReviewForms unitId={unitId} phaseKey={u.transition.phaseKey} />}
          <InstructionPanel kind="unit" id={unitId} defaultUnitIds={[unitId]} />
        </Space>
      </Col>
    </Row>
  );
}

function RecordStepForm({ unitId, progress }: { unitId: string; progress: UnitProgress }) {
  const { t } = useI18n();
  const { campaignId } = useAppState();
  const record = useCommand(
    (body: RecordStep, headers) =>
      api.POST('/api/campaigns/{campaignId}/units/{unitId}/steps', { params: { path: { campaignId: campaignId!, unitId } }, body, headers }),
    { path: `/api/campaigns/${campaignId}/units/${unitId}/steps`, label: (b) => `记录步骤 ${progress.steps.find((s) => s.key === b.stepKey)?.name ?? b.stepKey}` },
  );
  const open = progress.steps.filter((s) => !s.done);
  return (
    <CommandCard<RecordStep>
      title={t('recordStep')}
      mutation={record}
      testId="record-step-form"
      toBody={(v) => ({
        phaseKey: progress.currentPhase!.key,
        stepKey: String(v.stepKey ?? ''),
        evidence: String(v.evidence ?? ''),
        ...(v.attachmentRef ? { attachmentRef: String(v.attachmentRef) } : {}),
        ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
        ...occurredAtOf(v.occurredAt),
      })}
    >
      <Form.Item name="stepKey" label={t('steps')} initialValue={open[0]?.key}>
        <Select data-testid="step-select" options={progress.steps.map((s) => ({ value: s.key, label: `${s.name}${s.done ? '（已记录）' : ''}` }))} />
      </Form.Item>
      <Form.Item name="evidence" label={t('evidence')}>
        <Input.TextArea rows={3} placeholder="如：召开党员动员大会，应到 30 人，实到 28 人" />
      </Form.Item>
      <Form.Item name="quantity" label={t('quantity')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="attachmentRef" label={t('evidenceFiles')} extra="PDF、图片、Office 文档，20 MiB 以内">
        <EvidenceUpload />
      </Form.Item>
      <OccurredAtField />
    </CommandCard>
  );
}

function ParticipationForm({ unitId, memberCount }: { unitId: string; memberCount?: number }) {
  const { t } = useI18n();
  const { campaignId } = useAppState();
  const record = useCommand(
    (body: RecordParticipation, headers) =>
      api.POST('/api/campaigns/{campaignId}/units/{unitId}/participation', { params: { path: { campaignId: campaignId!, unitId } }, body, headers }),
    { path: `/api/campaigns/${campaignId}/units/${unitId}/participation`, label: (b) => `记录参学情况 ${b.attended}/${b.shouldAttend}` },
  );
  return (
    <CommandCard<RecordParticipation>
      title={t('recordParticipation')}
      mutation={record}
      testId="participation-form"
      toBody={(v) => {
        const excused = typeof v.excusedCount === 'number' && v.excusedCount > 0 ? [{ reason: String(v.excusedReason ?? ''), count: v.excusedCount }] : [];
        return {
          shouldAttend: Number(v.shouldAttend ?? 0),
          attended: Number(v.attended ?? 0),
          ...(excused.length ? { excused } : {}),
          ...occurredAtOf(v.participatedAt),
        };
      }}
    >
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="shouldAttend" label={t('shouldAttend')} initialValue={memberCount}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="should-attend" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="attended" label={t('attended')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="attended" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="excusedCount" label={t('excused')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="excusedReason" label={t('excusedReason')}>
            <Input placeholder="流动党员、年老体弱、因病…" />
          </Form.Item>
        </Col>
      </Row>
      <OccurredAtField name="participatedAt" extra="不填为现在" />
    </CommandCard>
  );
}

function RegisterProblemForm({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { campaignId } = useAppState();
  const navigate = useNavigate();
  // Chosen once per filled-in form, like its Idempotency-Key, so a retry cannot register a second problem.
  const problemId = useRef(newProblemId());
  const register = useCommand((body: RegisterProblem, headers) => api.POST('/api/problems', { body, headers }));
  const person = (v: unknown, userId: unknown) => ({ name: String(v ?? ''), ...(userId ? { userId: String(userId) } : {}) });
  return (
    <CommandCard<RegisterProblem>
      title={t('registerProblem')}
      mutation={register}
      testId="register-problem-form"
      submitLabel={t('registerProblem')}
      onDone={() => {
        const id = problemId.current;
        problemId.current = newProblemId();
        void navigate(`/problems/${id}`);
      }}
      toBody={(v) => ({
        problemId: problemId.current,
        campaignId: campaignId!,
        responsibleUnitId: unitId,
        source: v.source as RegisterProblem['source'],
        category: String(v.category ?? ''),
        description: String(v.description ?? ''),
        responsibleLeader: person(v.responsibleLeader, v.responsibleLeaderUserId),
        handler: person(v.handler, v.handlerUserId),
        discoveredAt: v.discoveredAt ? (v.discoveredAt as Dayjs).format('YYYY-MM-DD') : '',
      })}
    >
      <Form.Item name="source" label={t('source')} initialValue="soliciting_opinions">
        <Select options={Object.entries(SOURCES).map(([value, key]) => ({ value, label: t(key) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('category')}>
        <Input placeholder="如：作风建设" />
      </Form.Item>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Row gutter={8}>
        <PersonFields name="responsibleLeader" label="responsibleLeader" />
        <PersonFields name="handler" label="handler" />
      </Row>
      <Form.Item name="discoveredAt" label={t('discoveredAt')} initialValue={dayjs()}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
    </CommandCard>
  );
}

function ApplyForm({ unitId, phaseKey }: { unitId: string; phaseKey: string }) {
  const { t } = useI18n();
  const { campaignId } = useAppState();
  const apply = useCommand((body: { phaseKey: string; note?: string }, headers) =>
    api.POST('/api/campaigns/{campaignId}/units/{unitId}/transition-applications', { params: { path: { campaignId: campaignId!, unitId } }, body, headers }),
  );
  return (
    <CommandCard title={t('applyTransition')} mutation={apply} submitLabel={t('applyTransition')} toBody={(v) => ({ phaseKey, ...(v.note ? { note: String(v.note) } : {}) })}>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </CommandCard>
  );
}

function ReviewForms({ unitId, phaseKey }: { unitId: string; phaseKey: string }) {
  const { t } = useI18n();
  const { campaignId } = useAppState();
  const path = { campaignId: campaignId!, unitId };
  const approve = useCommand((body: { phaseKey: string; comment?: string }, headers) =>
    api.POST('/api/campaigns/{campaignId}/units/{unitId}/transition-applications/approve', { params: { path }, body, headers }),
  );
  const reject = useCommand((body: { phaseKey: string; reason: string }, headers) =>
    api.POST('/api/campaigns/{campaignId}/units/{unitId}/transition-applications/reject', { params: { path }, body, headers }),
  );
  return (
    <Card size="small" title="转段审批" data-testid="review-forms">
      <DecisionTabs
        approve={{ key: 'approve', label: t('approve'), field: 'comment', mutation: approve, toBody: (v) => ({ phaseKey, ...(v.comment ? { comment: String(v.comment) } : {}) }) }}
        reject={{ key: 'reject', label: t('reject'), field: 'reason', mutation: reject, toBody: (v) => ({ phaseKey, reason: String(v.reason ?? '') }) }}
      />
      <Button type="link" size="small" href={`/board?root=${unitId}`}>
        {t('board')}
      </Button>
    </Card>
  );
}
