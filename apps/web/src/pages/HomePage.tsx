import { Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ReactNode, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useBoard, useOrganizations, useProblems, useTracker, useUnitProgress } from '../api/queries';
import type { Board, BoardRow, ProblemPage, TrackedProblem } from '../api/view-types';
import { session, SessionUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { EnrollUnitsForm } from '../forms/EnrollUnitsForm';
import { LaunchCampaignForm } from '../forms/LaunchCampaignForm';
import { useAppState } from '../shared/app-state';
import { Chart } from '../shared/LazyChart';
import { stageColor, stageKey, stageLabel, stageOrder, topOf } from '../shared/drill';
import { pct, rateColor } from '../shared/format';
import { HandlingTag, HANDLINGS, WarningTag } from '../shared/problem-tags';
import { DenseTable } from '../shared/DenseTable';
import { Asked, Pending } from '../shared/QueryFailed';

/** Each role lands on what it works on first. */
export default function HomePage() {
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { campaignId, asOf } = useAppState();
  const { t } = useI18n();
  if (!campaignId)
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Empty description={t('noCampaign')} />
        {!asOf && (user.role === 'office' || user.role === 'admin') && <LaunchCampaignForm />}
      </Space>
    );
  switch (user.role) {
    case 'inspector':
      return <InspectorHome user={user} />;
    case 'leader':
      return <LeaderHome user={user} />;
    case 'operator':
      return <OperatorHome user={user} />;
    default:
      return <OfficeHome user={user} />;
  }
}

/** The top of the reader's scope, and the tree it comes from: a view asked for under that root waits on the tree, and fails with it. */
function useRoot(user: SessionUser) {
  const orgs = useOrganizations();
  return { root: orgs.data ? (topOf(orgs.data, user.scopeUnitIds) ?? undefined) : undefined, orgs };
}

/**
 * A card of a list: its title with how many there are, and the list; until the list's answer is there, a
 * spinner in its place, or, once its query failed, why, with 重试 (never an empty list that reads as "none").
 */
function ListCard<T>(props: {
  title: string;
  color: (items: readonly T[]) => string;
  items: readonly T[] | undefined;
  count?: ReactNode;
  queries: readonly Asked[];
  testId: string;
  extra?: ReactNode;
  renderItem: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  const { title, items, testId } = props;
  return (
    <Card size="small" title={<>{title} {items && <Tag color={props.color(items)}>{props.count ?? items.length}</Tag>}</>} extra={props.extra}>
      {items ? (
        <List size="small" data-testid={testId} dataSource={items as T[]} locale={{ emptyText: t('none') }} renderItem={props.renderItem} />
      ) : (
        <Pending queries={props.queries} what={title} testId={`${testId}-failed`} />
      )}
    </Card>
  );
}

/** A card of problems: its title with how many there are in all, and the first page of them. */
function ProblemCard({ title, color, query, testId }: { title: string; color: string; query: UseQueryResult<ProblemPage>; testId: string }) {
  const page = query.data;
  return (
    <ListCard<TrackedProblem>
      title={title}
      color={() => color}
      items={page?.items}
      count={page && (page.total ?? `${page.totalMoreThan}+`)}
      queries={[query]}
      testId={testId}
      renderItem={(p) => (
        <List.Item extra={<Space size={2}><HandlingTag p={p} /><WarningTag p={p} /></Space>}>
          <Link to={`/problems/${p.problemId}`}>{p.problemId}</Link>&nbsp;{p.responsibleUnitName}：{p.description}
        </List.Item>
      )}
    />
  );
}

function OfficeHome({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { root, orgs } = useRoot(user);
  const { campaignId, asOf } = useAppState();
  const board = useBoard({ root }, !!root);
  // Enrolling and launching are the office's (and admin's) commands, and never on a view of the past.
  const manager = !asOf && (user.role === 'office' || user.role === 'admin');
  // The forms stay in place whatever the board does: a board that cannot answer for a moment (a view
  // still catching up with a campaign just launched) must not take away a form being filled in.
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {board.data ? <OfficeBoard board={board.data} /> : <Pending queries={[orgs, board]} what={t('board')} testId="home-board-unavailable" />}
      {manager && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <EnrollUnitsForm campaignId={campaignId!} />
          </Col>
          <Col xs={24} lg={12}>
            <LaunchCampaignForm />
          </Col>
        </Row>
      )}
    </Space>
  );
}

/** The office's view of its campaign: the totals, the phase distribution and the units furthest behind. */
function OfficeBoard({ board }: { board: Board }) {
  const { t } = useI18n();
  const order = stageOrder(board.campaign.phases);
  const stages = new Map<string, { name: string; value: number }>();
  for (const r of board.rows) {
    const key = stageKey(r);
    stages.set(key, { name: stageLabel(r), value: (stages.get(key)?.value ?? 0) + 1 });
  }
  const laggards = [...board.rows].sort((a, b) => (a.metrics.stepCompletion ?? 0) - (b.metrics.stepCompletion ?? 0) || (a.metrics.completionRate ?? 0) - (b.metrics.completionRate ?? 0)).slice(0, 10);
  const o = board.overall;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-office">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('officeHome')} · {board.campaign.name}</Typography.Title>
      <Row gutter={[12, 8]} className="stat-row">
        <Col xs={8} md={4}><Card size="small"><Statistic title={t('units')} value={o.unitCount} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title={t('stepCompletion')} value={pct(o.metrics.stepCompletion)} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title={t('participation')} value={pct(o.metrics.participationRate)} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title={t('completionRate')} value={pct(o.metrics.completionRate)} styles={{ content: { color: rateColor(o.metrics.completionRate) } }} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title={t('satisfaction')} value={pct(o.metrics.satisfactionRate)} /></Card></Col>
        <Col xs={8} md={4}><Card size="small"><Statistic title={t('makeUp')} value={o.makeUpUnits} /></Card></Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('phaseDistribution')} extra={<Link to="/board">{t('board')} →</Link>}>
            <Chart
              testId="home-phase-chart"
              height={260}
              option={{
                tooltip: { trigger: 'item', formatter: '{b}: {c}（{d}%）' },
                legend: { bottom: 0, type: 'scroll' },
                series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' }, data: [...stages].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([key, s]) => ({ ...s, itemStyle: { color: stageColor(order, key) } })) }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('laggards')}>
            <DenseTable<BoardRow>
              data-testid="laggards"
              rowKey="unitId"
              dataSource={laggards}
              scroll={{ x: 520 }}
              columns={[
                { title: t('unit'), dataIndex: 'name', render: (n: string, r) => <Link to={`/units/${r.unitId}`}>{n}</Link> },
                { title: t('stage'), width: 90, render: (_, r) => (r.stage === 'in_phase' ? r.phase?.name : r.stageName) },
                { title: t('stepCompletion'), width: 90, render: (_, r) => <span style={{ color: rateColor(r.metrics.stepCompletion) }}>{pct(r.metrics.stepCompletion)}</span> },
                { title: t('completionRate'), width: 90, render: (_, r) => <span style={{ color: rateColor(r.metrics.completionRate) }}>{pct(r.metrics.completionRate)}</span> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function InspectorHome({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { root, orgs } = useRoot(user);
  const board = useBoard({ root }, !!root);
  const fixed = useProblems({ root, status: ['fixed'], limit: 20 });
  const overdue = useProblems({ root, overdue: true, limit: 20 });
  const pending = board.data?.rows.filter((r) => r.transition.status === 'pending');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-inspector">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('inspectorHome')}</Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <ListCard<BoardRow>
            title={t('pendingTransitions')}
            color={() => 'blue'}
            items={pending}
            queries={[orgs, board]}
            testId="pending-transitions"
            renderItem={(r) => (
              <List.Item extra={<Tag>{r.phase?.name}</Tag>}>
                <Link to={`/units/${r.unitId}`}>{r.name}</Link>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} lg={8}>
          <ProblemCard title={t('awaitingVerification')} color="orange" query={fixed} testId="awaiting-verification" />
        </Col>
        <Col xs={24} lg={8}>
          <ProblemCard title={t('overdueProblems')} color="red" query={overdue} testId="overdue-problems" />
        </Col>
      </Row>
    </Space>
  );
}

function LeaderHome({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const { root, orgs } = useRoot(user);
  const tracker = useTracker(root);
  const board = useBoard({ root }, !!root);
  const contact = new Set(user.contactPointUnitIds);
  const units = tracker.data?.units ?? [];
  const sum = (k: (typeof HANDLINGS)[number]['key']) => units.reduce((s, u) => s + u.counts.byHandling[k], 0);
  const overdue = units.reduce((s, u) => s + u.counts.overdue, 0);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-leader">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('leaderHome')}</Typography.Title>
      <Card size="small" title={t('tracker')} extra={<Link to="/tracker">{t('open')} →</Link>}>
        {tracker.data ? (
          <Row gutter={[12, 8]} className="stat-row">
            {HANDLINGS.map((h) => (
              <Col xs={8} md={4} key={h.key}><Statistic title={lang === 'zh' ? h.zh : h.en} value={sum(h.key)} /></Col>
            ))}
            <Col xs={8} md={4}><Statistic title={t('overdue')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} /></Col>
          </Row>
        ) : (
          <Pending queries={[tracker]} what={t('tracker')} testId="leader-tracker-failed" />
        )}
      </Card>
      <Card size="small" title={t('contactPoints')}>
        {board.data ? (
          <DenseTable<BoardRow>
            data-testid="contact-points"
            rowKey="unitId"
            dataSource={board.data.rows.filter((r) => contact.has(r.unitId))}
            locale={{ emptyText: t('none') }}
            scroll={{ x: 520 }}
            columns={[
              { title: t('unit'), dataIndex: 'name', render: (n: string, r) => <Link to={`/units/${r.unitId}`}>{n}</Link> },
              { title: t('stage'), width: 90, render: (_, r) => stageLabel(r) },
              { title: t('problems'), width: 70, render: (_, r) => r.counts.problems.total },
              { title: t('completionRate'), width: 90, render: (_, r) => <span style={{ color: rateColor(r.metrics.completionRate) }}>{pct(r.metrics.completionRate)}</span> },
            ]}
          />
        ) : (
          <Pending queries={[orgs, board]} what={t('contactPoints')} testId="contact-points-failed" />
        )}
      </Card>
    </Space>
  );
}

function OperatorHome({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const unitId = user.scopeUnitIds[0];
  const progress = useUnitProgress(unitId);
  const due = useProblems({ root: unitId, warningLevel: ['green', 'yellow', 'red'], limit: 20 });
  const orgs = useOrganizations();
  const name = orgs.data?.find((u) => u.unitId === unitId)?.name ?? unitId;
  const missing = progress.data?.steps.filter((s) => s.required && !s.done);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-operator">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('operatorHome')} · <Link to={`/units/${unitId}`}>{name}</Link>
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <ListCard
            title={t('missingSteps')}
            color={(steps) => (steps.length ? 'orange' : 'green')}
            items={missing}
            queries={[progress]}
            testId="missing-steps"
            extra={<Link to={`/units/${unitId}`}>{t('recordStep')} →</Link>}
            renderItem={(s) => <List.Item>{progress.data?.currentPhase?.name} · {s.name}</List.Item>}
          />
        </Col>
        <Col xs={24} lg={14}>
          <ProblemCard title={t('problemsDue')} color="red" query={due} testId="problems-due" />
        </Col>
      </Row>
    </Space>
  );
}
