import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_SCOPE } from '@platform/common';
import { ANONYMOUS, DemoAction, generateCity, httpRequestOf, WARNING_JOB_ACTOR } from '@platform/demo-data';
import { EVENT_STORE, EventRow, SqliteEventStore } from '@platform/event-store';
import { AdministratorBootstrap } from '@platform/identity';
import { DeadlineWarningCheck } from '@platform/rectification';
import { startTestPlatform } from './support/test-platform';

const NOW = '2025-06-30T06:00:00.000Z';
/** A bigger sample on demand: DEMO_FIDELITY_SCALE=0.02 DEMO_FIDELITY_SEED=x (a few minutes). */
const SCALE = Number(process.env.DEMO_FIDELITY_SCALE || 0.004);
const SEED = process.env.DEMO_FIDELITY_SEED || 'fidelity';

interface Fact {
  streamId: string;
  streamRevision: number;
  type: string;
  data: string;
  occurredAt: string;
  actor: string;
}

function facts(rows: EventRow[]): Fact[] {
  return rows.map((r) => ({
    streamId: r.stream_id,
    streamRevision: r.stream_revision,
    type: r.type,
    data: r.data,
    occurredAt: r.occurred_at,
    actor: JSON.stringify((JSON.parse(r.metadata) as { actor: unknown }).actor),
  }));
}

function allRows(store: SqliteEventStore): EventRow[] {
  const out: EventRow[] = [];
  for (let after = 0; ; ) {
    const page = store.readAllRows({ after, limit: 5000 });
    if (page.length === 0) return out;
    out.push(...page);
    after = page[page.length - 1].position;
  }
}

/**
 * The generator decides in memory for speed. This proves it writes what the platform itself writes:
 * a tiny city is generated, then every one of its requests is sent over HTTP to a fresh platform
 * (same clock, same users, same order), and both histories must hold the same events — type, data
 * byte for byte, occurredAt, actor, stream and revision — in the same order.
 */
describe('the demo city generator', () => {
  const genDir = mkdtempSync(join(tmpdir(), 'demo-fidelity-'));
  afterAll(() => rmSync(genDir, { recursive: true, force: true }));

  it('writes exactly what the HTTP command path writes for the same requests', async () => {
    const actions: DemoAction[] = [];
    await generateCity({ dataDir: genDir, seed: SEED, scale: SCALE, now: NOW, onAction: (a) => actions.push(a) });
    const kinds = new Set(actions.map((a) => a.op.type));
    // The sample covers every kind of request the city is made of.
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'ApplyForTransition', 'ApproveTransition', 'BootstrapAdmin', 'CastBallot', 'ChangeMemberCount', 'ClaimFixed', 'CloseProblem',
        'ClosePart', 'CloseSatisfactionRound', 'ConcludeUnit', 'CreateUnit', 'DeferProblem', 'EnrollUnits', 'EscalateToJoint', 'ImportUnits',
        'LaunchCampaign', 'OpenSatisfactionRound', 'PlanRectification', 'PublishPlan', 'RecheckProblem', 'RecordBallotTally',
        'RecordParticipation', 'RecordPartProgress', 'RecordProgress', 'RecordStep', 'RegisterProblem', 'RegisterUser', 'RejectFix',
        'RejectTransition', 'ReviewDeferral', 'WarningCheck', 'NoteSupervision',
        'PublishAssessmentScheme', 'OpenAssessmentPeriod', 'SubmitSelfAssessment', 'ScoreAssessment', 'ModerateAssessment', 'PublishAssessmentResults',
        'LodgeAssessmentAppeal', 'DecideAssessmentAppeal', 'RecommendDemonstrationPoint', 'DecideDemonstrationRecommendation', 'AssessDemonstrationPoint',
        'PublishNotice', 'DefineKeyTask', 'AssignTaskParts', 'ScheduleStockTake', 'ReportTaskProgress', 'CommentTaskReport', 'CloseStockTake',
      ]),
    );

    // The platform bootstraps the city's own administrator, as the city's first request did: both
    // histories then hold the same events at the same positions (a notice records its position).
    const bootstrap = actions[0];
    if (bootstrap.op.type !== 'BootstrapAdmin') throw new Error(`the city begins with ${bootstrap.op.type}, not BootstrapAdmin`);
    let clock = bootstrap.at;
    const p = await startTestPlatform({ clock: () => new Date(clock), admin: { username: bootstrap.op.username, password: bootstrap.op.password } });
    // The evidence files the generated steps and notes attach, as if uploaded before the replay.
    if (existsSync(join(genDir, 'blobs'))) cpSync(join(genDir, 'blobs'), join(p.dataDir, 'blobs'), { recursive: true });
    try {
      const passwords = new Map<string, { username: string; password: string }>();
      const tokens = new Map<string, string>();
      const token = async (userId: string) => {
        if (!tokens.has(userId)) {
          const who = passwords.get(userId)!;
          const res = await p.http().post('/api/auth/sign-in').send(who);
          expect(res.status).toBe(200);
          tokens.set(userId, res.body.accessToken as string);
        }
        return tokens.get(userId)!;
      };
      for (const a of actions) {
        clock = a.at;
        const op = a.op;
        if (op.type === 'BootstrapAdmin') {
          // Done at start (see above): a second bootstrap writes nothing.
          expect(await p.app.get(AdministratorBootstrap).ensure(op.username, op.password)).toBe(false);
          passwords.set(op.username, { username: op.username, password: op.password });
          continue;
        }
        if (op.type === 'WarningCheck') {
          const report = await p.app.get(DeadlineWarningCheck).run({ actor: WARNING_JOB_ACTOR, scope: NO_SCOPE, correlationId: `job-${a.at}` });
          expect(report.failed).toEqual([]);
          continue;
        }
        if (op.type === 'RegisterUser') passwords.set(op.body.userId, { username: op.body.username, password: op.body.password });
        const req = httpRequestOf(op)!;
        let call = p.http().post(req.path).send(req.body as object);
        if (a.by !== ANONYMOUS) call = call.set('authorization', `Bearer ${await token(a.by)}`);
        const res = await call;
        if (res.status !== 201) throw new Error(`${op.type} by ${a.by} at ${new Date(a.at).toISOString()}: ${res.status} ${JSON.stringify(res.body)}`);
      }

      const viaHttp = facts(allRows(p.app.get<SqliteEventStore>(EVENT_STORE)));
      const generatedStore = new SqliteEventStore({ file: join(genDir, 'events.sqlite') });
      const generated = facts(allRows(generatedStore));
      await generatedStore.close();
      expect(generated.length).toBeGreaterThan(1000);
      const firstDifference = generated.findIndex((f, i) => JSON.stringify(f) !== JSON.stringify(viaHttp[i]));
      expect({ at: firstDifference, generated: generated[firstDifference], viaHttp: viaHttp[firstDifference] }).toEqual({ at: -1, generated: undefined, viaHttp: undefined });
      expect(viaHttp.length).toBe(generated.length);
    } finally {
      await p.close();
    }
  }, SCALE > 0.004 ? 1_800_000 : 240_000);
});
