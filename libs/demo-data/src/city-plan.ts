import { UNIT_TYPES, UnitLevel, UnitType } from '@platform/domain';
import { BRANCH_SUFFIXES, CITY, cityAgencies, COUNTY_DEPARTMENTS, numeral, PlaceNames } from './names';
import { apportion, Rng, rngFor } from './random';

/** Seed 004's figures for one city and one batch; `scale` multiplies them. */
export const SEED_FIGURES = {
  countyLevelUnits: 150,
  districts: 9,
  grassroots: 2300,
  members: 58_000,
  locatedMembers: 10_000,
  newOrganizations: 58,
  problems: 25_000,
  ballots: 80_000,
  supervisionGroups: 13,
  rovingGroups: 2,
  leaders: 500,
  contactPoints: 400,
  officeStaff: 4,
} as const;

export type CityFigures = { -readonly [K in keyof typeof SEED_FIGURES]: number };

export function figuresFor(scale: number): CityFigures {
  // The generator holds the city in memory: scale 1 peaks near 0.5 GiB, so a province (x20) is out of its reach.
  if (!(scale > 0 && scale <= 2)) throw new Error(`scale must be in (0, 2], got ${scale}`);
  const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const districts = s(SEED_FIGURES.districts, 1);
  const countyLevelUnits = Math.max(districts + 1, s(SEED_FIGURES.countyLevelUnits, 2));
  return {
    countyLevelUnits,
    districts,
    grassroots: s(SEED_FIGURES.grassroots, 8),
    members: s(SEED_FIGURES.members, 120),
    locatedMembers: s(SEED_FIGURES.locatedMembers, 12),
    newOrganizations: s(SEED_FIGURES.newOrganizations, 1),
    problems: s(SEED_FIGURES.problems, 40),
    ballots: s(SEED_FIGURES.ballots, 200),
    supervisionGroups: Math.min(SEED_FIGURES.supervisionGroups, countyLevelUnits),
    rovingGroups: SEED_FIGURES.rovingGroups,
    leaders: s(SEED_FIGURES.leaders, 2),
    contactPoints: s(SEED_FIGURES.contactPoints, 1),
    officeStaff: scale >= 0.2 ? SEED_FIGURES.officeStaff : 2,
  };
}

export interface PlannedUnit {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly unitType: UnitType;
  readonly parentId: string | null;
  /** The county-level unit above (itself for one); null for the city. */
  readonly countyId: string | null;
  /** The township/street above (itself for one), if any. */
  readonly townshipId: string | null;
  /** 党员数 after the members located during 查找党员 joined; branches only. */
  members: number;
  /** Members found and placed in the branch during the campaign (查找并落实到支部). */
  located: number;
  /** A grassroots party organization (committee, general branch or branch): enrolled in the campaign. */
  readonly grassroots: boolean;
  /** Established during the campaign (新组建), created and enrolled later. */
  readonly isNew: boolean;
}

export interface CityPlan {
  readonly figures: CityFigures;
  readonly city: PlannedUnit;
  readonly counties: PlannedUnit[];
  readonly townships: PlannedUnit[];
  /** Grassroots organizations that exist when the tree is imported. */
  readonly grassroots: PlannedUnit[];
  readonly newOrganizations: PlannedUnit[];
  /** The import file's rows, parents first. */
  readonly imported: PlannedUnit[];
  readonly byId: ReadonlyMap<string, PlannedUnit>;
}

type Form = 'branch' | 'general' | 'committee';

const FORMS: Record<UnitType, Record<Form, number>> = {
  rural: { branch: 0.75, general: 0.25, committee: 0 },
  community: { branch: 0.55, general: 0.45, committee: 0 },
  agency: { branch: 0.7, general: 0.3, committee: 0 },
  school: { branch: 0.7, general: 0.3, committee: 0 },
  enterprise: { branch: 0.6, general: 0.25, committee: 0.15 },
  new_social: { branch: 0.9, general: 0.1, committee: 0 },
  intermediary: { branch: 1, general: 0, committee: 0 },
  social_group: { branch: 1, general: 0, committee: 0 },
};

const MEMBER_RANGE: Record<UnitType, [number, number]> = {
  rural: [18, 55],
  community: [12, 60],
  agency: [8, 35],
  school: [10, 40],
  enterprise: [10, 60],
  new_social: [3, 15],
  intermediary: [3, 12],
  social_group: [3, 18],
};

const TOWN_TYPES: Record<UnitType, number> = {
  rural: 65, agency: 8, school: 8, enterprise: 7, new_social: 6, community: 4, intermediary: 1, social_group: 1,
};
const STREET_TYPES: Record<UnitType, number> = {
  community: 55, new_social: 15, enterprise: 10, agency: 8, school: 7, intermediary: 3, social_group: 2, rural: 0,
};

class TreeBuilder {
  readonly units: PlannedUnit[] = [];
  readonly typesSeen = new Set<UnitType>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly rng: Rng, private readonly names: PlaceNames) {}

  add(u: Omit<PlannedUnit, 'members' | 'located' | 'isNew'> & { isNew?: boolean }): PlannedUnit {
    const unit: PlannedUnit = { ...u, members: 0, located: 0, isNew: u.isNew ?? false };
    this.units.push(unit);
    return unit;
  }

  /** Grassroots ids are numbered within their county-level or township container. */
  nextId(containerId: string, prefix = ''): string {
    const n = (this.counters.get(containerId + prefix) ?? 0) + 1;
    this.counters.set(containerId + prefix, n);
    return `${containerId}-${prefix}${String(n).padStart(prefix ? 2 : 3, '0')}`;
  }

  grassroots(container: PlannedUnit, parent: PlannedUnit, level: UnitLevel, unitType: UnitType, name: string, isNew = false): PlannedUnit {
    this.typesSeen.add(unitType);
    return this.add({
      unitId: this.nextId(container.unitId, isNew ? 'N' : ''),
      name,
      level,
      unitType,
      parentId: parent.unitId,
      countyId: container.countyId,
      townshipId: container.townshipId,
      grassroots: true,
      isNew,
    });
  }

  /** A group of `size` organizations named after `base`: a branch, or a general branch / committee with branches. */
  group(container: PlannedUnit, parent: PlannedUnit, unitType: UnitType, form: Form, size: number, base: string): void {
    if (form === 'branch' || size <= 1) {
      this.grassroots(container, parent, 'branch', unitType, `${base}党支部`);
      return;
    }
    const top = this.grassroots(container, parent, form === 'committee' ? 'committee' : 'general_branch', unitType, `${base}${form === 'committee' ? '党委' : '党总支'}`);
    const suffixes = BRANCH_SUFFIXES[unitType];
    for (let i = 0; i < size - 1; i++) {
      this.grassroots(container, top, 'branch', unitType, `${base}${suffixes[i] ?? `第${numeral(i + 1)}党支部`}`);
    }
  }

  /** Fills a township with `budget` grassroots organizations of the township's mix of types. */
  fillTownship(township: PlannedUnit, budget: number, street: boolean): void {
    const place = township.name.replace(/(镇|乡|街道)$/, '');
    let left = budget;
    while (left > 0) {
      // Every kind of organization appears somewhere, however small the city.
      const missing = UNIT_TYPES.filter((t) => !this.typesSeen.has(t));
      const unitType = missing.length > 0 ? missing[0] : this.rng.weighted(street ? STREET_TYPES : TOWN_TYPES);
      let form = this.rng.weighted(FORMS[unitType]);
      let size = form === 'branch' ? 1 : form === 'general' ? this.rng.int(3, 4) : this.rng.int(4, 6);
      if (size > left) {
        form = 'branch';
        size = 1;
      }
      this.group(township, township, unitType, form, size, this.baseName(unitType, place, form));
      left -= size;
    }
  }

  private baseName(unitType: UnitType, place: string, form: Form): string {
    const n = this.names;
    switch (unitType) {
      case 'rural':
        return `${n.village()}村`;
      case 'community':
        return `${n.community()}社区`;
      case 'agency':
        return form === 'branch' ? `${place}${this.rng.pick(['机关', '财政所', '农技站', '司法所', '卫生院', '国土所', '派出所', '计生服务站'])}` : `${place}机关`;
      case 'school':
        return form === 'branch' ? `${place}${this.rng.pick(['中心学校', '第一小学', '第二小学', '中学', '中心幼儿园'])}` : `${place}中学`;
      case 'enterprise':
        return `${n.company()}有限公司`;
      case 'new_social':
        return this.rng.pick([`${place}个体私营企业联合`, `${n.company()}商贸有限公司`, `${n.community()}物业服务公司`, `${n.village()}民办幼儿园`]);
      case 'intermediary':
        return `${n.place()}${this.rng.pick(['律师事务所', '会计师事务所', '房地产评估事务所', '法律服务所'])}`;
      case 'social_group':
        return this.rng.pick([`${place}老年协会`, `${place}个体劳动者协会`, `${n.place()}商会`]);
    }
  }

  /** A city agency's own organizations: 机关党委 with branches, or smaller forms. */
  fillAgency(agency: PlannedUnit, budget: number): void {
    const t = agency.unitType;
    if (budget === 1) {
      this.grassroots(agency, agency, 'branch', t, `${agency.name}党支部`);
      return;
    }
    if (budget <= 3) {
      this.group(agency, agency, t, 'general', budget, agency.name);
      return;
    }
    const top = this.grassroots(agency, agency, 'committee', t, `${agency.name}${t === 'agency' ? '机关党委' : '党委'}`);
    let left = budget - 1;
    const suffixes = BRANCH_SUFFIXES[t];
    let i = 0;
    while (left > 0) {
      if (left >= 4 && this.rng.chance(0.15)) {
        const size = this.rng.int(3, Math.min(5, left));
        const general = this.grassroots(agency, top, 'general_branch', t, `${agency.name}第${numeral(++i)}党总支`);
        for (let j = 0; j < size - 1; j++) this.grassroots(agency, general, 'branch', t, `${general.name.replace(/党总支$/, '')}${numeral(j + 1)}支部`);
        left -= size;
      } else {
        const name = suffixes[i] ?? `第${numeral(i + 1)}党支部`;
        i++;
        this.grassroots(agency, top, 'branch', t, `${agency.name}${name}`);
        left--;
      }
    }
  }

  /** A county's own organs: 县直机关工委 with one branch per department. */
  fillCountyOrgans(county: PlannedUnit, budget: number): void {
    const top = this.grassroots(county, county, 'committee', 'agency', `${county.name}直机关工委`);
    const departments = this.rng.shuffle([...COUNTY_DEPARTMENTS]);
    for (let i = 0; i < budget - 1; i++) {
      const dept = departments[i] ?? `第${numeral(i + 1)}联合`;
      this.grassroots(county, top, 'branch', 'agency', `${county.name}${dept}党支部`);
    }
  }
}

/** The organization tree, member counts and the organizations established later, from the seed alone. */
export function planCity(seed: number, scale: number): CityPlan {
  const figures = figuresFor(scale);
  const rng = rngFor(seed, 'city-plan');
  const names = new PlaceNames(rngFor(seed, 'place-names'));
  const b = new TreeBuilder(rng, names);
  const city = b.add({ unitId: CITY.unitId, name: CITY.name, level: 'city', unitType: 'agency', parentId: null, countyId: null, townshipId: null, grassroots: false });

  const agencyCount = figures.countyLevelUnits - figures.districts;
  const existing = figures.grassroots - figures.newOrganizations;
  const districtShare = Math.max(figures.districts, Math.round(existing * 0.55));
  const agencyShare = Math.max(agencyCount, existing - districtShare);
  const districtBudgets = apportion(districtShare, Array.from({ length: figures.districts }, () => rng.float(0.75, 1.25)), 1);
  const agencyBudgets = apportion(agencyShare, Array.from({ length: agencyCount }, () => Math.exp(rng.normal() * 0.75)), 1);

  const counties: PlannedUnit[] = [];
  const townships: PlannedUnit[] = [];
  for (let i = 0; i < figures.districts; i++) {
    const urban = i < Math.max(1, Math.round(figures.districts * 0.25));
    const suffix = urban ? '区' : i === figures.districts - 1 && figures.districts > 3 ? '市' : '县';
    const unitId = `${CITY.unitId}-D${String(i + 1).padStart(2, '0')}`;
    const county = b.add({ unitId, name: `${names.place()}${suffix}`, level: 'county', unitType: 'agency', parentId: city.unitId, countyId: unitId, townshipId: null, grassroots: false });
    counties.push(county);
    const budget = districtBudgets[i];
    const organs = budget >= 12 ? Math.round(budget * 0.1) : 0;
    if (organs > 0) b.fillCountyOrgans(county, organs);
    const nTownships = Math.max(1, Math.round((budget - organs) / 9));
    const townshipBudgets = apportion(budget - organs, Array.from({ length: nTownships }, () => rng.float(0.6, 1.4)), 1);
    townshipBudgets.forEach((tb, j) => {
      const street = rng.chance(urban ? 0.6 : 0.15);
      const tId = `${unitId}-T${String(j + 1).padStart(2, '0')}`;
      const name = `${names.place()}${street ? '街道' : rng.chance(0.7) ? '镇' : '乡'}`;
      const township = b.add({ unitId: tId, name, level: 'township', unitType: street ? 'community' : 'rural', parentId: unitId, countyId: unitId, townshipId: tId, grassroots: false });
      townships.push(township);
      b.fillTownship(township, tb, street);
    });
  }
  cityAgencies(agencyCount, names, rng).forEach((spec, i) => {
    const unitId = `${CITY.unitId}-A${String(i + 1).padStart(3, '0')}`;
    const agency = b.add({ unitId, name: spec.name, level: 'county', unitType: spec.unitType, parentId: city.unitId, countyId: unitId, townshipId: null, grassroots: false });
    counties.push(agency);
    b.fillAgency(agency, agencyBudgets[i]);
  });

  // 新组建基层党组织: mostly 两新 organizations, in streets and the non-public sector's committee.
  const hosts = [...townships.filter((t) => t.unitType === 'community'), ...counties.filter((c) => c.unitType === 'new_social')];
  const hostPool = hosts.length > 0 ? hosts : townships.length > 0 ? townships : counties;
  const newOrganizations: PlannedUnit[] = [];
  for (let i = 0; i < figures.newOrganizations; i++) {
    const host = rng.pick(hostPool);
    const unitType = rng.weighted<UnitType>({ new_social: 70, enterprise: 15, intermediary: 8, social_group: 7 } as Record<UnitType, number>);
    const name =
      unitType === 'enterprise' ? `${names.company()}有限公司党支部`
      : unitType === 'intermediary' ? `${names.place()}${rng.pick(['律师事务所', '会计师事务所'])}党支部`
      : unitType === 'social_group' ? `${names.place()}${rng.pick(['商会', '行业协会', '志愿者协会'])}党支部`
      : `${names.company()}${rng.pick(['科技有限公司', '商贸有限公司', '物业服务公司', '连锁超市'])}党支部`;
    newOrganizations.push(b.grassroots(host, host, 'branch', unitType, name, true));
  }

  assignMembers(b.units, figures, rng);
  const grassroots = b.units.filter((u) => u.grassroots && !u.isNew);
  const imported = b.units.filter((u) => !u.isNew);
  return { figures, city, counties, townships, grassroots, newOrganizations, imported, byId: new Map(b.units.map((u) => [u.unitId, u])) };
}

/** Members live in branches; totals match the figures exactly. */
function assignMembers(units: PlannedUnit[], figures: CityFigures, rng: Rng): void {
  const branches = units.filter((u) => u.level === 'branch');
  const raw = branches.map((u) => {
    const [lo, hi] = MEMBER_RANGE[u.unitType];
    return u.isNew ? rng.int(3, 10) : rng.int(lo, hi);
  });
  const members = apportion(Math.max(figures.members, branches.length * 3), raw, 3);
  branches.forEach((u, i) => (u.members = members[i]));
  const located = apportion(figures.locatedMembers, branches.map((u) => u.members * rng.float(0.4, 1.6)), 1);
  let spill = 0;
  branches.forEach((u, i) => {
    const cap = Math.floor(u.members * 0.45);
    u.located = Math.min(cap, located[i]);
    spill += located[i] - u.located;
  });
  for (let i = 0; spill > 0 && i < branches.length * 4; i++) {
    const u = branches[i % branches.length];
    if (u.located < Math.floor(u.members * 0.45)) {
      u.located++;
      spill--;
    }
  }
}
