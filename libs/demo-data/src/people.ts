import { Role } from '@platform/domain';
import { CityPlan, PlannedUnit } from './city-plan';
import { numeral, personName } from './names';
import { RegisterUserBody } from './operations';
import { apportion, Rng } from './random';

/**
 * One printed password per role. DEMO ONLY: anyone who reads the README knows them, so a demo
 * data directory must never hold real data or face the internet.
 */
export const DEMO_PASSWORDS: Readonly<Record<Exclude<Role, 'public'>, string>> = {
  admin: 'demo-admin-2005',
  office: 'demo-office-2005',
  operator: 'demo-operator-2005',
  inspector: 'demo-inspector-2005',
  leader: 'demo-leader-2005',
};

export interface InspectionGroup {
  readonly userId: string;
  readonly name: string;
  /** County-level units assigned to a supervision group; the whole city for a roving group. */
  readonly scopeUnitIds: string[];
  /** The group's own unit (本单位): none, groups are sent by the city committee and belong to no unit they watch. */
  readonly ownUnitId: string | null;
  readonly roving: boolean;
}

export interface DemoPeople {
  readonly adminId: string;
  readonly office: string[];
  readonly groups: InspectionGroup[];
  readonly supervisionGroupOf: ReadonlyMap<string, InspectionGroup>;
  readonly roving: InspectionGroup[];
  readonly operatorOf: ReadonlyMap<string, string>;
  readonly leaders: RegisterUserBody[];
  /** Registration bodies of everyone the administrator creates at the start, in order. */
  readonly initialUsers: RegisterUserBody[];
}

export const operatorIdOf = (unitId: string) => `op-${unitId}`;

export function operatorBody(unit: PlannedUnit, rng: Rng): RegisterUserBody {
  return {
    userId: operatorIdOf(unit.unitId),
    username: operatorIdOf(unit.unitId).toLowerCase(),
    displayName: `${personName(rng)}（${unit.name}联络员）`.slice(0, 100),
    role: 'operator',
    scopeUnitIds: [unit.unitId],
    password: DEMO_PASSWORDS.operator,
  };
}

/** Everyone who works in the demo city: office staff, inspection groups, leaders and one liaison per unit. */
export function planPeople(plan: CityPlan, rng: Rng): DemoPeople {
  const f = plan.figures;
  const office = Array.from({ length: f.officeStaff }, (_, i) => ({
    userId: `office-${String(i + 1).padStart(2, '0')}`,
    username: `office-${String(i + 1).padStart(2, '0')}`,
    displayName: `${personName(rng)}（市委先进性教育活动办公室）`,
    role: 'office' as const,
    scopeUnitIds: [plan.city.unitId],
    password: DEMO_PASSWORDS.office,
  }));

  const sizes = apportion(plan.counties.length, Array.from({ length: f.supervisionGroups }, () => 1), 1);
  const groups: InspectionGroup[] = [];
  const supervisionGroupOf = new Map<string, InspectionGroup>();
  let next = 0;
  sizes.forEach((size, i) => {
    const scope = plan.counties.slice(next, next + size).map((c) => c.unitId);
    next += size;
    const g: InspectionGroup = { userId: `sg-${String(i + 1).padStart(2, '0')}`, name: `市委第${numeral(i + 1)}督导组`, scopeUnitIds: scope, ownUnitId: null, roving: false };
    groups.push(g);
    scope.forEach((id) => supervisionGroupOf.set(id, g));
  });
  const roving = Array.from({ length: f.rovingGroups }, (_, i): InspectionGroup => ({
    userId: `rg-${String(i + 1).padStart(2, '0')}`,
    name: `市委第${numeral(i + 1)}巡回检查组`,
    scopeUnitIds: [plan.city.unitId],
    ownUnitId: null,
    roving: true,
  }));
  const inspectorBodies = [...groups, ...roving].map((g) => ({
    userId: g.userId,
    username: g.userId,
    displayName: `${g.name}（组长${personName(rng)}）`,
    role: 'inspector' as const,
    scopeUnitIds: g.scopeUnitIds,
    password: DEMO_PASSWORDS.inspector,
  }));

  // 500 leaders with 400 contact points: every point has a leader, some have two.
  const branches = plan.grassroots.filter((u) => u.level === 'branch');
  const points = rng.shuffle([...branches]).slice(0, Math.min(f.contactPoints, branches.length));
  const leaders: RegisterUserBody[] = Array.from({ length: f.leaders }, (_, i) => {
    const point = points[i < points.length ? i : rng.int(0, points.length - 1)];
    const cityLevel = rng.chance(0.2) || !point;
    const county = point ? plan.byId.get(point.countyId!)! : null;
    return {
      userId: `leader-${String(i + 1).padStart(3, '0')}`,
      username: `leader-${String(i + 1).padStart(3, '0')}`,
      displayName: `${personName(rng)}（${cityLevel || !county ? '市级领导' : `${county.name}领导`}）`,
      role: 'leader',
      scopeUnitIds: [cityLevel || !county ? plan.city.unitId : county.unitId],
      contactPointUnitIds: point ? [point.unitId] : [],
      password: DEMO_PASSWORDS.leader,
    };
  });

  const operatorUnits = [...plan.townships, ...plan.grassroots];
  const operators = operatorUnits.map((u) => operatorBody(u, rng));
  const operatorOf = new Map<string, string>([...operatorUnits, ...plan.newOrganizations].map((u) => [u.unitId, operatorIdOf(u.unitId)]));
  return {
    adminId: 'admin',
    office: office.map((o) => o.userId),
    groups: [...groups, ...roving],
    supervisionGroupOf,
    roving,
    operatorOf,
    leaders,
    initialUsers: [...office, ...inspectorBodies, ...leaders, ...operators],
  };
}
