import { ContactsOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Col, Empty, Grid, Row, Space, Statistic, TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BoardFilters, useBoard, useOrganizations } from '../api/queries';
import type { BoardChild, BoardRow } from '../api/view-types';
import { useSyncExternalStore } from 'react';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useAppState } from '../shared/app-state';
import { CellTag, CellTags } from '../shared/cell-tag';
import { AfterPaint } from '../shared/deferred';
import { WideTable } from '../shared/WideTable';
import { Chart } from '../shared/LazyChart';
import { ExportButtons } from '../shared/ExportButtons';
import { FilterSelect } from '../shared/FilterSelect';
import { ancestry, stageColor, stageOrder, topOf } from '../shared/drill';
import { boardFilters, boardRowsPage, scopeRoot } from '../shared/page-filters';
import { pct, rateColor } from '../shared/format';
import { DenseTable } from '../shared/DenseTable';
import { anyFailed, Pending } from '../shared/QueryFailed';

const UNIT_TYPES = [
  ['rural', '农村'],
  ['community', '街道社区'],
  ['agency', '机关'],
  ['school', '学校'],
  ['enterprise', '企业'],
  ['new_social', '两新组织'],
  ['intermediary', '中介组织'],
  ['social_group', '社会团体'],
] as const;

/** The ranking's sortable columns and the rate the server ranks by for each. */
const RANKED_COLUMNS: Record<string, NonNullable<BoardFilters['rankBy']>> = {
  stepCompletion: 'stepCompletion',
  participation: 'participationRate',
  completionRate: 'completionRate',
  onTimeRate: 'onTimeRate',
  satisfaction: 'satisfactionRate',
};
const rankedBy = (rankBy: BoardFilters['rankBy'], column: string) => ((rankBy ?? 'completionRate') === RANKED_COLUMNS[column] ? ('descend' as const) : null);

/**
 * On a phone a table keeps what fits 390 px under short titles: the ranking its rank, the unit (its stage
 * and problems under the name) and three rates — steps, rectification, and the rate it is ranked by
 * (participation unless that is on time or satisfaction); the subordinates' table the unit and four rates.
 */
const PHONE_RATE_WIDTH = 60;
// Its cells in a smaller type on one line (app.css): at 60 px a 100.0% broke before its % sign.
const phoneRate = <T,>(column: TableColumnsType<T>[number] | undefined, title: string) => ({ ...column, title, width: PHONE_RATE_WIDTH, className: 'phone-rate' }) as TableColumnsType<T>[number];
const PHONE_SHORT: Record<string, MessageKey> = { stepCompletion: 'stepShort', participation: 'participationShort', completionRate: 'completionShort', onTimeRate: 'onTimeShort', satisfaction: 'satisfactionShort' };

const Rate = ({ v }: { v: number | null | undefined }) => <span style={{ color: rateColor(v), fontVariantNumeric: 'tabular-nums' }}>{pct(v)}</span>;

/** 进度看板: city → county → township → unit, with the phase chart, subordinate totals and the ranking. */
export default function BoardPage() {
  const { t } = useI18n();
  const user = useSyncExternalStore(session.subscribe, session.user)!;
  const { campaignId, asOf } = useAppState();
  const [params, setParams] = useSearchParams();
  const orgs = useOrganizations();
  const units = useMemo(() => new Map((orgs.data ?? []).map((u) => [u.unitId, u])), [orgs.data]);
  // What the request names is known at once (the route's loader already asked for it): the address's root, else the
  // reader's scope root, else nothing — the reader's whole scope, whose top the answer itself shows. Never wait for the tree.
  const asked = params.get('root') ?? scopeRoot(user);
  const filters: BoardFilters = boardFilters(params, asked);
  const rowsPage = boardRowsPage(params);
  const rankBy = filters.rankBy;
  // The ranking's one page, the children and the roll-ups: never the whole ranking of a city.
  const board = useBoard(filters, true, rowsPage);
  const top = board.data?.rollups.find((r) => r.level === 'city')?.unitId ?? board.data?.rollups[0]?.unitId;
  const root = asked ?? top ?? (orgs.data ? topOf(orgs.data, user.scopeUnitIds) : null);
  const setAll = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  // A new root or filter starts the ranking on its first page.
  const set = (key: string, value: string | undefined) => setAll({ [key]: value, page: undefined });

  const lines = board.data?.children ?? [];
  // Stages in the order a unit passes them, as the server orders each child's (phases, then consolidation, summary, concluded).
  const order = useMemo(() => stageOrder(board.data?.campaign.phases ?? []), [board.data]);
  const stages = useMemo(() => {
    const present = new Map<string, string>();
    for (const c of board.data?.children ?? []) for (const st of c.stages) present.set(st.key, st.name);
    return [...present].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([key, name]) => ({ key, name }));
  }, [board.data, order]);

  // Built once per language and ranking: a new column list on every render has the table work out its columns again.
  // Plain spans in the cells (a tag's classes, a native tooltip): a component per cell is most of the table's work.
  const phone = Grid.useBreakpoint().sm === false;
  const rankingColumns = useMemo<TableColumnsType<BoardRow>>(() => {
    const desk: TableColumnsType<BoardRow> = [
      { title: t('rank'), dataIndex: 'rank', width: 56, fixed: 'left' },
      { title: t('unit'), dataIndex: 'name', width: 200, fixed: 'left', render: (name: string, r) => <Link to={`/units/${r.unitId}`}>{name}</Link> },
      { title: t('unitType'), dataIndex: 'unitTypeName', width: 80 },
      {
        title: t('stage'),
        width: 130,
        render: (_, r) => (
          <CellTags>
            <span>{r.phase && r.stage === 'in_phase' ? r.phase.name : r.stageName}</span>
            {r.transition.status === 'pending' && <CellTag color="blue">待审批</CellTag>}
            {r.transition.status === 'rejected' && <CellTag color="red">退回</CellTag>}
          </CellTags>
        ),
      },
      { key: 'stepCompletion', title: t('stepCompletion'), width: 90, sorter: true, sortOrder: rankedBy(rankBy, 'stepCompletion'), sortDirections: ['descend'], render: (_, r) => <Rate v={r.metrics.stepCompletion} /> },
      {
        key: 'participation',
        title: <span title={t('participationSourceHint')}>{t('participation')}</span>,
        width: 96,
        sorter: true,
        sortOrder: rankedBy(rankBy, 'participation'),
        sortDirections: ['descend'],
        render: (_, r) => (
          <CellTags>
            <span data-testid={`participation-${r.unitId}`}>
              <Rate v={r.metrics.participationRate} />
              {r.participationSource === 'roster' && (
                <span title={t('participationFromRoster')} className="roster-mark">
                  <ContactsOutlined data-testid="participation-from-roster" />
                </span>
              )}
            </span>
          </CellTags>
        ),
      },
      { title: t('problems'), width: 64, render: (_, r) => r.counts.problems.total },
      { key: 'completionRate', title: t('completionRate'), width: 90, sorter: true, sortOrder: rankedBy(rankBy, 'completionRate'), sortDirections: ['descend'], render: (_, r) => <Rate v={r.metrics.completionRate} /> },
      { key: 'onTimeRate', title: t('onTimeRate'), width: 80, sorter: true, sortOrder: rankedBy(rankBy, 'onTimeRate'), sortDirections: ['descend'], render: (_, r) => <Rate v={r.metrics.onTimeRate} /> },
      { key: 'satisfaction', title: t('satisfaction'), width: 80, sorter: true, sortOrder: rankedBy(rankBy, 'satisfaction'), sortDirections: ['descend'], render: (_, r) => <Rate v={r.metrics.satisfactionRate} /> },
      { title: t('makeUp'), width: 64, render: (_, r) => (r.satisfaction?.standing === 'make_up' || r.makeUpUnits > 0 ? <CellTag color="red">{r.satisfaction?.standingName ?? t('makeUp')}</CellTag> : '') },
    ];
    if (!phone) return desk;
    const ranked = Object.keys(RANKED_COLUMNS).find((k) => RANKED_COLUMNS[k] === (rankBy ?? 'completionRate'));
    const third = ranked === 'onTimeRate' || ranked === 'satisfaction' ? ranked : 'participation';
    const [rankColumn, , , stage] = desk;
    return [
      { ...rankColumn, title: '#', width: 40, fixed: undefined },
      {
        title: t('unit'),
        dataIndex: 'name',
        render: (name: string, r) => (
          <div className="cell-stack">
            <Link to={`/units/${r.unitId}`}>{name}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(stage as { render: (v: unknown, r: BoardRow, i: number) => React.ReactNode }).render(undefined, r, 0)}
              {r.counts.problems.total > 0 && ` ${t('problemsShort')} ${r.counts.problems.total}`}
            </Typography.Text>
          </div>
        ),
      },
      ...['stepCompletion', 'completionRate', third].map((key) => phoneRate(desk.find((c) => c.key === key), t(PHONE_SHORT[key]))),
    ];
  }, [t, rankBy, phone]);

  const childRate = (key: string, v: (m: NonNullable<BoardChild['rollup'] | BoardChild['row']>['metrics']) => number | null | undefined) =>
    phoneRate<BoardChild>(
      {
        render: (_: unknown, l: BoardChild) => {
          const m = (l.rollup ?? l.row)?.metrics;
          return <Rate v={m && v(m)} />;
        },
      },
      t(PHONE_SHORT[key]),
    );
  const phoneChildColumns: TableColumnsType<BoardChild> = [
    {
      title: t('unit'),
      dataIndex: 'name',
      render: (name: string, l) => (
        <div className="cell-stack">
          {l.rollup ? <a onClick={() => set('root', l.unitId)}>{name}</a> : <Link to={`/units/${l.unitId}`}>{name}</Link>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.rollup ? `${t('units')} ${l.rollup.unitCount} · ` : ''}
            {t('problemsShort')} {(l.rollup ?? l.row)?.counts.problems.total ?? 0}
          </Typography.Text>
        </div>
      ),
    },
    childRate('stepCompletion', (m) => m.stepCompletion),
    childRate('participation', (m) => m.participationRate),
    childRate('completionRate', (m) => m.completionRate),
    childRate('satisfaction', (m) => m.satisfactionRate),
  ];

  if (!campaignId) return <Empty description={t('noCampaign')} />;
  // The ranking's table is drawn before its answer arrives (empty, loading), so what it costs to set up (columns, header,
  // pager) is spent while the request is on its way; the answer then only fills its rows.
  const b = board.data && root ? board.data : null;
  const overall = b && root ? (b.rollups.find((r) => r.unitId === root) ?? { ...b.overall, name: units.get(root)?.name ?? root }) : null;
  // The page waits on the board, and on the tree only where the board's answer did not name its top.
  const waitingOn = board.data ? [orgs] : [board];
  const exportQuery = new URLSearchParams({ ...(root ? { root } : {}), ...(asOf ? { asOf } : {}) });

  return (
    <div className="page-stack">
      {b && overall && root ? (
        <>
          <Breadcrumb
            data-testid="board-breadcrumb"
            items={ancestry(units, root).map((u) => ({ title: u.unitId === root ? u.name : <a onClick={() => set('root', u.unitId)}>{u.name}</a> }))}
          />
          <Card size="small" title={`${b.campaign.name} · ${overall.name}`} extra={<Typography.Text type="secondary">{b.metricsDefinition}</Typography.Text>}>
            <Row gutter={[12, 8]} className="stat-row" data-testid="board-overall">
              <Col xs={8} md={3}><Statistic title={t('units')} value={overall.unitCount} /></Col>
              <Col xs={8} md={3}><Statistic title={t('stepCompletion')} value={pct(overall.metrics.stepCompletion)} /></Col>
              <Col xs={8} md={3}><Statistic title={t('participation')} value={pct(overall.metrics.participationRate)} /></Col>
              <Col xs={8} md={3}><Statistic title={t('problems')} value={overall.counts.problems.total} /></Col>
              <Col xs={8} md={3}><Statistic title={t('completionRate')} value={pct(overall.metrics.completionRate)} styles={{ content: { color: rateColor(overall.metrics.completionRate) } }} /></Col>
              <Col xs={8} md={3}><Statistic title={t('onTimeRate')} value={pct(overall.metrics.onTimeRate)} /></Col>
              <Col xs={8} md={3}><Statistic title={t('satisfaction')} value={pct(overall.metrics.satisfactionRate)} /></Col>
              <Col xs={8} md={3}><Statistic title={t('makeUp')} value={overall.makeUpUnits} styles={{ content: { color: overall.makeUpUnits ? '#cf1322' : undefined } }} /></Col>
            </Row>
          </Card>
          <Space wrap>
            <FilterSelect name="unitType" set={set} value={filters.unitType} style={{ width: 140 }} placeholder={t('unitType')} options={UNIT_TYPES.map(([value, label]) => ({ value, label }))} testId="filter-unit-type" />
            <FilterSelect name="phaseKey" set={set} value={filters.phaseKey} style={{ width: 140 }} placeholder={t('phase')} options={b.campaign.phases.map((p) => ({ value: p.key, label: p.name }))} />
            <ExportButtons path={(format) => `/api/campaigns/${campaignId}/board/export?${exportQuery}&format=${format}`} name="board" testId="export-board" />
          </Space>
          {/* The phase chart and the subordinates' table follow the ranking, in a task of their own once it is shown. */}
          <AfterPaint minHeight={Math.max(240, lines.length * 26 + 80) + 40}>
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={10}>
                <Card size="small" title={t('phaseDistribution')}>
                  <Chart
                    testId="phase-chart"
                    height={Math.max(240, lines.length * 26 + 80)}
                    option={{
                      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                      legend: { top: 0, type: 'scroll' },
                      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                      xAxis: { type: 'value', minInterval: 1 },
                      yAxis: { type: 'category', inverse: true, data: lines.map((l) => l.name), axisLabel: { width: 110, overflow: 'truncate' } },
                      series: stages.map((s) => ({
                        name: s.name,
                        type: 'bar',
                        stack: 'stage',
                        color: stageColor(order, s.key),
                        data: lines.map((l) => l.stages.find((st) => st.key === s.key)?.count ?? 0),
                      })),
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <Card size="small" title={t('subordinates')}>
                  <DenseTable<BoardChild>
                    data-testid="board-children"
                    rowKey="unitId"
                    scroll={phone ? { y: 420 } : { x: 640, y: 420 }}
                    dataSource={lines}
                    columns={phone ? phoneChildColumns : [
                      {
                        title: t('unit'),
                        dataIndex: 'name',
                        fixed: 'left',
                        width: 150,
                        render: (name: string, l) =>
                          l.rollup ? <a onClick={() => set('root', l.unitId)}>{name}</a> : <Link to={`/units/${l.unitId}`}>{name}</Link>,
                      },
                      { title: t('units'), width: 60, render: (_, l) => l.rollup?.unitCount ?? 1 },
                      { title: t('stepCompletion'), width: 90, render: (_, l) => <Rate v={(l.rollup ?? l.row)?.metrics.stepCompletion} /> },
                      { title: t('participation'), width: 80, render: (_, l) => <Rate v={(l.rollup ?? l.row)?.metrics.participationRate} /> },
                      { title: t('problems'), width: 60, render: (_, l) => (l.rollup ?? l.row)?.counts.problems.total },
                      { title: t('completionRate'), width: 90, render: (_, l) => <Rate v={(l.rollup ?? l.row)?.metrics.completionRate} /> },
                      { title: t('satisfaction'), width: 80, render: (_, l) => <Rate v={(l.rollup ?? l.row)?.metrics.satisfactionRate} /> },
                      { title: t('makeUp'), width: 50, render: (_, l) => (l.rollup ?? l.row)?.makeUpUnits || '' },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </AfterPaint>
        </>
      ) : (
        <Pending queries={waitingOn} what={t('board')} testId="board-failed" />
      )}
      <Card size="small" data-testid="board-ranking-card" title={b ? `${t('ranking')}（${b.rankByName}）` : t('ranking')} extra={b && <Typography.Text type="secondary">{t('total', { n: b.total })}</Typography.Text>}>
        <WideTable<BoardRow>
          data-testid="board-ranking"
          rowKey="unitId"
          dataSource={(b?.rows ?? []) as BoardRow[]}
          loading={(!b && !anyFailed(waitingOn)) || board.isPlaceholderData}
          pagination={{
            current: rowsPage.skip / rowsPage.limit + 1,
            pageSize: rowsPage.limit,
            total: b?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            size: 'small',
          }}
          onChange={(pagination, _filters, sorter) => {
            const column = Array.isArray(sorter) ? undefined : (sorter.columnKey as string | undefined);
            const rankBy = column && sorter && !Array.isArray(sorter) && sorter.order ? RANKED_COLUMNS[column] : undefined;
            const changedRank = (rankBy ?? 'completionRate') !== (filters.rankBy ?? 'completionRate');
            setAll({
              rankBy: rankBy === 'completionRate' ? undefined : rankBy,
              page: changedRank || !pagination.current || pagination.current === 1 ? undefined : String(pagination.current),
              pageSize: pagination.pageSize && pagination.pageSize !== 20 ? String(pagination.pageSize) : undefined,
            });
          }}
          minWidth={phone ? 0 : 1000}
          columns={rankingColumns}
        />
      </Card>
    </div>
  );
}
