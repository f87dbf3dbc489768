import { Card, DatePicker, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { Instruction, InstructionTargetKind, useInstructions } from '../api/inbox-queries';
import { useOrganizations } from '../api/queries';
import { session } from '../auth/session';
import { CommandForm } from '../forms/CommandForm';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { useAppState } from './app-state';
import { dateTime, newIdempotencyKey } from './format';

const STATUS: Record<Instruction['units'][number]['status'], { label: MessageKey; color: string }> = {
  pending: { label: 'instructionPending', color: 'orange' },
  acknowledged: { label: 'instructionAcknowledged', color: 'blue' },
  reported: { label: 'instructionReported', color: 'green' },
};

/** Who gives instructions, and who carries them out for a unit (the server decides which unit). */
const INSTRUCTORS = ['leader', 'office', 'admin'];
const CARRIERS = ['operator', 'office', 'admin'];

/** 领导批示 on a problem, a unit or a notice: the instructions given, each unit's answer, and the forms. */
export function InstructionPanel({ kind, id, defaultUnitIds }: { kind: InstructionTargetKind; id: string; defaultUnitIds: string[] }) {
  const { t } = useI18n();
  const { asOf } = useAppState();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const list = useInstructions({ targetKind: kind, targetId: id });
  const items = list.data?.instructions ?? [];
  return (
    <Card size="small" title={t('instructions')} data-testid="instruction-panel">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noInstructions')} /> : items.map((i) => <InstructionCard key={i.instructionId} instruction={i} />)}
      {!asOf && INSTRUCTORS.includes(user.role) && <IssueInstructionForm kind={kind} id={id} defaultUnitIds={defaultUnitIds} />}
    </Card>
  );
}

/** One instruction: its text, and per addressed unit where it stands, with the liaison's forms. */
export function InstructionCard({ instruction: i }: { instruction: Instruction }) {
  const { t } = useI18n();
  const { asOf } = useAppState();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  return (
    <Card size="small" type="inner" style={{ marginBottom: 8 }} title={<Link to={`/instructions/${i.instructionId}`}>{t('instruction')} · {dateTime(i.issuedAt)}</Link>} extra={i.deadline ? `${t('instructionDeadline')} ${i.deadline}` : null}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{i.text}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('issuedBy')} {i.issuedBy}
      </Typography.Text>
      <List
        size="small"
        dataSource={i.units}
        renderItem={(u) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Typography.Text strong>{u.unitName ?? u.unitId}</Typography.Text>
                <Tag color={STATUS[u.status].color}>{t(STATUS[u.status].label)}</Tag>
                {u.acknowledgedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTime(u.acknowledgedAt)} {u.note}</Typography.Text>}
              </Space>
              {u.reports.map((r, n) => (
                <Typography.Text key={n} style={{ fontSize: 13 }}>
                  {dateTime(r.reportedAt)} · {r.report}
                </Typography.Text>
              ))}
              {!asOf && CARRIERS.includes(user.role) && <CarrierForms instructionId={i.instructionId} unitId={u.unitId} status={u.status} />}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function CarrierForms({ instructionId, unitId, status }: { instructionId: string; unitId: string; status: Instruction['units'][number]['status'] }) {
  const { t } = useI18n();
  const [ackForm] = Form.useForm();
  const [reportForm] = Form.useForm();
  const path = { instructionId, unitId };
  const acknowledge = useCommand((body: { note?: string }, headers) => api.POST('/api/instructions/{instructionId}/units/{unitId}/acknowledgement', { params: { path }, body, headers }));
  const report = useCommand(
    (body: { report: string }, headers) => api.POST('/api/instructions/{instructionId}/units/{unitId}/report', { params: { path }, body, headers }),
    { path: `/api/instructions/${instructionId}/units/${unitId}/report`, label: () => `批示落实情况 ${instructionId}` },
  );
  if (status === 'pending') {
    return (
      <CommandForm form={ackForm} mutation={acknowledge} submitLabel={t('acknowledge')} testId="acknowledge-form" toBody={(v) => (v.note ? { note: String(v.note) } : {})}>
        <Form.Item name="note" label={t('acknowledgeNote')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </CommandForm>
    );
  }
  return (
    <CommandForm form={reportForm} mutation={report} submitLabel={t('reportBack')} testId="report-form" toBody={(v) => ({ report: String(v.report ?? '') })}>
      <Form.Item name="report" label={t('reportText')} rules={[{ required: true, message: t('reportText') }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </CommandForm>
  );
}

function IssueInstructionForm({ kind, id, defaultUnitIds }: { kind: InstructionTargetKind; id: string; defaultUnitIds: string[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const units = useOrganizations();
  const issue = useCommand((body: { instructionId: string; targetKind: InstructionTargetKind; targetId: string; text: string; addressedUnitIds: string[]; deadline?: string }, headers) =>
    api.POST('/api/instructions', { body, headers }),
  );
  return (
    <Card size="small" type="inner" title={t('issueInstruction')}>
      <CommandForm
        form={form}
        mutation={issue}
        testId="instruction-form"
        toBody={(v) => ({
          // One id per filled-in form, as the Idempotency-Key: a retry of the same form is the same instruction.
          instructionId: `instr-${newIdempotencyKey().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 24)}`,
          targetKind: kind,
          targetId: id,
          text: String(v.text ?? ''),
          addressedUnitIds: (v.addressedUnitIds as string[] | undefined) ?? [],
          ...(v.deadline ? { deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') } : {}),
        })}
      >
        <Form.Item name="text" label={t('instructionText')} rules={[{ required: true, message: t('instructionText') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="addressedUnitIds" label={t('addressedUnits')} initialValue={defaultUnitIds} rules={[{ required: true, message: t('addressedUnits') }]}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={units.isLoading}
            options={(units.data ?? []).map((u) => ({ value: u.unitId, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('instructionDeadline')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </CommandForm>
    </Card>
  );
}
