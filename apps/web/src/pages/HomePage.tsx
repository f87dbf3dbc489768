import { Alert, Button, Card, Col, Empty, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useBoard, useOrganizations, useProblems, useTracker, useUnitProgress } from '../api/queries';
import type { Board, BoardRow, TrackedProblem } from '../api/view-types';
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

function useRoot(user: SessionUser): string | undefined {
  const orgs = useOrganizations();
  return orgs.data ? (topOf(orgs.data, user.scopeUnitIds) ?? undefined) : undefined;
}

/** A card of problems: its title with how many there are in all, and the first page of them. */
function ProblemCard({ title, color, page, testId }: { title: string; color: string; page: { total: number | null; items: readonly TrackedProblem[] } | undefined; testId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<>{title} <Tag color={color}>{page?.total ?? 0}</Tag></>}>
      <List
        size="small"
        data-testid={testId}
        dataSource={(page?.items ?? []) as TrackedProblem[]}
        locale={{ emptyText: t('none') }}
        renderItem={(p) => (
          <List.Item extra={<Space size={2}><HandlingTag p={p} /><WarningTag p={p} /></Space>}>
            <Link to={`/problems/${p.problemId}`}>{p.problemId}</Link>&nbsp;{p.responsibleUnitName}：{p.description}
          </List.Item>
        )}
      />
    </Card>
  );
}

function OfficeHome({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const root = useRoot(user);
  const { campaignId, asOf } = useAppState();
  const board = useBoard({ root }, !!root);
  // Enrolling and launching are the office's (and admin's) commands, and never on a view of the past.
  const manager = !asOf && (user.role === 'office' || user.role === 'admin');
  // The forms stay in place whatever the board does: a board that cannot answer for a moment (a view
  // still catching up with a campaign just launched) must not take away a form being filled in.
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {board.data ? (
        <OfficeBoard board={board.data} />
      ) : board.isError ? (
        <Alert
          type="warning"
          showIcon
          title={t('boardUnavailable')}
          data-testid="home-board-unavailable"
          action={<Button size="small" onClick={() => void board.refetch()}>{t('retry')}</Button>}
        />
      ) : (
        <Spin />
      )}
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
  const root = useRoot(user);
  const board = useBoard({ root }, !!root);
  const fixed = useProblems({ root, status: ['fixed'], limit: 20 });
  const overdue = useProblems({ root, overdue: true, limit: 20 });
  const pending = (board.data?.rows ?? []).filter((r) => r.transition.status === 'pending');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-inspector">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('inspectorHome')}</Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={<>{t('pendingTransitions')} <Tag color="blue">{pending.length}</Tag></>}>
            <List
              size="small"
              data-testid="pending-transitions"
              dataSource={pending}
              locale={{ emptyText: t('none') }}
              renderItem={(r) => (
                <List.Item extra={<Tag>{r.phase?.name}</Tag>}>
                  <Link to={`/units/${r.unitId}`}>{r.name}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <ProblemCard title={t('awaitingVerification')} color="orange" page={fixed.data} testId="awaiting-verification" />
        </Col>
        <Col xs={24} lg={8}>
          <ProblemCard title={t('overdueProblems')} color="red" page={overdue.data} testId="overdue-problems" />
        </Col>
      </Row>
    </Space>
  );
}

function LeaderHome({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const root = useRoot(user);
  const tracker = useTracker(root);
  const board = useBoard({ root }, !!root);
  const contact = new Set(user.contactPointUnitIds);
  const contactRows = (board.data?.rows ?? []).filter((r) => contact.has(r.unitId));
  const units = tracker.data?.units ?? [];
  const sum = (k: (typeof HANDLINGS)[number]['key']) => units.reduce((s, u) => s + u.counts.byHandling[k], 0);
  const overdue = units.reduce((s, u) => s + u.counts.overdue, 0);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-leader">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('leaderHome')}</Typography.Title>
      <Card size="small" title={t('tracker')} extra={<Link to="/tracker">{t('open')} →</Link>}>
        <Row gutter={[12, 8]} className="stat-row">
          {HANDLINGS.map((h) => (
            <Col xs={8} md={4} key={h.key}><Statistic title={lang === 'zh' ? h.zh : h.en} value={sum(h.key)} /></Col>
          ))}
          <Col xs={8} md={4}><Statistic title={t('overdue')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} /></Col>
        </Row>
      </Card>
      <Card size="small" title={t('contactPoints')}>
        <DenseTable<BoardRow>
          data-testid="contact-points"
          rowKey="unitId"
          dataSource={contactRows}
          locale={{ emptyText: t('none') }}
          scroll={{ x: 520 }}
          columns={[
            { title: t('unit'), dataIndex: 'name', render: (n: string, r) => <Link to={`/units/${r.unitId}`}>{n}</Link> },
            { title: t('stage'), width: 90, render: (_, r) => stageLabel(r) },
            { title: t('problems'), width: 70, render: (_, r) => r.counts.problems.total },
            { title: t('completionRate'), width: 90, render: (_, r) => <span style={{ color: rateColor(r.metrics.completionRate) }}>{pct(r.metrics.completionRate)}</span> },
          ]}
        />
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
  const missing = (progress.data?.steps ?? []).filter((s) => s.required && !s.done);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-operator">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('operatorHome')} · <Link to={`/units/${unitId}`}>{name}</Link>
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={<>{t('missingSteps')} <Tag color={missing.length ? 'orange' : 'green'}>{missing.length}</Tag></>} extra={<Link to={`/units/${unitId}`}>{t('recordStep')} →</Link>}>
            <List
              size="small"
              data-testid="missing-steps"
              dataSource={missing}
              locale={{ emptyText: t('none') }}
              renderItem={(s) => <List.Item>{progress.data?.currentPhase?.name} · {s.name}</List.Item>}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ProblemCard title={t('problemsDue')} color="red" page={due.data} testId="problems-due" />
        </Col>
      </Row>
    </Space>
  );
}
