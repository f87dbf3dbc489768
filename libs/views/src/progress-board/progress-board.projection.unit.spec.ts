import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { CAMPAIGN, grades, launched, progress, roundFailed, satisfaction, step, STUDY_STEPS } from '../testing/view-fixtures';
import { BOARD_CAMPAIGNS, BOARD_UNITS, BoardCampaignDoc, BoardUnitDoc } from './progress-board.documents';
import { progressBoardProjection } from './progress-board.projection';

const campaignDoc = (enrolledCount: number): BoardCampaignDoc => ({
  _id: CAMPAIGN,
  campaignId: CAMPAIGN,
  name: '第二批先进性教育活动',
  batch: 2,
  templateKey: 'advanced-education',
  templateName: '保持共产党员先进性教育活动',
  kind: 'education',
  parentCampaignId: null,
  phases: [
    { key: 'study', name: '学习动员', requiredStepKeys: STUDY_STEPS },
    {
      key: 'analysis',
      name: '分析评议',
      requiredStepKeys: [
        'soliciting_opinions',
        'heart_to_heart_talks',
        'party_spirit_analysis',
        'organizational_life_meeting',
        'democratic_appraisal',
        'appraisal_report',
      ],
    },
    {
      key: 'rectification',
      name: '整改提高',
      requiredStepKeys: ['rectification_plan', 'plan_publication', 'implementation', 'results_publication', 'satisfaction_evaluation'],
    },
  ],
  satisfactionThreshold: 0.8,
  enrolledCount,
  launchedAt: '2026-03-01T08:01:00.000Z',
});

const unitDoc = (unitId: string, over: Partial<BoardUnitDoc> = {}): BoardUnitDoc => ({
  _id: `${CAMPAIGN}.${unitId}`,
  campaignId: CAMPAIGN,
  unitId,
  stage: 'in_phase',
  phaseIndex: 0,
  phaseKey: 'study',
  stepsDone: {},
  requiredDone: 0,
  requiredTotal: 4,
  transition: { status: 'none', phaseKey: null, reason: null },
  participation: null,
  satisfaction: { standing: 'not_measured', rounds: 0, openRound: null, openCounts: null, lastClosed: null },
  outcome: null,
  ...over,
});

describe('progress-board projection', () => {
  const spec = specifyProjection(progressBoardProjection);

  it('creates a row per enrolled unit, on launch and on later enrolment', async () => {
    await spec.given([launched(CAMPAIGN, ['branch-1']), { type: 'UnitsEnrolled', data: { campaignId: CAMPAIGN, unitIds: ['branch-1', 'branch-2'] } }]).then({
      [BOARD_CAMPAIGNS]: [campaignDoc(2)],
      [BOARD_UNITS]: [unitDoc('branch-1'), unitDoc('branch-2')],
    });
  });

  it('counts required steps of the current phase, and starts the next phase from zero after approval', async () => {
    await spec
      .given([
        launched(CAMPAIGN, ['branch-1']),
        ...STUDY_STEPS.map((s) => step('branch-1', 'study', s)),
        step('branch-1', 'study', 'mobilization_meeting'),
        progress('branch-1', 'ParticipationRecorded', { shouldAttend: 38, attended: 35, excused: [{ reason: '流动党员', count: 2 }, { reason: '因病', count: 1 }] }),
        progress('branch-1', 'TransitionApplied', { phaseKey: 'study', appliedBy: 'op-1', note: '' }),
        progress('branch-1', 'TransitionApproved', { phaseKey: 'study', approvedBy: 'insp-1', comment: '同意', nextPhaseKey: 'analysis', nextStage: 'in_phase' }),
        step('branch-1', 'analysis', 'soliciting_opinions'),
        progress('branch-1', 'TransitionApplied', { phaseKey: 'analysis', appliedBy: 'op-1', note: '' }),
        progress('branch-1', 'TransitionRejected', { phaseKey: 'analysis', rejectedBy: 'insp-1', reason: '谈心谈话未覆盖全体党员' }),
      ])
      .then({
        [BOARD_CAMPAIGNS]: [campaignDoc(1)],
        [BOARD_UNITS]: [
          unitDoc('branch-1', {
            phaseIndex: 1,
            phaseKey: 'analysis',
            stepsDone: { study: STUDY_STEPS, analysis: ['soliciting_opinions'] },
            requiredDone: 1,
            requiredTotal: 6,
            transition: { status: 'rejected', phaseKey: 'analysis', reason: '谈心谈话未覆盖全体党员' },
            participation: { shouldAttend: 38, attended: 35, excused: 3 },
          }),
        ],
      });
  });

  it('keeps the last phase (all done) once every phase is passed', async () => {
    const { [BOARD_UNITS]: units } = await spec
      .given([
        launched(CAMPAIGN, ['branch-1']),
        ...['rectification_plan', 'plan_publication', 'implementation', 'results_publication', 'satisfaction_evaluation'].map((s) =>
          step('branch-1', 'rectification', s),
        ),
        progress('branch-1', 'TransitionApproved', { phaseKey: 'study', approvedBy: 'i', comment: '', nextPhaseKey: 'analysis', nextStage: 'in_phase' }),
        progress('branch-1', 'TransitionApproved', { phaseKey: 'analysis', approvedBy: 'i', comment: '', nextPhaseKey: 'rectification', nextStage: 'in_phase' }),
        progress('branch-1', 'TransitionApproved', { phaseKey: 'rectification', approvedBy: 'i', comment: '', nextPhaseKey: null, nextStage: 'consolidation' }),
        progress('branch-1', 'UnitConcluded', { summary: '好', outcome: null, concludedBy: 'i' }),
      ])
      .documents();
    expect(units[0]).toMatchObject({ stage: 'concluded', phaseIndex: 2, phaseKey: 'rectification', requiredDone: 5, requiredTotal: 5 });
  });

  it('keeps the running tally of an open round apart from the result of the last closed one (补课)', async () => {
    await spec
      .given([
        launched(CAMPAIGN, ['branch-1']),
        satisfaction('branch-1', 'SatisfactionRoundOpened', { round: 1, openedBy: 'op-1' }),
        satisfaction('branch-1', 'BallotTallyRecorded', { round: 1, tallyId: 't1', meeting: '测评大会', counts: grades(30, 10, 5, 15), recordedBy: 'op-1' }),
        roundFailed('branch-1', 1, 'op-1'),
        satisfaction('branch-1', 'SatisfactionRoundOpened', { round: 2, openedBy: 'op-1' }),
        satisfaction('branch-1', 'BallotCast', { round: 2, ballotId: 'b1', grade: 'satisfied' }),
      ])
      .then({
        [BOARD_CAMPAIGNS]: [campaignDoc(1)],
        [BOARD_UNITS]: [
          unitDoc('branch-1', {
            satisfaction: {
              standing: 'make_up',
              rounds: 2,
              openRound: 2,
              openCounts: grades(1, 0, 0, 0),
              lastClosed: { round: 1, counts: grades(30, 10, 5, 15), threshold: 0.8, passed: false },
            },
          }),
        ],
      });
  });

  it('ignores events of campaigns it never saw launched', async () => {
    await spec.given([step('branch-1', 'study', 'mobilization_meeting')]).then({});
  });
});
