import { Badge, Card, Col, Empty, Grid, Row, Space, Statistic, Switch, TableColumnsType, Typography } from 'antd';
import { useMemo, useSyncExternalStore } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemFilters, useProblems, useTracker } from '../api/queries';
import type { TrackedProblem } from '../api/view-types';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useAppState } from '../shared/app-state';
import { CellTags } from '../shared/cell-tag';
import { AfterPaint } from '../shared/deferred';
import { WideTable } from '../shared/WideTable';
import { ExportButtons } from '../shared/ExportButtons';
import { FilterSelect } from '../shared/FilterSelect';
import { pagerTotal, PROBLEM_PAGE, problemFilters, scopeRoot } from '../shared/page-filters';
import { HandlingTag, HANDLINGS, WarningTag, SupervisionTag } from '../shared/problem-tags';
import { Pending } from '../shared/QueryFailed';
import { TrackerUnitCounts } from './TrackerUnitCounts';

const PAGE = PROBLEM_PAGE;

/** 整改台账: the five kinds of handling, warnings and overdue at a glance, and the filterable problem list. */
export default function TrackerPage() {
  const { t, lang } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { campaignId, asOf } = useAppState();
  const [params, setParams] = useSearchParams();
  // None named: the reader's whole scope, asked for at once (waiting for the tree first would chain two requests).
  const root = params.get('root') ?? scopeRoot(user);
  const page = Number(params.get('page') ?? '1');
  const filters: ProblemFilters = problemFilters(params, root);
  const tracker = useTracker(root);
  const problems = useProblems(filters);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  // Built once per language: a new column list on every render has the table work out its columns again.
  // On a phone the list keeps three columns that fit its width: the number, what the problem is and
  // whose, and where it stands (handling, status, deadline, warning) — a leader reads status there.
  const phone = Grid.useBreakpoint().sm === false;
  const problemColumns = useMemo<TableColumnsType<TrackedProblem>>(
    () =>
      phone
        ? [
            { title: '编号', dataIndex: 'problemId', width: 84, fixed: 'left', render: (id: string) => <Link to={`/problems/${id}`}>{id}</Link> },
            {
              title: t('description'),
              dataIndex: 'description',
              width: 160,
              render: (d: string, p) => (
                <div className="cell-stack">
                  <span>{d}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.responsibleUnitName}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('status'),
              width: 124,
              render: (_, p) => (
                <div className="cell-stack">
                  <CellTags>
                    <HandlingTag p={p} />
                    <SupervisionTag p={p} />
                    <WarningTag p={p} />
                  </CellTags>
                  <span style={{ fontSize: 12 }}>{p.statusName}</span>
                  {p.deadline && <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('deadline')} {p.deadline}</span>}
                </div>
              ),
            },
          ]
        : [
            { title: '编号', dataIndex: 'problemId', width: 96, fixed: 'left', render: (id: string) => <Link to={`/problems/${id}`}>{id}</Link> },
            { title: t('description'), dataIndex: 'description', width: 260, render: (d: string, p) => <span title={`${p.category} · ${p.sourceName}`}>{d}</span> },
            { title: t('responsibleUnit'), dataIndex: 'responsibleUnitName', width: 170 },
            { title: t('handling'), width: 130, render: (_, p) => <CellTags><HandlingTag p={p} /><SupervisionTag p={p} /></CellTags> },
            { title: t('status'), dataIndex: 'statusName', width: 96 },
            { title: t('deadline'), dataIndex: 'deadline', width: 100 },
            { title: t('warning'), width: 100, render: (_, p) => <WarningTag p={p} /> },
            { title: t('leaderHandler'), width: 130, render: (_, p) => `${p.responsibleLeader ?? '—'} / ${p.handler ?? '—'}` },
          ],
    [t, phone],
  );

  if (!campaignId) return <Empty description={t('noCampaign')} />;
  // The list does not wait for the counts: each part shows as soon as its own answer arrives.
  const overall = tracker.data?.overall.counts;
  const sum = (f: (c: NonNullable<typeof overall>) => number) => (overall ? f(overall) : undefined);
  const total = sum((c) => c.total);
  const exportQuery = new URLSearchParams({ ...(root ? { root } : {}), ...(asOf ? { asOf } : {}) });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('tracker')} loading={!tracker.data && !tracker.isError} extra={<Typography.Text type="secondary">{tracker.data?.today}</Typography.Text>}>
        {tracker.isError && <Pending queries={[tracker]} what={t('tracker')} testId="tracker-failed" />}
        <Row gutter={[12, 8]} className="stat-row" data-testid="tracker-counts" hidden={tracker.isError}>
          <Col xs={8} md={3}><Statistic title={t('problems')} value={total} /></Col>
          {HANDLINGS.map((h) => (
            <Col xs={8} md={3} key={h.key}>
              <a onClick={() => set('handling', h.key)} data-testid={`handling-${h.key}`}>
                <Statistic title={lang === 'zh' ? h.zh : h.en} value={sum((c) => c.byHandling[h.key])} />
              </a>
            </Col>
          ))}
          <Col xs={8} md={2}><Statistic title={<Badge color="green" text="≤20天" />} value={sum((c) => c.warnings.green)} styles={{ content: { color: '#389e0d' } }} /></Col>
          <Col xs={8} md={2}><Statistic title={<Badge color="gold" text="≤10天" />} value={sum((c) => c.warnings.yellow)} styles={{ content: { color: '#d48806' } }} /></Col>
          <Col xs={8} md={2}><Statistic title={<Badge color="red" text={t('overdue')} />} value={sum((c) => c.overdue)} styles={{ content: { color: '#cf1322' } }} /></Col>
        </Row>
      </Card>
      <Space wrap>
        <FilterSelect
          multiple
          name="handling"
          set={set}
          value={filters.handling}
          style={{ minWidth: 200 }}
          placeholder={t('handling')}
          options={HANDLINGS.map((h) => ({ value: h.key, label: lang === 'zh' ? h.zh : h.en }))}
          testId="filter-handling"
        />
        <FilterSelect
          multiple
          name="warningLevel"
          set={set}
          value={filters.warningLevel}
          style={{ minWidth: 160 }}
          placeholder={t('warning')}
          options={[
            { value: 'green', label: '绿色预警' },
            { value: 'yellow', label: '黄色预警' },
            { value: 'red', label: '红色预警' },
          ]}
          testId="filter-warning"
        />
        <Space size={4}>
          <Switch size="small" checked={filters.overdue === true} onChange={(v) => set('overdue', v ? 'true' : undefined)} data-testid="filter-overdue" />
          {t('overdueOnly')}
        </Space>
        <Space size={4}>
          <Switch size="small" checked={filters.supervised === true} onChange={(v) => set('supervised', v ? 'true' : undefined)} data-testid="filter-supervised" />
          {t('supervisedOnly')}
        </Space>
        <ExportButtons path={(format) => `/api/campaigns/${campaignId}/ledger/export?${exportQuery}&format=${format}`} name="ledger" testId="export-ledger" />
      </Space>
      <WideTable<TrackedProblem>
        data-testid="problem-list"
        rowKey="problemId"
        loading={problems.isFetching}
        dataSource={(problems.data?.items ?? []) as TrackedProblem[]}
        minWidth={phone ? 0 : 1100}
        pagination={{ current: page, pageSize: PAGE, total: pagerTotal(problems.data, page), showSizeChanger: false, size: 'small', showTotal: (n) => (problems.data?.total == null && problems.data?.totalMoreThan != null ? t('totalMoreThan', { n: problems.data.totalMoreThan }) : t('total', { n })), onChange: (p) => set('page', String(p)) }}
        columns={problemColumns}
      />
      {/* The counts per unit follow the problem list, in a task of their own once the list is shown. */}
      {problems.data && tracker.data && (
        <AfterPaint minHeight={400}>
          <TrackerUnitCounts units={tracker.data.units} phone={phone} />
        </AfterPaint>
      )}
    </Space>
  );
}
