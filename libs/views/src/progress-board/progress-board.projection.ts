import {
  addCounts,
  CampaignEvent,
  emptyCounts,
  SATISFACTION_EVENT_TYPES,
  SatisfactionEvent,
  UNIT_PROGRESS_EVENT_TYPES,
  UnitProgressEvent,
} from '@platform/domain';
import { DocumentWrite, Projection, ProjectionContext, upsert } from '@platform/read-models';
import { BOARD_CAMPAIGNS, BOARD_UNITS, BoardCampaignDoc, BoardUnitDoc, boardUnitId } from './progress-board.documents';

type BoardEvent = CampaignEvent | UnitProgressEvent | SatisfactionEvent;

function newUnit(campaign: BoardCampaignDoc, unitId: string): BoardUnitDoc {
  return withStepCounts(campaign, {
    _id: boardUnitId(campaign.campaignId, unitId),
    campaignId: campaign.campaignId,
    unitId,
    stage: 'in_phase',
    phaseIndex: 0,
    phaseKey: campaign.phases[0]?.key ?? null,
    stepsDone: {},
    requiredDone: 0,
    requiredTotal: 0,
    transition: { status: 'none', phaseKey: null, reason: null },
    participation: null,
    satisfaction: { standing: 'not_measured', rounds: 0, openRound: null, openCounts: null, lastClosed: null },
    outcome: null,
  });
}

/** Required steps done of the unit's current phase, from the template the campaign launched with. */
function withStepCounts(campaign: BoardCampaignDoc, unit: BoardUnitDoc): BoardUnitDoc {
  const phase = campaign.phases.find((p) => p.key === unit.phaseKey);
  const done = new Set(unit.phaseKey ? (unit.stepsDone[unit.phaseKey] ?? []) : []);
  const required = phase?.requiredStepKeys ?? [];
  return { ...unit, requiredDone: required.filter((k) => done.has(k)).length, requiredTotal: required.length };
}

function launched(e: Extract<CampaignEvent, { type: 'CampaignLaunched' }>, occurredAt: string): BoardCampaignDoc {
  const d = e.data;
  return {
    _id: d.campaignId,
    campaignId: d.campaignId,
    name: d.name,
    batch: d.batch,
    templateKey: d.template.key,
    templateName: d.template.name,
    kind: d.template.kind,
    parentCampaignId: d.parentCampaignId,
    phases: d.template.phases.map((p) => ({ key: p.key, name: p.name, requiredStepKeys: p.steps.filter((s) => s.required).map((s) => s.key) })),
    satisfactionThreshold: d.satisfactionThreshold,
    enrolledCount: 0,
    launchedAt: occurredAt,
  };
}

async function enroll(ctx: ProjectionContext, campaign: BoardCampaignDoc, unitIds: readonly string[]): Promise<DocumentWrite[]> {
  const writes: DocumentWrite[] = [];
  let added = 0;
  for (const unitId of new Set(unitIds)) {
    if (await ctx.get(BOARD_UNITS, boardUnitId(campaign.campaignId, unitId))) continue;
    writes.push(upsert(BOARD_UNITS, newUnit(campaign, unitId)));
    added++;
  }
  writes.push(upsert(BOARD_CAMPAIGNS, { ...campaign, enrolledCount: campaign.enrolledCount + added }));
  return writes;
}

function evolveUnit(campaign: BoardCampaignDoc, u: BoardUnitDoc, e: UnitProgressEvent | SatisfactionEvent): BoardUnitDoc {
  switch (e.type) {
    case 'StepRecorded': {
      const done = u.stepsDone[e.data.phaseKey] ?? [];
      if (done.includes(e.data.stepKey)) return u;
      return withStepCounts(campaign, { ...u, stepsDone: { ...u.stepsDone, [e.data.phaseKey]: [...done, e.data.stepKey] } });
    }
    case 'ParticipationRecorded': {
      const excused = e.data.excused.reduce((n, x) => n + x.count, 0);
      return { ...u, participation: { shouldAttend: e.data.shouldAttend, attended: e.data.attended, excused } };
    }
    case 'TransitionApplied':
      return { ...u, transition: { status: 'pending', phaseKey: e.data.phaseKey, reason: null } };
    case 'TransitionRejected':
      return { ...u, transition: { status: 'rejected', phaseKey: e.data.phaseKey, reason: e.data.reason } };
    case 'TransitionApproved': {
      const next = e.data.nextPhaseKey;
      const moved = { ...u, stage: e.data.nextStage, transition: { status: 'none' as const, phaseKey: null, reason: null } };
      return next ? withStepCounts(campaign, { ...moved, phaseIndex: u.phaseIndex + 1, phaseKey: next }) : moved;
    }
    case 'UnitConcluded':
      return { ...u, stage: 'concluded', outcome: e.data.outcome };
    case 'SatisfactionRoundOpened':
      return { ...u, satisfaction: { ...u.satisfaction, rounds: e.data.round, openRound: e.data.round, openCounts: emptyCounts() } };
    case 'BallotTallyRecorded':
      return { ...u, satisfaction: { ...u.satisfaction, openCounts: addCounts(u.satisfaction.openCounts ?? emptyCounts(), e.data.counts) } };
    case 'BallotCast': {
      const counts = u.satisfaction.openCounts ?? emptyCounts();
      return { ...u, satisfaction: { ...u.satisfaction, openCounts: { ...counts, [e.data.grade]: counts[e.data.grade] + 1 } } };
    }
    case 'SatisfactionRoundClosed': {
      const { round, counts, threshold, passed } = e.data;
      return {
        ...u,
        satisfaction: {
          ...u.satisfaction,
          standing: passed ? 'passed' : 'make_up',
          openRound: null,
          openCounts: null,
          lastClosed: { round, counts, threshold, passed },
        },
      };
    }
    default:
      return u;
  }
}

/**
 * 进度看板: a campaign document and one row per enrolled unit (phase, required steps of the
 * current phase, transition, participation, satisfaction). Problem figures come from the
 * rectification ledger; rates are never stored, only the counts they are computed from.
 */
export const progressBoardProjection: Projection<BoardEvent['data']> = {
  name: 'progress-board',
  version: 2,
  collections: [BOARD_CAMPAIGNS, BOARD_UNITS],
  versioned: [BOARD_CAMPAIGNS, BOARD_UNITS],
  handles: ['CampaignLaunched', 'UnitsEnrolled', ...UNIT_PROGRESS_EVENT_TYPES, ...SATISFACTION_EVENT_TYPES],
  indexes: { [BOARD_UNITS]: { campaignId: 'scalar', unitId: 'scalar' } },
  async evolve(stored, ctx) {
    const e = stored as unknown as BoardEvent;
    if (e.type === 'CampaignLaunched') {
      if (await ctx.get(BOARD_CAMPAIGNS, e.data.campaignId)) return [];
      return enroll(ctx, launched(e, stored.occurredAt), e.data.enrolledUnitIds);
    }
    const campaign = await ctx.get<BoardCampaignDoc>(BOARD_CAMPAIGNS, e.data.campaignId);
    if (!campaign) return [];
    if (e.type === 'UnitsEnrolled') return enroll(ctx, campaign, e.data.unitIds);
    const id = boardUnitId(campaign.campaignId, e.data.unitId);
    // The deciders only accept events of enrolled units; a row is created rather than an event lost.
    const unit = (await ctx.get<BoardUnitDoc>(BOARD_UNITS, id)) ?? newUnit(campaign, e.data.unitId);
    return [upsert(BOARD_UNITS, evolveUnit(campaign, unit, e))];
  },
};
