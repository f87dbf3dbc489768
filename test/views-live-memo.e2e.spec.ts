import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { expectStatus, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { BOARD_PROJECTIONS, ViewMoments } from '@platform/views';
import { TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

const BOARD = `/api/campaigns/${CAMPAIGN}/board`;

/**
 * A live moment's whole-campaign reads are kept under the projections' checkpoints, which move
 * with every event stored: a value is carried over events its projections do not handle (it is
 * the same documents), and read again after one they do, or after an organization event.
 */
describe('live reads kept across writes they do not depend on', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  let moments: ViewMoments;
  let loads = 0;

  /** A live read of the board's projections under one key: the value, and whether it was loaded for this request. */
  const read = async () => {
    const moment = await moments.resolve(undefined, BOARD_PROJECTIONS);
    const before = loads;
    const value = await moment.memo!(BOARD_PROJECTIONS, 'probe', async () => (loads++, { readAt: moment.position }));
    return { value, loaded: loads > before, position: moment.position };
  };

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform());
    moments = p.app.get(ViewMoments, { strict: false });
    await recordStudy(p, w.operator, 'branch-1', ['mobilization_meeting']);
  });
  afterAll(async () => p.close());

  it('carries a value over a write no board projection handles, and reads again after one they do or a rename', async () => {
    const first = await read();
    expect(first.loaded).toBe(true);
    expect((await read()).loaded).toBe(false);
    const board = await expectStatus(p.http().get(BOARD).set(w.office), 200);

    // An instruction: the inbox's and the instructions' projections handle it, not the board's.
    await expectStatus(
      p.http().post('/api/instructions').set(w.leader).send({ instructionId: 'instr-memo', targetKind: 'unit', targetId: 'branch-1', text: '请认真开展学习', addressedUnitIds: ['branch-1'] }),
      201,
    );
    const afterInstruction = await read();
    expect(afterInstruction.position).toBeGreaterThan(first.position);
    expect(afterInstruction.loaded).toBe(false);
    expect(afterInstruction.value).toBe(first.value);
    const boardAgain = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    expect({ ...boardAgain.body, asOf: null }).toEqual({ ...board.body, asOf: null });

    // A step recorded: the board's projection handles it, so the value is read again, and the board shows it.
    await recordStudy(p, w.operator, 'branch-1', ['centralized_study']);
    const afterStep = await read();
    expect(afterStep.loaded).toBe(true);
    const stepped = await expectStatus(p.http().get(BOARD).set(w.office), 200);
    const branch1 = (body: { rows: Array<{ unitId: string; counts: { steps: { requiredDone: number } } }> }) => body.rows.find((r) => r.unitId === 'branch-1')!.counts.steps.requiredDone;
    expect(branch1(stepped.body)).toBe(branch1(board.body) + 1);

    // A rename: no board projection handles it, but what is derived from the tree may show names.
    await expectStatus(p.http().post('/api/organizations/town-1/rename').set(w.admin).send({ name: '芙蓉街道（新）' }), 201);
    expect((await read()).loaded).toBe(true);
    const renamed = await expectStatus(p.http().get(`${BOARD}?root=county-1`).set(w.office), 200);
    expect(JSON.stringify(renamed.body)).toContain('芙蓉街道（新）');
  });
});
