import { FilterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Grid, Input, Result, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { AuditFilters, useAuditTrail, useChain } from '../api/queries';
import type { AuditEntry } from '../api/view-types';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { AUDIT_ROLES } from '../shared/roles';
import { dateTime, tokenLabel } from '../shared/format';
import { DenseTable } from '../shared/DenseTable';
import { EventSummary, useNames } from '../shared/event-cells';
import { AuditEntryCard, BackdatedTag, EntryActor, EntrySubject, problemOf } from './AuditEntryParts';

const EVENT_TYPES = [
  ['StepRecorded', '记录步骤'],
  ['ParticipationRecorded', '记录参学'],
  ['TransitionApplied', '申请转段'],
  ['TransitionApproved', '批准转段'],
  ['TransitionRejected', '退回转段'],
  ['ProblemRegistered', '登记问题'],
  ['RectificationPlanned', '制定整改措施'],
  ['ProgressRecorded', '整改进展'],
  ['FixClaimed', '申报整改完成'],
  ['FixAccepted', '验收通过'],
  ['FixRejected', '验收不通过'],
  ['ProblemClosed', '销号'],
  ['NoticePublished', '发布通报'],
] as const;
const PAGE = 50;

/** 审计追踪: who did what and when, both times of each entry, and the hash chain's verdict. */
export default function AuditPage() {
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  return AUDIT_ROLES.includes(user.role) ? <AuditTrail /> : <Result status="403" title={t('auditOnly')} data-testid="audit-not-for-role" />;
}

function AuditTrail() {
  const { t, lang } = useI18n();
  // Below antd's md breakpoint (768 px) the entries are cards: eight columns do not fit a phone.
  const phone = Grid.useBreakpoint().md === false;
  // Newest first: what a supervision group asks first is what was recorded lately.
  const [filters, setFilters] = useState<AuditFilters>({ limit: PAGE, order: 'desc' });
  const [cursors, setCursors] = useState<string[]>([]);
  // On a phone the filters fold away until asked for, so the first screen shows entries.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const trail = useAuditTrail(filters);
  const chain = useChain();
  const names = useNames();

  const onSearch = (v: { order?: 'asc' | 'desc'; root?: string; actorId?: string; type?: string[]; range?: [{ toISOString(): string }, { toISOString(): string }]; backdated?: boolean }) => {
    setCursors([]);
    setFilters({
      limit: PAGE,
      order: v.order ?? 'desc',
      root: v.root || undefined,
      actorId: v.actorId || undefined,
      type: v.type?.length ? v.type : undefined,
      occurredFrom: v.range?.[0].toISOString(),
      occurredTo: v.range?.[1].toISOString(),
      backdated: v.backdated ? true : undefined,
    });
  };

  const entries = (trail.data?.items ?? []) as AuditEntry[];
  const total = t('total', { n: trail.data?.total ?? (trail.data?.totalMoreThan ? `${trail.data.totalMoreThan}+` : 0) });
  // Each order pages with its own cursor: after in history order, before newest first.
  const newestFirst = filters.order === 'desc';
  const next = (newestFirst ? trail.data?.nextBefore : trail.data?.nextAfter) ?? null;
  const from = (cursor: string | undefined): AuditFilters => ({ ...filters, after: newestFirst ? undefined : cursor, before: newestFirst ? cursor : undefined });
  const pager = (
    <Space>
      <Button size="small" disabled={cursors.length === 0} onClick={() => { const prev = cursors.slice(0, -1); setCursors(prev); setFilters(from(prev[prev.length - 1])); }}>
        ‹
      </Button>
      <Button size="small" disabled={!next} onClick={() => { setCursors([...cursors, next!]); setFilters(from(next!)); }}>
        ›
      </Button>
    </Space>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('audit')}
        styles={phone && !filtersOpen && !chain.data ? { body: { display: 'none' } } : undefined}
        extra={
          <Space wrap>
            {chain.data && (
              <Tag
                data-testid="chain-badge"
                icon={<SafetyCertificateOutlined />}
                color={chain.data.ok ? 'success' : 'error'}
                style={{ fontSize: 13, padding: '2px 8px' }}
                title={chain.data.verdict}
              >
                {chain.data.ok ? t('chainOk') : t('chainBroken')} · {t('checkedRange', { n: chain.data.checked })}
                {chain.data.firstBrokenPosition !== null && ` · #${tokenLabel(chain.data.firstBrokenPosition)}`}
              </Tag>
            )}
            <Button size="small" type="primary" loading={chain.isFetching} onClick={() => void chain.refetch()} data-testid="verify-chain">
              {t('verifyChain')}
            </Button>
            {phone && (
              <Button size="small" icon={<FilterOutlined />} onClick={() => setFiltersOpen(!filtersOpen)} data-testid="audit-filters-toggle">
                {t('filters')}
              </Button>
            )}
          </Space>
        }
      >
        {chain.data && !chain.data.ok && <Alert type="error" showIcon title={chain.data.verdict} style={{ marginBottom: 8 }} />}
        {chain.data?.checkpoint && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="latest-checkpoint">
            {t('latestCheckpoint')} #{chain.data.checkpoint.position}：
            <Typography.Text copyable code style={{ fontSize: 11, wordBreak: 'break-all' }}>
              {chain.data.checkpoint.text}
            </Typography.Text>
          </Typography.Paragraph>
        )}
        <Form layout="inline" onFinish={onSearch} initialValues={{ order: 'desc' }} style={{ rowGap: 8, display: phone && !filtersOpen ? 'none' : undefined }}>
          <Form.Item name="order" label={t('order')}>
            <Select
              size="small"
              style={{ width: 120 }}
              options={[
                { value: 'desc', label: t('newestFirst') },
                { value: 'asc', label: t('historyOrder') },
              ]}
            />
          </Form.Item>
          <Form.Item name="root" label={t('subtree')}>
            <Input size="small" placeholder="YL-D01" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="actorId" label={t('actorId')}>
            <Input size="small" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="type" label={t('eventType')}>
            <Select size="small" mode="multiple" allowClear style={{ minWidth: 180 }} options={EVENT_TYPES.map(([value, label]) => ({ value, label: lang === 'zh' ? label : value }))} />
          </Form.Item>
          <Form.Item name="range" label={t('occurredAt')}>
            <DatePicker.RangePicker size="small" />
          </Form.Item>
          <Form.Item name="backdated" label={t('backdated')} valuePropName="checked">
            <Switch size="small" data-testid="audit-backdated" />
          </Form.Item>
          <Button size="small" type="primary" htmlType="submit" data-testid="audit-search">
            {t('search')}
          </Button>
        </Form>
      </Card>
      {phone ? (
        <Card size="small" title={total} loading={trail.isFetching && !trail.data} data-testid="audit-cards">
          <div className="audit-cards">
            {entries.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : entries.map((e) => <AuditEntryCard key={e.position} entry={e} names={names} />)}
          </div>
          <div style={{ marginTop: 8 }}>{pager}</div>
        </Card>
      ) : (
        <DenseTable<AuditEntry>
          data-testid="audit-table"
          rowKey="position"
          loading={trail.isFetching}
          dataSource={entries}
          rowClassName={(e) => (e.backdated ? 'backdated-row' : '')}
          scroll={{ x: 1240 }}
          title={() => total}
          footer={() => pager}
          columns={[
            // Tokens are zero-padded so they sort as strings; a reader sees the number, the tooltip the whole token.
            { title: '#', dataIndex: 'position', width: 90, render: (token: string) => <span title={token} style={{ fontVariantNumeric: 'tabular-nums' }}>{tokenLabel(token)}</span> },
            { title: t('event'), dataIndex: 'typeName', width: 120, render: (n: string, e) => <span title={e.type}>{n}</span> },
            // What the entry is about and who recorded it, by the names readers know; the stored ids stay in the tooltips.
            { title: t('subject'), width: 220, render: (_, e) => <EntrySubject entry={e} names={names} /> },
            { title: t('actor'), width: 190, render: (_, e) => <EntryActor entry={e} names={names} /> },
            { title: t('content'), width: 240, render: (_, e) => <EventSummary data={e.data} problemId={problemOf(e)} /> },
            {
              title: t('occurredAt'),
              width: 150,
              render: (_, e) => (
                <Space orientation="vertical" size={0}>
                  {dateTime(e.occurredAt)}
                  <BackdatedTag entry={e} />
                </Space>
              ),
            },
            { title: t('recordedAt'), width: 140, render: (_, e) => dateTime(e.recordedAt) },
            { title: 'hash', dataIndex: 'hash', width: 110, render: (h: string) => <code title={h}>{h.slice(0, 10)}</code> },
          ]}
        />
      )}
    </Space>
  );
}
