import {
  computeMetrics,
  CURRENT_HANDLING_VERSION,
  HANDLING_DEFINITIONS,
  HandlingVersion,
  emptyMetricCounts,
  METRIC_DEFINITIONS,
  MetricCounts,
  Metrics,
  MetricsVersion,
  OrganizationTree,
  RANK_KEY_NAMES,
  RankKey,
  SatisfactionStanding,
  UNIT_TYPE_NAMES,
  UnitLevel,
  UnitStage,
  UnitType,
} from '@platform/domain';
import { emptyHandling, HandlingCounts, UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import { rollupSums } from '../shared/rollups';
import { addLeavesInto } from '../shared/sums';
import { UnitFilter } from '../shared/view-scope';
import { STAGE_NAMES, STANDING_NAMES, TRANSITION_STATUS_NAMES } from './board-labels';
import { rememberedRow } from './board-row-memo';
import { BoardCampaignDoc, BoardUnitDoc } from './progress-board.documents';

export const TIE_BREAK = '排名指标降序（无数据者排在最后），相同时按必做步骤完成率降序，再相同时按组织编码升序';

export interface BoardQuery {
  readonly root: string | null;
  readonly unitType: UnitType | null;
  readonly phaseKey: string | null;
  readonly stage: UnitStage | null;
  readonly rankBy: RankKey;
  readonly metricsVersion: MetricsVersion;
  /** How problems are sorted into the five kinds; the live rule when not given. */
  readonly handlingVersion?: HandlingVersion;
}

export interface BoardInput {
  readonly campaign: BoardCampaignDoc;
  readonly units: readonly BoardUnitDoc[];
  /** The ledger's tallies of the campaign's units. */
  readonly tallies: readonly UnitTallyDoc[];
  readonly tree: OrganizationTree;
  readonly filter: UnitFilter;
}

export interface BoardTotals {
  readonly unitCount: number;
  readonly makeUpUnits: number;
  readonly problemsByHandling: HandlingCounts;
  readonly counts: MetricCounts;
  readonly metrics: Metrics;
}

export interface BoardRow extends BoardTotals {
  readonly rank: number;
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel | null;
  readonly unitType: UnitType | null;
  readonly unitTypeName: string | null;
  readonly parentId: string | null;
  readonly stage: UnitStage;
  readonly stageName: string;
  readonly phase: { key: string; name: string } | null;
  readonly transition: { status: string; statusName: string; phaseKey: string | null; reason: string | null };
  readonly satisfaction: { standing: SatisfactionStanding; standingName: string; rounds: number; openRound: number | null };
  readonly outcome: string | null;
}

export interface BoardRollup extends BoardTotals {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly levelName: string;
}

export interface BoardView {
  readonly campaign: { campaignId: string; name: string; batch: number; templateName: string; phases: { key: string; name: string }[] };
  readonly metricsVersion: MetricsVersion;
  readonly metricsDefinition: string;
  /** Absent under v1: a v1 board keeps exactly the shape notices were published in before the rule was versioned. */
  readonly handlingVersion?: HandlingVersion;
  readonly handlingDefinition?: string;
  readonly rankBy: RankKey;
  readonly rankByName: string;
  readonly tieBreak: string;
  readonly filters: { root: string | null; unitType: UnitType | null; phaseKey: string | null; stage: UnitStage | null };
  readonly total: number;
  readonly rows: BoardRow[];
  readonly rollups: BoardRollup[];
  readonly overall: BoardTotals;
}

function unitCounts(u: BoardUnitDoc, tally: UnitTallyDoc | undefined): MetricCounts {
  const none = emptyMetricCounts();
  return {
    problems: tally?.problems ?? none.problems,
    rechecks: tally?.rechecks ?? none.rechecks,
    participation: u.participation ?? none.participation,
    steps: { requiredDone: u.requiredDone, requiredTotal: u.requiredTotal },
    ballots: u.satisfaction.lastClosed?.counts ?? none.ballots,
  };
}

export type Sum = { unitCount: number; makeUpUnits: number; problemsByHandling: HandlingCounts; counts: MetricCounts };
export const emptySum = (): Sum => ({ unitCount: 0, makeUpUnits: 0, problemsByHandling: emptyHandling(), counts: emptyMetricCounts() });
/** In place: a city's rows are added into each group's sum without building objects per addition. */
export const addRow = (sum: Sum, r: Sum) => {
  sum.unitCount += r.unitCount;
  sum.makeUpUnits += r.makeUpUnits;
  addLeavesInto(sum.problemsByHandling, r.problemsByHandling);
  addLeavesInto(sum.counts, r.counts);
};
export const withMetrics = (sum: Sum, version: MetricsVersion): BoardTotals => ({ ...sum, metrics: computeMetrics(sum.counts, version) });

function totals(rows: readonly BoardTotals[], version: MetricsVersion): BoardTotals {
  const sum = emptySum();
  for (const r of rows) addRow(sum, r);
  return withMetrics(sum, version);
}

/** Descending, unknown (null) last. */
function byRate(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

export function rankOrder(rankBy: RankKey) {
  return (a: Omit<BoardRow, 'rank'>, b: Omit<BoardRow, 'rank'>) =>
    byRate(a.metrics[rankBy], b.metrics[rankBy]) ||
    byRate(a.metrics.stepCompletion, b.metrics.stepCompletion) ||
    (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
}

/**
 * 进度看板 for one campaign at one moment: a ranked row per visible enrolled unit, roll-ups for
 * the city, county and township above them (sums of the rows' counts, rates recomputed), and the
 * overall total. Only visible units are counted anywhere, so a narrow scope reveals nothing else.
 * Pure: the same documents, tree, scope and query always give the same view.
 */
export function boardView(input: BoardInput, q: BoardQuery): BoardView {
  const { tree, filter } = input;
  const unitRow = boardRows(input, q);
  const unranked = input.units
    .filter((u) => filter.visible(u.unitId))
    .filter((u) => !q.unitType || tree.get(u.unitId)?.unitType === q.unitType)
    .filter((u) => !q.phaseKey || (u.stage === 'in_phase' && u.phaseKey === q.phaseKey))
    .filter((u) => !q.stage || u.stage === q.stage)
    .map(unitRow);
  const rows = unranked.sort(rankOrder(q.rankBy)).map((r, i): BoardRow => ({ rank: i + 1, ...r }));

  const rollups = rollupSums(
    tree,
    rows.map((r) => [r.unitId, r] as const),
    emptySum,
    addRow,
  ).map(({ sum, ...node }): BoardRollup => ({ ...node, ...withMetrics(sum, q.metricsVersion) }));

  return { ...boardHeader(input.campaign, q), total: rows.length, rows, rollups, overall: totals(rows, q.metricsVersion) };
}

/** Whether a unit passes the board's own filters (unit type, phase, stage); the scope is apart. */
export function passesBoardFilters(u: BoardUnitDoc, unitType: UnitType | null, q: BoardQuery): boolean {
  return (!q.unitType || unitType === q.unitType) && (!q.phaseKey || (u.stage === 'in_phase' && u.phaseKey === q.phaseKey)) && (!q.stage || u.stage === q.stage);
}

/** The row of one enrolled unit (without its rank), under the query's metrics and handling rules. */
export function boardRows(input: Pick<BoardInput, 'campaign' | 'tallies' | 'tree'>, q: Pick<BoardQuery, 'metricsVersion' | 'handlingVersion'>) {
  const { campaign, tree } = input;
  const phases = new Map(campaign.phases.map((p) => [p.key, p]));
  const tallies = new Map(input.tallies.map((t) => [t.unitId, t]));
  const handlingVersion = q.handlingVersion ?? CURRENT_HANDLING_VERSION;
  const kindsOf = (t: UnitTallyDoc | undefined) => (handlingVersion === 1 ? t?.byHandlingV1 : t?.byHandling) ?? emptyHandling();
  return (u: BoardUnitDoc): Omit<BoardRow, 'rank'> => {
    const node = tree.get(u.unitId);
    const tally = tallies.get(u.unitId);
    const phase = u.phaseKey ? phases.get(u.phaseKey) : undefined;
    const sources = { tally, node, phaseName: phase?.name ?? null, metricsVersion: q.metricsVersion, handlingVersion };
    return rememberedRow(u, sources, () => {
      const counts = unitCounts(u, tally);
      return {
        unitId: u.unitId,
        name: node?.name ?? u.unitId,
        level: node?.level ?? null,
        unitType: node?.unitType ?? null,
        unitTypeName: node ? UNIT_TYPE_NAMES[node.unitType] : null,
        parentId: node?.parentId ?? null,
        stage: u.stage,
        stageName: STAGE_NAMES[u.stage],
        phase: phase ? { key: phase.key, name: phase.name } : null,
        transition: { ...u.transition, statusName: TRANSITION_STATUS_NAMES[u.transition.status] },
        satisfaction: {
          standing: u.satisfaction.standing,
          standingName: STANDING_NAMES[u.satisfaction.standing],
          rounds: u.satisfaction.rounds,
          openRound: u.satisfaction.openRound,
        },
        outcome: u.outcome,
        unitCount: 1,
        makeUpUnits: u.satisfaction.standing === 'make_up' ? 1 : 0,
        problemsByHandling: kindsOf(tally),
        counts,
        metrics: computeMetrics(counts, q.metricsVersion),
      };
    });
  };
}

/** What a board says of its campaign and query, whatever its rows. */
export function boardHeader(campaign: BoardCampaignDoc, q: BoardQuery): Omit<BoardView, 'total' | 'rows' | 'rollups' | 'overall'> {
  const handlingVersion = q.handlingVersion ?? CURRENT_HANDLING_VERSION;
  return {
    campaign: {
      campaignId: campaign.campaignId,
      name: campaign.name,
      batch: campaign.batch,
      templateName: campaign.templateName,
      phases: campaign.phases.map((p) => ({ key: p.key, name: p.name })),
    },
    metricsVersion: q.metricsVersion,
    metricsDefinition: METRIC_DEFINITIONS[q.metricsVersion].name,
    ...(handlingVersion === 1 ? {} : { handlingVersion, handlingDefinition: HANDLING_DEFINITIONS[handlingVersion].name }),
    rankBy: q.rankBy,
    rankByName: RANK_KEY_NAMES[q.rankBy],
    tieBreak: TIE_BREAK,
    filters: { root: q.root, unitType: q.unitType, phaseKey: q.phaseKey, stage: q.stage },
  };
}
