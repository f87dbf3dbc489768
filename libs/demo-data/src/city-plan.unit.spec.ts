import { UNIT_TYPES } from '@platform/domain';
import { Calendar, DAY, MINUTE } from './calendar';
import { figuresFor, planCity, SEED_FIGURES } from './city-plan';
import { planPeople } from './people';
import { allocate, apportion, quotaList, Rng, rngFor } from './random';
import { planScenario } from './scenario';

describe('seeded randomness', () => {
  it('repeats itself for the same seed and key, and differs for another', () => {
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.uint32());
    expect(draw(rngFor(7, 'unit', 'a'))).toEqual(draw(rngFor(7, 'unit', 'a')));
    expect(draw(rngFor(7, 'unit', 'a'))).not.toEqual(draw(rngFor(7, 'unit', 'b')));
    expect(rngFor(1, 'ids').uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('splits totals exactly, giving every kind at least one when it can', () => {
    const a = allocate(10, { x: 100, y: 1, z: 1 });
    expect(a.x + a.y + a.z).toBe(10);
    expect(a.y).toBeGreaterThanOrEqual(1);
    expect(apportion(58_000, [3, 1, 1, 5], 3).reduce((s, n) => s + n, 0)).toBe(58_000);
    expect(quotaList(new Rng(1), 7, { a: 1, b: 1 }).length).toBe(7);
  });
});

describe('the city plan', () => {
  it('has seed 004’s figures at scale 1: 150 county-level units, 2,300 organizations, 58,000 members', () => {
    const plan = planCity(2005, 1);
    expect(plan.figures).toEqual(figuresFor(1));
    expect(plan.counties.length).toBe(SEED_FIGURES.countyLevelUnits);
    expect(plan.grassroots.length + plan.newOrganizations.length).toBe(SEED_FIGURES.grassroots);
    expect(plan.newOrganizations.length).toBe(SEED_FIGURES.newOrganizations);
    const branches = [...plan.byId.values()].filter((u) => u.level === 'branch');
    expect(branches.reduce((n, u) => n + u.members, 0)).toBe(SEED_FIGURES.members);
    expect(branches.reduce((n, u) => n + u.located, 0)).toBe(SEED_FIGURES.locatedMembers);
    expect(branches.every((u) => u.located >= 1 && u.located < u.members)).toBe(true);
    expect(new Set(plan.grassroots.map((u) => u.unitType))).toEqual(new Set(UNIT_TYPES));
    expect(new Set([...plan.byId.keys()]).size).toBe(plan.byId.size);
    // Parents come before their children in the import file.
    const seen = new Set<string>();
    for (const u of plan.imported) {
      if (u.parentId) expect(seen.has(u.parentId)).toBe(true);
      seen.add(u.unitId);
    }
  });

  it('is a function of the seed', () => {
    const a = planCity(1, 0.05).imported.map((u) => `${u.unitId}:${u.name}:${u.members}`);
    expect(planCity(1, 0.05).imported.map((u) => `${u.unitId}:${u.name}:${u.members}`)).toEqual(a);
    expect(planCity(2, 0.05).imported.map((u) => `${u.unitId}:${u.name}:${u.members}`)).not.toEqual(a);
  });

  it('has the inspection groups and leaders of the seed: 13 + 2 groups, 500 leaders with 400 contact points', () => {
    const plan = planCity(2005, 1);
    const people = planPeople(plan, rngFor(2005, 'people'));
    expect(people.groups.filter((g) => !g.roving)).toHaveLength(13);
    expect(people.roving).toHaveLength(2);
    expect(people.leaders).toHaveLength(500);
    expect(new Set(people.leaders.flatMap((l) => l.contactPointUnitIds ?? [])).size).toBe(400);
    // Every county-level unit is assigned to exactly one supervision group.
    expect(people.supervisionGroupOf.size).toBe(150);
  });
});

describe('the scenario', () => {
  const now = Date.parse('2025-06-30T06:00:00.000Z');
  const plan = planCity(9, 0.02);
  const people = planPeople(plan, rngFor(9, 'people'));
  const scenario = planScenario(9, plan, people, new Calendar(now));

  it('is a time-ordered list of requests that all happened before now, over about seven months', () => {
    const times = scenario.actions.map((a) => a.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now);
    expect(now - Math.min(...times)).toBeGreaterThan(200 * DAY);
  });

  it('has users act only after they were registered', () => {
    const registered = new Set<string>(['system', 'anonymous']);
    for (const a of scenario.actions) {
      expect(registered.has(a.by)).toBe(true);
      if (a.op.type === 'BootstrapAdmin') registered.add(a.op.username);
      if (a.op.type === 'RegisterUser') registered.add(a.op.body.userId);
    }
  });

  it.each(['2025-06-30T06:00:00.000Z', '2025-06-30T01:05:00.000Z', '2025-06-29T16:30:00.000Z', '2025-06-29T23:59:00.000Z'])(
    'happens in the daytime (local), bar the masses voting online, for a city whose now is %s', (at) => {
    const cal = new Calendar(Date.parse(at));
    for (const a of planScenario(9, plan, people, cal).actions) {
      if (a.op.type === 'CastBallot') continue;
      const minute = cal.minuteOfDay(a.at);
      expect(minute).toBeGreaterThanOrEqual(8 * 60);
      expect(cal.date(a.at)).toBe(new Date(a.at).toISOString().slice(0, 10));
    }
  });

  it('counts days as the office does (Asia/Shanghai) and runs the warning job on the hour and at the start of a day', () => {
    const cal = new Calendar(now);
    expect(cal.date(Date.parse('2025-06-29T17:00:00Z'))).toBe('2025-06-30');
    expect(cal.nextDailyTick(now)).toBe(Date.parse('2025-06-30T16:20:00Z'));
    expect(cal.nextHourlyTick(now) - now).toBeLessThanOrEqual(60 * MINUTE);
  });
});
