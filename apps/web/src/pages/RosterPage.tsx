import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, useSyncExternalStore } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useCommand } from '../api/commands';
import { ApiError } from '../api/errors';
import { api } from '../api/http';
import { useRosterCounts, useUnitRoster } from '../api/queries';
import type { MemberStatus, RosterFigures, RosterMember, SearchCase } from '../api/view-types';
import type { components } from '../api/schema';
import { session } from '../auth/session';
import { CommandForm } from '../forms/CommandForm';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { download } from '../shared/download';
import { Pending } from '../shared/QueryFailed';

type AddMember = components['schemas']['AddMemberRequest'];
type RenameMember = components['schemas']['RenameMemberRequest'];
type ChangeStatus = components['schemas']['ChangeMemberStatusRequest'];
type OpenSearch = components['schemas']['OpenMemberSearchRequest'];
type RecordAttempt = components['schemas']['RecordSearchAttemptRequest'];
type CloseSearch = components['schemas']['CloseMemberSearchRequest'];
type RowError = { row: number; field: string; code: string; message: string };

const STATUS: Record<MemberStatus, [string, string, string]> = {
  active: ['正常', 'Active', 'green'],
  mobile: ['流动党员', 'Mobile', 'blue'],
  missing: ['失联（查找中）', 'Lost (sought)', 'red'],
  transferred_out: ['已转出', 'Transferred out', 'default'],
  deceased: ['已去世', 'Deceased', 'default'],
};
const OUTCOMES: Record<string, [string, string]> = { found: ['已找到', 'Found'], deceased: ['已去世', 'Deceased'], transferred_out: ['已转出', 'Transferred out'] };
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD') ?? '';

/** 党员名册: a liaison's own roster; the office's and other readers' counts per unit. */
export default function RosterPage() {
  const { unitId } = useParams();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  if (unitId) return <UnitRosterView unitId={unitId} />;
  if (user.role === 'operator' && user.scopeUnitIds[0]) return <Navigate to={`/roster/${user.scopeUnitIds[0]}`} replace />;
  return <RosterCountsView />;
}

function useStatusLabel() {
  const { lang } = useI18n();
  return (s: MemberStatus) => <Tag color={STATUS[s][2]}>{STATUS[s][lang === 'zh' ? 0 : 1]}</Tag>;
}

function Figures({ f }: { f: RosterFigures }) {
  const { t, lang } = useI18n();
  const name = (s: MemberStatus) => STATUS[s][lang === 'zh' ? 0 : 1];
  return (
    <Row gutter={[8, 8]}>
      <Col xs={8} md={4}><Statistic title={t('onRoll')} value={f.onRoll} /></Col>
      <Col xs={8} md={4}><Statistic title={name('active')} value={f.counts.active} /></Col>
      <Col xs={8} md={4}><Statistic title={name('mobile')} value={f.counts.mobile} /></Col>
      <Col xs={8} md={4}><Statistic title={t('sought')} value={f.sought} styles={{ content: f.sought ? { color: '#cf1322' } : undefined }} /></Col>
      <Col xs={8} md={4}><Statistic title={name('transferred_out')} value={f.counts.transferred_out} /></Col>
      <Col xs={8} md={4}><Statistic title={name('deceased')} value={f.counts.deceased} /></Col>
    </Row>
  );
}

function RosterCountsView() {
  const { t } = useI18n();
  const counts = useRosterCounts();
  if (!counts.data) return <Pending queries={[counts]} what={t('rosterCounts')} testId="roster-counts-failed" />;
  const c = counts.data;
  const figureColumns = [
    { title: t('onRoll'), width: 70, render: (_: unknown, r: RosterFigures) => r.onRoll },
    { title: STATUS.mobile[0], width: 80, render: (_: unknown, r: RosterFigures) => r.counts.mobile },
    { title: t('sought'), width: 70, sorter: (a: RosterFigures, b: RosterFigures) => a.sought - b.sought, render: (_: unknown, r: RosterFigures) => (r.sought ? <Tag color="red">{r.sought}</Tag> : 0) },
    { title: STATUS.transferred_out[0], width: 70, render: (_: unknown, r: RosterFigures) => r.counts.transferred_out },
    { title: STATUS.deceased[0], width: 70, render: (_: unknown, r: RosterFigures) => r.counts.deceased },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-counts">
      <Card size="small" title={t('rosterCounts')}>
        <Figures f={c.overall} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('rosterNamesHidden')}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t('subordinates')}>
        <Table size="small" rowKey="unitId" pagination={false} scroll={{ x: 'max-content' }} dataSource={c.rollups}
          columns={[{ title: t('unit'), render: (_, r) => `${r.name}（${r.levelName}）` }, { title: t('units'), width: 60, dataIndex: 'units' }, ...figureColumns]} />
      </Card>
      <Card size="small" title={t('roster')}>
        <Table size="small" rowKey="unitId" scroll={{ x: 'max-content' }} dataSource={c.units} pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[{ title: t('unit'), render: (_, r) => <Link to={`/roster/${r.unitId}`}>{r.name}</Link> }, ...figureColumns]} />
      </Card>
    </Space>
  );
}

function UnitRosterView({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { asOf } = useAppState();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const roster = useUnitRoster(unitId);
  if (!roster.data) return <Pending queries={[roster]} what={t('roster')} testId="roster-failed" />;
  const r = roster.data;
  const writer = !asOf && r.namesShown && ['admin', 'office', 'operator'].includes(user.role);
  const exportButtons = (
    <Space size={4}>
      <Button size="small" onClick={() => void download(`/api/units/${unitId}/roster/export?format=xlsx`, `党员名册-${r.name}.xlsx`)}>{t('exportXlsx')}</Button>
      <Button size="small" onClick={() => void download(`/api/units/${unitId}/roster/export?format=csv`, `党员名册-${r.name}.csv`)}>{t('exportCsv')}</Button>
    </Space>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<span data-testid="roster-title">{t('roster')} · {r.name}</span>} extra={exportButtons}>
        <Figures f={r} />
      </Card>
      {!r.members ? (
        <Alert type="info" showIcon title={t('rosterNamesHidden')} data-testid="roster-names-hidden" />
      ) : (
        <Card size="small">
          <Tabs
            items={[
              { key: 'members', label: t('roster'), children: <MemberTable unitId={unitId} members={r.members} writer={writer} /> },
              { key: 'searches', label: `${t('memberSearch')}（${r.sought}）`, children: <SearchCases unitId={unitId} members={r.members} writer={writer} /> },
              ...(writer
                ? [
                    { key: 'import', label: t('importCsv'), children: <ImportMembers unitId={unitId} /> },
                    { key: 'add', label: t('addMember'), children: <AddMemberForm unitId={unitId} /> },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function MemberTable({ unitId, members, writer }: { unitId: string; members: readonly RosterMember[]; writer: boolean }) {
  const { t } = useI18n();
  const label = useStatusLabel();
  const [changing, setChanging] = useState<RosterMember | null>(null);
  const [losing, setLosing] = useState<RosterMember | null>(null);
  const [renaming, setRenaming] = useState<RosterMember | null>(null);
  return (
    <>
      <Table
        size="small"
        rowKey="memberId"
        data-testid="roster-members"
        scroll={{ x: 'max-content' }}
        dataSource={members as RosterMember[]}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('memberId'), dataIndex: 'memberId', width: 90 },
          { title: t('memberName'), dataIndex: 'name', width: 90 },
          { title: t('status'), width: 110, render: (_, m) => label(m.status), filters: Object.keys(STATUS).map((s) => ({ text: STATUS[s as MemberStatus][0], value: s })), onFilter: (v, m) => m.status === v },
          { title: t('workplace'), render: (_, m) => m.workplace ?? m.toUnit ?? '' },
          ...(writer
            ? [
                {
                  title: '',
                  width: 230,
                  render: (_: unknown, m: RosterMember) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setRenaming(m)}>{t('rename')}</Button>
                      {(m.status === 'active' || m.status === 'mobile') && <Button size="small" onClick={() => setChanging(m)}>{t('changeStatus')}</Button>}
                      {(m.status === 'active' || m.status === 'mobile') && <Button size="small" danger onClick={() => setLosing(m)}>{t('openSearch')}</Button>}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={!!changing} title={`${t('changeStatus')} · ${changing?.name ?? ''}`} footer={null} onCancel={() => setChanging(null)} destroyOnHidden>
        {changing && <StatusForm unitId={unitId} member={changing} onDone={() => setChanging(null)} />}
      </Modal>
      <Modal open={!!renaming} title={`${t('rename')} · ${renaming?.memberId ?? ''}`} footer={null} onCancel={() => setRenaming(null)} destroyOnHidden>
        {renaming && <RenameForm unitId={unitId} member={renaming} onDone={() => setRenaming(null)} />}
      </Modal>
      <Modal open={!!losing} title={`${t('openSearch')} · ${losing?.name ?? ''}`} footer={null} onCancel={() => setLosing(null)} destroyOnHidden>
        {losing && <OpenSearchForm unitId={unitId} member={losing} onDone={() => setLosing(null)} />}
      </Modal>
    </>
  );
}

const memberPath = (unitId: string, memberId: string) => ({ params: { path: { unitId, memberId } } });

function StatusForm({ unitId, member, onDone }: { unitId: string; member: RosterMember; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const to = Form.useWatch('to', form) as ChangeStatus['to'] | undefined;
  const change = useCommand((body: ChangeStatus, headers) => api.POST('/api/units/{unitId}/members/{memberId}/status', { ...memberPath(unitId, member.memberId), body, headers }));
  const options = (['active', 'mobile', 'transferred_out', 'deceased'] as const).filter((s) => s !== member.status || s === 'mobile');
  return (
    <CommandForm<ChangeStatus>
      form={form}
      mutation={change}
      onDone={onDone}
      testId="status-form"
      toBody={(v) => ({ to: v.to as ChangeStatus['to'], effectiveOn: day(v.effectiveOn as Dayjs), workplace: (v.workplace as string) || undefined, toUnit: (v.toUnit as string) || undefined, reason: (v.reason as string) || undefined })}
    >
      <Form.Item name="to" label={t('status')} rules={[{ required: true }]}>
        <Select options={options.map((s) => ({ value: s, label: STATUS[s][lang === 'zh' ? 0 : 1] }))} />
      </Form.Item>
      {to === 'mobile' && <Form.Item name="workplace" label={t('workplace')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>}
      {to === 'transferred_out' && <Form.Item name="toUnit" label={t('toUnit')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>}
      <Form.Item name="effectiveOn" label={t('effectiveOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: to === 'transferred_out' || to === 'deceased', max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
    </CommandForm>
  );
}

function RenameForm({ unitId, member, onDone }: { unitId: string; member: RosterMember; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const rename = useCommand((body: RenameMember, headers) => api.POST('/api/units/{unitId}/members/{memberId}/name', { ...memberPath(unitId, member.memberId), body, headers }));
  return (
    <CommandForm<RenameMember> form={form} mutation={rename} onDone={onDone} testId="rename-form" toBody={(v) => ({ name: v.name as string })}>
      <Form.Item name="name" label={t('memberName')} initialValue={member.name} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
    </CommandForm>
  );
}

function OpenSearchForm({ unitId, member, onDone }: { unitId: string; member: RosterMember; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const open = useCommand((body: OpenSearch, headers) => api.POST('/api/units/{unitId}/members/{memberId}/search', { ...memberPath(unitId, member.memberId), body, headers }));
  return (
    <CommandForm<OpenSearch>
      form={form}
      mutation={open}
      onDone={onDone}
      testId="open-search-form"
      toBody={(v) => ({ caseId: `case-${member.memberId}-${Date.now().toString(36)}`, lastKnown: v.lastKnown as string, lostSince: day(v.lostSince as Dayjs) })}
    >
      <Form.Item name="lastKnown" label={t('lastKnown')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="lostSince" label={t('lostSince')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
    </CommandForm>
  );
}

/** 查找党员: every open case with its attempts and the forms to go on; closed cases with their outcome. */
function SearchCases({ unitId, members, writer }: { unitId: string; members: readonly RosterMember[]; writer: boolean }) {
  const { t, lang } = useI18n();
  const cases = members.flatMap((m) => [...(m.search ? [{ m, c: m.search, open: true }] : []), ...(m.closedSearches ?? []).map((c) => ({ m, c, open: false }))]);
  if (cases.length === 0) return <Empty description={t('noSearches')} />;
  return (
    <Row gutter={[12, 12]} data-testid="search-cases">
      {cases.map(({ m, c, open }) => (
        <Col xs={24} md={12} key={c.caseId}>
          <Card size="small" title={`${m.name}（${m.memberId}）`} extra={open ? <Tag color="red">{t('sought')}</Tag> : <Tag>{OUTCOMES[c.outcome ?? '']?.[lang === 'zh' ? 0 : 1] ?? c.outcome}</Tag>}>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('lostSince')}：{c.lostSince}　{t('lastKnown')}：{c.lastKnown}
            </Typography.Paragraph>
            <Attempts c={c} />
            {!open && <Typography.Text type="secondary">{c.closedOn}　{c.note}</Typography.Text>}
            {open && writer && <OpenCaseForms unitId={unitId} member={m} c={c} />}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Attempts({ c }: { c: SearchCase }) {
  if (c.attempts.length === 0) return null;
  return <Timeline items={c.attempts.map((a) => ({ content: `${a.on}　${a.method}：${a.result}` }))} />;
}

function OpenCaseForms({ unitId, member, c }: { unitId: string; member: RosterMember; c: SearchCase }) {
  const { t, lang } = useI18n();
  const [attemptForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const outcome = Form.useWatch('outcome', closeForm) as CloseSearch['outcome'] | undefined;
  const to = Form.useWatch('to', closeForm) as CloseSearch['to'] | undefined;
  const attempt = useCommand((body: RecordAttempt, headers) => api.POST('/api/units/{unitId}/members/{memberId}/search/attempts', { ...memberPath(unitId, member.memberId), body, headers }));
  const close = useCommand((body: CloseSearch, headers) => api.POST('/api/units/{unitId}/members/{memberId}/search/close', { ...memberPath(unitId, member.memberId), body, headers }));
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'attempt',
          label: t('recordAttempt'),
          children: (
            <CommandForm<RecordAttempt> form={attemptForm} mutation={attempt} testId="attempt-form"
              toBody={(v) => ({ attemptId: `a${c.attempts.length + 1}`, on: day(v.on as Dayjs), method: v.method as string, result: v.result as string })}>
              <Form.Item name="on" label={t('attemptOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="method" label={t('method')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
              <Form.Item name="result" label={t('result')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
            </CommandForm>
          ),
        },
        {
          key: 'close',
          label: t('closeSearch'),
          children: (
            <CommandForm<CloseSearch> form={closeForm} mutation={close} testId="close-search-form"
              toBody={(v) => ({ outcome: v.outcome as CloseSearch['outcome'], to: v.outcome === 'found' ? (v.to as CloseSearch['to']) : undefined, workplace: (v.workplace as string) || undefined, on: day(v.on as Dayjs), note: v.note as string })}>
              <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true }]}>
                <Select options={Object.entries(OUTCOMES).map(([value, names]) => ({ value, label: names[lang === 'zh' ? 0 : 1] }))} />
              </Form.Item>
              {outcome === 'found' && (
                <Form.Item name="to" label={t('status')} rules={[{ required: true }]}>
                  <Select options={(['active', 'mobile'] as const).map((s) => ({ value: s, label: STATUS[s][lang === 'zh' ? 0 : 1] }))} />
                </Form.Item>
              )}
              {outcome === 'found' && to === 'mobile' && <Form.Item name="workplace" label={t('workplace')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>}
              <Form.Item name="on" label={t('attemptOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="note" label={t('closeNote')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
            </CommandForm>
          ),
        },
      ]}
    />
  );
}

/** CSV import, all or nothing: a refused file lists every bad row, field and rule so the liaison fixes it at once. */
function ImportMembers({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [rowErrors, setRowErrors] = useState<RowError[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const send = useCommand((body: { csv: string }, headers) => api.POST('/api/units/{unitId}/members/import', { params: { path: { unitId } }, body, headers }));
  const submit = async () => {
    setRowErrors(null);
    setProblem(null);
    setDone(false);
    try {
      await send.mutateAsync({ csv });
      setDone(true);
      setCsv('');
    } catch (error) {
      const body = error instanceof ApiError ? (error.body as { details?: { errors?: RowError[] }; errors?: { message: string }[] }) : null;
      if (body?.details?.errors) setRowErrors(body.details.errors);
      else setProblem(body?.errors?.map((e) => e.message).join('；') || (error as Error).message);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-members">
      <Typography.Text type="secondary">{t('importHint')}</Typography.Text>
      <input type="file" accept=".csv,text/csv" aria-label={t('chooseFile')} onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
      <Input.TextArea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={'党员编号,姓名,状态,流入地\nm001,王某,正常,\nm002,李某,流动党员,广东省深圳市'} data-testid="import-csv" />
      <Button type="primary" onClick={() => void submit()} loading={send.isPending} disabled={!csv.trim()}>{t('importCsv')}</Button>
      {done && <Alert type="success" showIcon title={t('saved')} />}
      {problem && <Alert type="error" showIcon title={problem} />}
      {rowErrors && (
        <>
          <Alert type="error" showIcon title={t('importRowErrors', { n: rowErrors.length })} data-testid="import-row-errors" />
          <Table size="small" rowKey={(e) => `${e.row}-${e.field}-${e.code}`} pagination={false} dataSource={rowErrors}
            columns={[{ title: t('row'), dataIndex: 'row', width: 60 }, { title: t('field'), dataIndex: 'field', width: 100 }, { title: '', dataIndex: 'message' }]} />
        </>
      )}
    </Space>
  );
}

function AddMemberForm({ unitId }: { unitId: string }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const status = Form.useWatch('status', form) as string | undefined;
  const add = useCommand((body: AddMember, headers) => api.POST('/api/units/{unitId}/members', { params: { path: { unitId } }, body, headers }));
  return (
    <CommandForm<AddMember> form={form} mutation={add} testId="add-member-form"
      toBody={(v) => ({ memberId: v.memberId as string, name: v.name as string, status: v.status as AddMember['status'], workplace: (v.workplace as string) || undefined })}>
      <Form.Item name="memberId" label={t('memberId')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,64}$/ }]}><Input /></Form.Item>
      <Form.Item name="name" label={t('memberName')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
      <Form.Item name="status" label={t('status')} initialValue="active" rules={[{ required: true }]}>
        <Select options={(['active', 'mobile'] as const).map((s) => ({ value: s, label: STATUS[s][lang === 'zh' ? 0 : 1] }))} />
      </Form.Item>
      {status === 'mobile' && <Form.Item name="workplace" label={t('workplace')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>}
    </CommandForm>
  );
}
