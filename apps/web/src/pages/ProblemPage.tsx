import dayjs, { Dayjs } from 'dayjs';
import { Card, DatePicker, Col, Descriptions, Form, Input, Row, Space, TableColumnsType } from 'antd';
import { useMemo, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { useCommand } from '../api/commands';
import { api } from '../api/http';
import { useTimeline } from '../api/queries';
import type { JointPart, TimelineEvent } from '../api/view-types';
import { session } from '../auth/session';
import { CommandCard } from '../forms/CommandCard';
import { DecisionTabs } from '../forms/DecisionTabs';
import { OccurredAtField, occurredAtOf } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { InstructionPanel } from '../shared/InstructionPanel';
import { CellTag } from '../shared/cell-tag';
import { AfterPaint } from '../shared/deferred';
import { WideTable } from '../shared/WideTable';
import { useAppState } from '../shared/app-state';
import { dateTime, lagText, WARNING_COLOR } from '../shared/format';
import { HandlingTag, SupervisionTag, WarningTag } from '../shared/problem-tags';
import { EvidenceUpload } from '../shared/evidence';
import { EventSummary, useNames } from '../shared/event-cells';
import { actorText } from '../shared/event-subject';
import { Pending } from '../shared/QueryFailed';

/** A problem's page: what it is, who answers for it, and every step of its life with both of its times. */
export default function ProblemPage() {
  const { problemId = '' } = useParams();
  const { t, lang } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { asOf } = useAppState();
  const timeline = useTimeline(problemId);
  const names = useNames();
  // Built once per problem and language; plain markup in the cells (a component per cell is most of a table's work).
  const timelineColumns = useMemo<TableColumnsType<TimelineEvent>>(
    () => [
      { title: t('event'), dataIndex: 'typeName', width: 120, render: (name: string, e) => <span title={e.type}>{name}</span> },
      {
        title: t('occurredAt'),
        width: 150,
        render: (_, e) => (
          <div className="cell-stack">
            <span>{dateTime(e.occurredAt)}</span>
            {e.backdated && <CellTag color="orange" testId="backdated-tag">{t('backdated')} · {lagText(e.occurredAt, e.recordedAt, lang)}</CellTag>}
          </div>
        ),
      },
      { title: t('recordedAt'), width: 140, render: (_, e) => dateTime(e.recordedAt) },
      // The answer names an actor by user id, role and unit: the unit's name and the role are what a reader knows them by.
      { title: t('actor'), width: 170, render: (_, e) => <span title={e.actor.userId}>{actorText(e, names, lang)}</span> },
      { title: t('content'), render: (_, e) => <EventSummary data={e.data} problemId={problemId} /> },
    ],
    [t, lang, problemId, names],
  );
  if (!timeline.data) return <Pending queries={[timeline]} what={t('timeline')} testId="problem-failed" />;
  const { problem: p, events } = timeline.data;
  const canProgress = !asOf && (user.role === 'office' || user.role === 'operator') && !['closed', 'verified'].includes(p.status);
  const canVerify = !asOf && (user.role === 'office' || user.role === 'inspector') && p.status === 'fixed';
  const canSupervise = !asOf && (user.role === 'office' || user.role === 'inspector') && !['closed', 'verified'].includes(p.status);

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={15}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title={<span data-testid="problem-title">{p.problemId} · {p.description}</span>} extra={<Space size={4}><HandlingTag p={p} /><SupervisionTag p={p} /><WarningTag p={p} /></Space>}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t('status')}>{p.statusName}</Descriptions.Item>
              <Descriptions.Item label={t('source')}>{p.sourceName} · {p.category}</Descriptions.Item>
              <Descriptions.Item label={t('responsibleUnit')}>{p.responsibleUnitName}</Descriptions.Item>
              <Descriptions.Item label={t('leaderHandler')}>{p.responsibleLeader ?? '—'} / {p.handler ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('deadline')}>{p.deadline ?? '—'} {p.timingName ? `（${p.timingName}）` : ''}</Descriptions.Item>
              <Descriptions.Item label="公示">{p.published ? <CellTag color="green">已公示</CellTag> : <CellTag>未公示</CellTag>}</Descriptions.Item>
              <Descriptions.Item label={t('measures')} span={2}>
                {p.measures.length ? p.measures.map((m, i) => <div key={i}>{i + 1}. {m}</div>) : '—'}
              </Descriptions.Item>
              {p.supervision && (
                <Descriptions.Item label={`${t('supervision')}（${p.supervision.notes}）`} span={2}>
                  <span data-testid="supervision-last">
                    {p.supervision.last.finding} → {p.supervision.last.demand}（{p.supervision.last.dueBy} 前）
                  </span>
                </Descriptions.Item>
              )}
              {p.deferral && (
                <Descriptions.Item label="暂缓" span={2}>
                  {p.deferral.reason} {p.deferral.reviewDate ? `（复查日期 ${p.deferral.reviewDate}）` : ''}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {p.joint && (
            <Card size="small" title={`联动整改 · 牵头单位 ${p.joint.coordinatorUnitName}`}>
              <WideTable<JointPart>
                rowKey="partId"
                dataSource={p.joint.parts as JointPart[]}
                minWidth={600}
                columns={[
                  { title: t('unit'), dataIndex: 'unitName', width: 160 },
                  { title: '分工', dataIndex: 'description' },
                  { title: t('deadline'), dataIndex: 'deadline', width: 100 },
                  { title: t('status'), width: 110, render: (_, part) => (part.closed ? <CellTag color="green">已完成</CellTag> : <CellTag color={WARNING_COLOR[part.warningLevel]}>{part.overdue ? `超期 ${Math.abs(part.daysLeft ?? 0)} 天` : '进行中'}</CellTag>) },
                ]}
              />
            </Card>
          )}
          <Card size="small" title={t('timeline')}>
            <WideTable<TimelineEvent>
              data-testid="problem-timeline"
              rowKey="position"
              dataSource={events as TimelineEvent[]}
              rowClassName={(e) => (e.backdated ? 'backdated-row' : '')}
              minWidth={720}
              columns={timelineColumns}
            />
          </Card>
        </Space>
      </Col>
      <Col xs={24} lg={9}>
        {/* The forms and the instructions follow the timeline, in a task of their own once it is shown. */}
        <AfterPaint>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {canProgress && <ProgressForm problemId={p.problemId} />}
            {canVerify && <VerifyForms problemId={p.problemId} />}
            {canSupervise && <SupervisionForm problemId={p.problemId} />}
            <InstructionPanel kind="problem" id={p.problemId} defaultUnitIds={[p.responsibleUnitId]} />
            <Link to={`/tracker?root=${p.responsibleUnitId}`}>← {t('tracker')}</Link>
          </Space>
        </AfterPaint>
      </Col>
    </Row>
  );
}

function ProgressForm({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const progress = useCommand(
    (body: { note: string; attachmentRefs?: string[]; occurredAt?: string }, headers) => api.POST('/api/problems/{problemId}/progress', { params: { path: { problemId } }, body, headers }),
    { path: `/api/problems/${problemId}/progress`, label: () => `整改进展 ${problemId}` },
  );
  return (
    <CommandCard title={t('recordProgress')} mutation={progress} testId="progress-form" toBody={(v) => ({
        note: String(v.note ?? ''),
        ...(Array.isArray(v.attachmentRefs) && v.attachmentRefs.length ? { attachmentRefs: v.attachmentRefs as string[] } : {}),
        ...occurredAtOf(v.occurredAt),
      })}>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="attachmentRefs" label={t('evidenceFiles')} extra="PDF、图片、Office 文档，20 MiB 以内">
        <EvidenceUpload multiple />
      </Form.Item>
      <OccurredAtField />
    </CommandCard>
  );
}

/** 督查: what the group found, what it demands, by when. */
function SupervisionForm({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const note = useCommand(
    (body: { finding: string; demand: string; dueBy: string }, headers) =>
      api.POST('/api/problems/{problemId}/supervision-notes', { params: { path: { problemId } }, body, headers }),
    { path: `/api/problems/${problemId}/supervision-notes`, label: () => `督查 ${problemId}` },
  );
  return (
    <CommandCard
      title={t('noteSupervision')}
      mutation={note}
      testId="supervision-form"
      toBody={(v) => ({ finding: String(v.finding ?? ''), demand: String(v.demand ?? ''), dueBy: v.dueBy ? (v.dueBy as Dayjs).format('YYYY-MM-DD') : '' })}
    >
      <Form.Item name="finding" label={t('finding')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="demand" label={t('demand')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="dueBy" label={t('dueBy')}>
        <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </CommandCard>
  );
}

function VerifyForms({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const accept = useCommand((body: { comment?: string }, headers) => api.POST('/api/problems/{problemId}/accept-fix', { params: { path: { problemId } }, body, headers }));
  const reject = useCommand((body: { reason: string }, headers) => api.POST('/api/problems/{problemId}/reject-fix', { params: { path: { problemId } }, body, headers }));
  return (
    <Card size="small" title="验收">
      <DecisionTabs
        approve={{ key: 'accept', label: t('acceptFix'), field: 'comment', mutation: accept, toBody: (v) => (v.comment ? { comment: String(v.comment) } : {}) }}
        reject={{ key: 'reject', label: t('rejectFix'), field: 'reason', mutation: reject, toBody: (v) => ({ reason: String(v.reason ?? '') }) }}
      />
    </Card>
  );
}
