import { decisionStateOf, evolveProblem, initialProblemState, ProblemEvent } from '@platform/domain';
import { specifyProjection, storedEvents } from '@platform/read-models/testing/projection-specification';
import { CAMPAIGN, jointStarted, launched, LOOK_BACK, planned, problem, registered, solved } from '../testing/view-fixtures';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEM_STATES, LEDGER_PROBLEMS, LedgerProblemDoc, NO_RUNNING_DEADLINE } from './rectification-ledger.documents';
import { addLeaves, contributions, LEDGER_UNIT_TALLIES, UnitTallyDoc } from './unit-tallies';
import { rectificationLedgerProjection } from './rectification-ledger.projection';
import { LEDGER_NODE_TALLIES, LEDGER_TREE } from './node-tallies';

const stateOf = (events: ReturnType<typeof storedEvents>) =>
  events.reduce((s, e) => evolveProblem(s, e as unknown as ProblemEvent), initialProblemState());

describe('rectification-ledger projection', () => {
  const spec = specifyProjection(rectificationLedgerProjection);

  it('keeps each problem as the domain folds it, with the dates metrics need', async () => {
    const given = [launched(), ...solved('p-1', 'branch-1', '2026-04-30', '2026-04-20T09:00:00.000Z')];
    const problemEvents = storedEvents(given).slice(1);
    const expected: LedgerProblemDoc = {
      _id: 'p-1',
      problemId: 'p-1',
      campaignId: CAMPAIGN,
      campaignIds: [CAMPAIGN],
      responsibleUnitId: 'branch-1',
      unitIds: ['branch-1'],
      source: 'democratic_appraisal',
      category: 'work_style',
      description: '问题 p-1',
      responsibleLeader: '张书记',
      handler: '李经办',
      cycle: 1,
      status: 'closed',
      handling: 'solved',
      handlingV1: 'solved',
      underSupervision: false,
      supervision: null,
      timing: 'by_deadline',
      measures: ['建立走访制度'],
      deadline: '2026-04-30',
      runningDeadline: NO_RUNNING_DEADLINE,
      urgencyKey: '2 2026-04-30',
      listKey: '2 2026-04-30 p-1',
      published: false,
      deferral: null,
      joint: null,
      rechecks: [],
      discoveredAt: '2026-02-20',
      registeredAt: '2026-03-01T08:02:00.000Z',
      fixedAt: '2026-03-01T08:04:00.000Z',
      verifiedAt: '2026-04-20T09:00:00.000Z',
      verifiedDeadline: '2026-04-30',
      closedAt: '2026-04-20T09:00:00.000Z',
      closedDeadline: '2026-04-30',
      lastChangedAt: '2026-04-20T09:00:00.000Z',
    };
    const tally: UnitTallyDoc = {
      _id: `${CAMPAIGN}.branch-1`,
      campaignId: CAMPAIGN,
      unitId: 'branch-1',
      byHandling: { being_rectified: 0, by_deadline: 0, deferred: 0, joint: 0, solved: 1 },
      byHandlingV1: { being_rectified: 0, by_deadline: 0, deferred: 0, joint: 0, solved: 1 },
      problems: {
        total: 1,
        closed: 1,
        closedWithDeadline: 1,
        closedOnTime: 1,
        verifiedOrClosed: 1,
        verifiedOrClosedWithDeadline: 1,
        verifiedOrClosedOnTime: 1,
      },
      rechecks: { rechecked: 0, rebounded: 0 },
      tracker: {
        total: 1,
        closed: 1,
        verified: 0,
        fixedAwaitingVerification: 0,
        inProgress: 0,
        deferred: 0,
        joint: 0,
        jointParts: { total: 0, closed: 0 },
        runningDeadlines: {},
        openPartDeadlines: {},
      },
    };
    const { _id, campaignId, unitId, ...counts } = tally;
    await spec.given(given).then({
      [LEDGER_CAMPAIGNS]: [
        { _id: CAMPAIGN, campaignId: CAMPAIGN, name: '第二批先进性教育活动', parentCampaignId: null, warningThresholds: { greenDays: 20, yellowDays: 10 } },
      ],
      [LEDGER_PROBLEMS]: [expected],
      [LEDGER_PROBLEM_STATES]: [{ _id: 'p-1', state: decisionStateOf(stateOf(problemEvents)) }],
      [LEDGER_UNIT_TALLIES]: [tally],
      // No organization events given: the unit is its own only node.
      [LEDGER_NODE_TALLIES]: [{ ...counts, _id: tally._id, campaignId: CAMPAIGN, nodeId: 'branch-1', level: null }],
      [LEDGER_TREE]: [],
    });
  });

  it('follows deferral, joint handling with its parts, and a rebound that reopens it in the look-back', async () => {
    const docs = await spec
      .given([
        registered('p-2', 'branch-3'),
        planned('p-2', '2026-05-31'),
        problem('p-2', 'ProblemDeferred', {
          constraint: '道路改造需列入县财政预算',
          explanation: { text: '已向村民说明', date: '2026-03-10' },
          reReviewDate: '2026-09-01',
          gradualMeasures: ['先修补'],
          deferredBy: 'op-3',
        }),
        registered('p-3', 'branch-1'),
        planned('p-3', '2026-05-31'),
        jointStarted('p-3', '涉及多个部门', [
          ['branch-1', '排查', '2026-04-30'],
          ['branch-2', '整治', '2026-05-15'],
        ]),
        problem('p-3', 'PartClosed', { partId: 'a', evidence: '排查表', closedBy: 'op-1' }),
        ...solved('p-4', 'branch-2', '2026-04-30', '2026-04-01T00:00:00.000Z'),
        problem('p-4', 'ProblemRebounded', { lookBackCampaignId: LOOK_BACK, previousCycle: 1, cycle: 2, finding: '又出现', checkedBy: 'insp-1' }),
      ])
      .documents();
    const byId = Object.fromEntries(docs[LEDGER_PROBLEMS].map((d) => [d._id, d as unknown as LedgerProblemDoc]));
    expect(byId['p-2']).toMatchObject({ status: 'deferred', handling: 'deferred', deferral: { constraint: '道路改造需列入县财政预算', reReviewDate: '2026-09-01' } });
    // A deferred clock is stopped; a joint problem's clock is its nearest open part's (the closed part's no longer counts).
    expect(byId['p-2']).toMatchObject({ runningDeadline: NO_RUNNING_DEADLINE, urgencyKey: '2 2026-05-31' });
    expect(byId['p-3']).toMatchObject({ runningDeadline: '2026-05-15', urgencyKey: '1 2026-05-15' });
    expect(byId['p-3']).toMatchObject({
      status: 'joint',
      handling: 'joint',
      unitIds: ['branch-1', 'town-1', 'branch-2'],
      joint: { coordinatorUnitId: 'town-1', parts: [{ partId: 'a', closed: true }, { partId: 'b', closed: false }] },
    });
    // The running tallies equal what the final documents add up to, counted afresh.
    const afresh = new Map<string, UnitTallyDoc>();
    for (const d of Object.values(byId)) {
      for (const [id, t] of contributions(d)) {
        const sum = afresh.get(id);
        afresh.set(
          id,
          sum
            ? { ...sum, byHandling: addLeaves(sum.byHandling, t.byHandling), byHandlingV1: addLeaves(sum.byHandlingV1, t.byHandlingV1), problems: addLeaves(sum.problems, t.problems), rechecks: addLeaves(sum.rechecks, t.rechecks) }
            : t,
        );
      }
    }
    expect(docs[LEDGER_UNIT_TALLIES]).toEqual([...afresh.values()].sort((a, b) => a._id.localeCompare(b._id)));
    expect(docs[LEDGER_UNIT_TALLIES].find((t) => t._id === `${LOOK_BACK}.branch-2`)).toMatchObject({
      byHandling: { being_rectified: 1 },
      rechecks: { rechecked: 1, rebounded: 1 },
    });
    expect(docs[LEDGER_UNIT_TALLIES].find((t) => t._id === `${CAMPAIGN}.branch-2`)).toMatchObject({
      byHandling: { being_rectified: 1, solved: 0 },
      problems: { total: 1, closed: 0 },
    });
    expect(byId['p-4']).toMatchObject({
      campaignIds: [CAMPAIGN, LOOK_BACK],
      cycle: 2,
      status: 'identified',
      handling: 'being_rectified',
      rechecks: [{ lookBackCampaignId: LOOK_BACK, cycle: 1, outcome: 'rebounded' }],
      closedAt: null,
      verifiedAt: null,
    });
  });

  it('stores the folded state without the progress notes that carry no file, and its documents are those of the whole fold', async () => {
    const note = (i: number) => problem('p-5', 'ProgressRecorded', { note: `第${i}次整改进展`, attachmentRefs: i === 7 ? ['sha256:' + 'a'.repeat(64)] : [], recordedBy: 'op-1' });
    const partNote = (i: number) => problem('p-5', 'PartProgressRecorded', { partId: 'a', note: `排查进展${i}`, attachmentRefs: [], recordedBy: 'op-1' });
    const given = [
      launched(),
      registered('p-5', 'branch-1'),
      planned('p-5', '2026-05-31'),
      ...Array.from({ length: 20 }, (_, i) => note(i)),
      jointStarted('p-5', '涉及多个部门', [
        ['branch-1', '排查', '2026-04-30'],
        ['branch-2', '整治', '2026-05-15'],
      ]),
      ...Array.from({ length: 5 }, (_, i) => partNote(i)),
      problem('p-5', 'PartClosed', { partId: 'a', evidence: '排查表', closedBy: 'op-1' }),
    ];
    const docs = await spec.given(given).documents();
    const whole = stateOf(storedEvents(given).slice(1));
    expect(whole.current.progress).toHaveLength(20);
    const [kept] = docs[LEDGER_PROBLEM_STATES] as unknown as { state: typeof whole }[];
    // The note with a file stays: a published round's files are public.
    expect(kept.state.current.progress).toEqual([whole.current.progress[7]]);
    expect(kept.state.current.joint?.parts.map((p) => p.progress)).toEqual([[], []]);
    // Everything else of the fold is kept as it is.
    expect(kept.state).toEqual(decisionStateOf(whole));
    expect({ ...kept.state, current: { ...kept.state.current, progress: whole.current.progress, joint: whole.current.joint } }).toEqual(whole);
    // The ledger's problem is the same as one folded from a state that kept every note.
    const [doc] = docs[LEDGER_PROBLEMS] as unknown as LedgerProblemDoc[];
    expect(doc).toMatchObject({ status: 'joint', handling: 'joint', joint: { parts: [{ partId: 'a', closed: true }, { partId: 'b', closed: false }] }, runningDeadline: '2026-05-15' });
  });

  it('moves a problem\'s last change only when its record changes: a plain note, a file or a warning leaves the record as it was', async () => {
    const note = (attachmentRefs: string[]) => problem('p-6', 'ProgressRecorded', { note: '整改进展', attachmentRefs, recordedBy: 'op-1' });
    const warning = problem('p-6', 'DeadlineWarningRaised', { partId: null, unitId: 'branch-1', deadline: '2026-05-31', today: '2026-05-28', daysLeft: 3, level: 'yellow', notify: [] });
    // The first note starts the work: the problem is under way from then.
    const base = [launched(), registered('p-6', 'branch-1'), planned('p-6', '2026-05-31'), note([])];
    const lastChange = async (given: Parameters<typeof spec.given>[0]) => ((await spec.given(given).documents())[LEDGER_PROBLEMS] as unknown as LedgerProblemDoc[])[0];
    const started = await lastChange(base);
    expect(started).toMatchObject({ status: 'in_progress', lastChangedAt: storedEvents(base)[3].occurredAt });
    const noted = [...base, note([]), warning, note(['sha256:' + 'b'.repeat(64)])];
    expect(await lastChange(noted)).toEqual(started);
    // A change of what the record holds moves it to that event's time.
    const claimed = [...noted, problem('p-6', 'FixClaimed', { evidence: '整改报告', attachmentRefs: [], claimedBy: 'op-1' })];
    const fixed = await lastChange(claimed);
    expect(fixed).toMatchObject({ status: 'fixed', lastChangedAt: storedEvents(claimed)[claimed.length - 1].occurredAt });
  });

  it('leaves its documents and tallies alone for an event that changes nothing it holds, and writes the first note that starts the work', async () => {
    const note = (i: number) => problem('p-7', 'ProgressRecorded', { note: `整改进展${i}`, attachmentRefs: [], recordedBy: 'op-1' });
    const evolveOver = async (given: Parameters<typeof spec.given>[0], event: (typeof given)[number]) => {
      const docs = (await spec.given(given).documents()) as Record<string, Array<{ _id: string }>>;
      const asked: string[] = [];
      const ctx = {
        get: async <D,>(collection: string, id: string) => {
          asked.push(collection);
          // As the batch hands documents over: parsed from their JSON text.
          const doc = (docs[collection] ?? []).find((d) => d._id === id);
          return doc ? (JSON.parse(JSON.stringify(doc)) as D) : null;
        },
        find: async () => {
          throw new Error('the ledger searches nothing for a problem event');
        },
      };
      const [stored] = storedEvents([...given, event]).slice(-1);
      return { writes: await rectificationLedgerProjection.evolve(stored as never, ctx as never), asked };
    };
    const planned7 = [launched(), registered('p-7', 'branch-1'), planned('p-7', '2026-05-31')];
    const first = await evolveOver(planned7, note(1));
    expect(first.writes).toContainEqual(expect.objectContaining({ op: 'upsert', collection: LEDGER_PROBLEMS, doc: expect.objectContaining({ status: 'in_progress' }) }));
    expect(first.asked).toContain(LEDGER_UNIT_TALLIES);
    const again = await evolveOver([...planned7, note(1)], note(2));
    expect(again).toEqual({ writes: [], asked: [LEDGER_PROBLEM_STATES] });
    // What the documents hold after it is what they held before.
    const before = await spec.given([...planned7, note(1)]).documents();
    expect(await spec.given([...planned7, note(1), note(2)]).documents()).toEqual(before);
  });

  it('ignores events of a problem it never saw registered', async () => {
    await spec.given([planned('p-9', '2026-05-01')]).then({});
  });
});
