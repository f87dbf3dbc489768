import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Result, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { AuditFilters, useAuditTrail, useChain } from '../api/queries';
import type { AuditEntry } from '../api/view-types';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { AUDIT_ROLES } from '../shared/roles';
import { dateTime, lagText, tokenLabel } from '../shared/format';
import { DenseTable } from '../shared/DenseTable';
import { EventSummary, useNames } from '../shared/event-cells';
import { actorText, streamSubject } from '../shared/event-subject';
import { Link } from 'react-router';

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
  const [filters, setFilters] = useState<AuditFilters>({ limit: PAGE });
  const [cursors, setCursors] = useState<string[]>([]);
  const trail = useAuditTrail(filters);
  const chain = useChain();
  const names = useNames();

  const onSearch = (v: { root?: string; actorId?: string; type?: string[]; range?: [{ toISOString(): string }, { toISOString(): string }]; backdated?: boolean }) => {
    setCursors([]);
    setFilters({
      limit: PAGE,
      root: v.root || undefined,
      actorId: v.actorId || undefined,
      type: v.type?.length ? v.type : undefined,
      occurredFrom: v.range?.[0].toISOString(),
      occurredTo: v.range?.[1].toISOString(),
      backdated: v.backdated ? true : undefined,
    });
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('audit')}
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
        <Form layout="inline" onFinish={onSearch} style={{ rowGap: 8 }}>
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
      <DenseTable<AuditEntry>
        data-testid="audit-table"
        rowKey="position"
        loading={trail.isFetching}
        dataSource={(trail.data?.items ?? []) as AuditEntry[]}
        rowClassName={(e) => (e.backdated ? 'backdated-row' : '')}
        scroll={{ x: 1240 }}
        title={() => t('total', { n: trail.data?.total ?? (trail.data?.totalMoreThan ? `${trail.data.totalMoreThan}+` : 0) })}
        footer={() => (
          <Space>
            <Button size="small" disabled={cursors.length === 0} onClick={() => { const prev = cursors.slice(0, -1); setCursors(prev); setFilters({ ...filters, after: prev[prev.length - 1] }); }}>
              ‹
            </Button>
            <Button size="small" disabled={!trail.data?.nextAfter} onClick={() => { setCursors([...cursors, trail.data!.nextAfter!]); setFilters({ ...filters, after: trail.data!.nextAfter! }); }}>
              ›
            </Button>
          </Space>
        )}
        columns={[
          // Tokens are zero-padded so they sort as strings; a reader sees the number, the tooltip the whole token.
          { title: '#', dataIndex: 'position', width: 90, render: (token: string) => <span title={token} style={{ fontVariantNumeric: 'tabular-nums' }}>{tokenLabel(token)}</span> },
          { title: t('event'), dataIndex: 'typeName', width: 120, render: (n: string, e) => <span title={e.type}>{n}</span> },
          // What the entry is about and who recorded it, by the names readers know; the stored ids stay in the tooltips.
          {
            title: t('subject'),
            width: 220,
            render: (_, e) => {
              const s = streamSubject(e.streamId, names, lang);
              return <span title={e.streamId}>{s.href ? <Link to={s.href}>{s.text}</Link> : s.text}</span>;
            },
          },
          { title: t('actor'), width: 190, render: (_, e) => <span title={e.actor.userId}>{actorText(e.actor, names, lang)}</span> },
          { title: t('content'), width: 240, render: (_, e) => <EventSummary data={e.data} problemId={e.streamId.startsWith('problem-') ? e.streamId.slice('problem-'.length) : null} /> },
          {
            title: t('occurredAt'),
            width: 150,
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                {dateTime(e.occurredAt)}
                {e.backdated && <Tag color="orange">{t('backdated')} · {lagText(e.occurredAt, e.recordedAt, lang)}</Tag>}
              </Space>
            ),
          },
          { title: t('recordedAt'), width: 140, render: (_, e) => dateTime(e.recordedAt) },
          { title: 'hash', dataIndex: 'hash', width: 110, render: (h: string) => <code title={h}>{h.slice(0, 10)}</code> },
        ]}
      />
    </Space>
  );
}
