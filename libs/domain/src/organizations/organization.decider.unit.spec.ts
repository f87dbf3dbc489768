import { specify } from '../testing/decider-specification';
import { Actor } from '../shared/actor';
import { organizationDecider, ParentFacts } from './organization.decider';
import { OrganizationEvent, UnitCreated } from './organization.events';

const ctx = { actor: { userId: 'office-1', role: 'office' } as Actor, at: '2026-01-01T00:00:00.000Z' };
const spec = specify(organizationDecider);
const cityFacts: ParentFacts = { unitId: 'city', level: 'city', closed: false, ancestorIds: [] };
const townFacts: ParentFacts = { unitId: 'town', level: 'township', closed: false, ancestorIds: ['city', 'county'] };

const created = (over: Partial<UnitCreated['data']> = {}): UnitCreated => ({
  type: 'UnitCreated',
  data: { unitId: 'county', name: '武陵区', level: 'county', unitType: 'agency', parentId: 'city', memberCount: 0, ...over },
});
const create = (over: Record<string, unknown> = {}) => ({
  ...ctx,
  type: 'CreateUnit' as const,
  unitId: 'county',
  name: '武陵区',
  level: 'county' as const,
  unitType: 'agency' as const,
  memberCount: 0,
  parentId: 'city',
  parent: cityFacts,
  rootIds: ['city'],
  ...over,
});

describe('organization decider', () => {
  describe('CreateUnit', () => {
    it('creates a unit under a parent of a higher level', () => spec.given([]).when(create()).then([created()]));
    it('creates the city without a parent', () =>
      spec
        .given([])
        .when(create({ unitId: 'city', name: '常德市', level: 'city', parentId: null, parent: null }))
        .then([created({ unitId: 'city', name: '常德市', level: 'city', parentId: null })]));
    it('refuses an existing id', () => spec.given([created()]).when(create()).thenRefused('unit_exists'));
    it('refuses a malformed id', () => spec.given([]).when(create({ unitId: 'a b' })).thenRefused('unit_id_invalid'));
    it('refuses an empty name', () => spec.given([]).when(create({ name: '  ' })).thenRefused('name_required'));
    it('refuses a negative member count', () => spec.given([]).when(create({ memberCount: -1 })).thenRefused('member_count_invalid'));
    it('refuses a city with a parent', () =>
      spec.given([]).when(create({ level: 'city', parentId: 'x', parent: cityFacts })).thenRefused('city_has_no_parent'));
    it('refuses a non-city without a parent once the deployment has a root', () =>
      spec.given([]).when(create({ parentId: null, parent: null })).thenRefused('parent_required'));
    it.each(['county', 'township', 'branch'] as const)('lets a %s be the root of a deployment that has none yet', (level) =>
      spec
        .given([])
        .when(create({ unitId: 'root', level, parentId: null, parent: null, rootIds: [] }))
        .then([created({ unitId: 'root', level, parentId: null })]));
    it('creates a city without a parent even beside a county root, which may then move under it', () =>
      spec
        .given([])
        .when(create({ unitId: 'city', name: '常德市', level: 'city', parentId: null, parent: null, rootIds: ['county'] }))
        .then([created({ unitId: 'city', name: '常德市', level: 'city', parentId: null })]));
    it('refuses a parent that does not exist', () =>
      spec.given([]).when(create({ parentId: 'ghost', parent: null })).thenRefused('parent_not_found'));
    it('refuses a closed parent', () =>
      spec.given([]).when(create({ parent: { ...cityFacts, closed: true } })).thenRefused('parent_closed'));
    it('refuses a parent of the same or a lower level', () =>
      spec.given([]).when(create({ level: 'county', parentId: 'town', parent: townFacts })).thenRefused('level_not_allowed'));
    it('allows a committee under a committee, never anything under a branch', () => {
      const committee: ParentFacts = { unitId: 'c', level: 'committee', closed: false, ancestorIds: [] };
      expect(spec.given([]).when(create({ level: 'committee', parentId: 'c', parent: committee })).events()).toHaveLength(1);
      const branch: ParentFacts = { unitId: 'b', level: 'branch', closed: false, ancestorIds: [] };
      spec.given([]).when(create({ level: 'branch', parentId: 'b', parent: branch })).thenRefused('level_not_allowed');
    });
  });

  describe('RenameUnit', () => {
    it('renames and keeps the previous name', () =>
      spec
        .given([created()])
        .when({ ...ctx, type: 'RenameUnit', name: ' 武陵区委 ' })
        .then([{ type: 'UnitRenamed', data: { unitId: 'county', name: '武陵区委', previousName: '武陵区' } }]));
    it('refuses an unknown unit', () => spec.given([]).when({ ...ctx, type: 'RenameUnit', name: 'x' }).thenRefused('unit_not_found'));
    it('refuses the same name', () => spec.given([created()]).when({ ...ctx, type: 'RenameUnit', name: '武陵区' }).thenRefused('name_unchanged'));
    it('refuses an empty name', () => spec.given([created()]).when({ ...ctx, type: 'RenameUnit', name: '' }).thenRefused('name_required'));
    it('refuses a closed unit', () =>
      spec
        .given([created(), { type: 'UnitClosed', data: { unitId: 'county', reason: '撤并' } }])
        .when({ ...ctx, type: 'RenameUnit', name: 'x' })
        .thenRefused('unit_closed'));
  });

  describe('MoveUnit', () => {
    const town: OrganizationEvent = created({ unitId: 'town', level: 'township', parentId: 'county-a' });
    const countyB: ParentFacts = { unitId: 'county-b', level: 'county', closed: false, ancestorIds: ['city'] };
    it('moves under another parent and keeps the previous one', () =>
      spec
        .given([town])
        .when({ ...ctx, type: 'MoveUnit', parentId: 'county-b', parent: countyB })
        .then([{ type: 'UnitMoved', data: { unitId: 'town', parentId: 'county-b', previousParentId: 'county-a' } }]));
    it('refuses the same parent', () =>
      spec
        .given([town])
        .when({ ...ctx, type: 'MoveUnit', parentId: 'county-a', parent: { ...countyB, unitId: 'county-a' } })
        .thenRefused('parent_unchanged'));
    it('refuses moving under itself', () =>
      spec.given([town]).when({ ...ctx, type: 'MoveUnit', parentId: 'town', parent: townFacts }).thenRefused('move_into_itself'));
    it('refuses moving under its own descendant', () => {
      const committee = created({ unitId: 'c1', level: 'committee', parentId: 'town' });
      const descendant: ParentFacts = { unitId: 'c2', level: 'committee', closed: false, ancestorIds: ['city', 'town', 'c1'] };
      spec.given([committee]).when({ ...ctx, type: 'MoveUnit', parentId: 'c2', parent: descendant }).thenRefused('move_into_descendant');
    });
    it('refuses a missing parent', () =>
      spec.given([town]).when({ ...ctx, type: 'MoveUnit', parentId: 'ghost', parent: null }).thenRefused('parent_not_found'));
    it('refuses a parent of a lower level', () =>
      spec
        .given([town])
        .when({ ...ctx, type: 'MoveUnit', parentId: 'b', parent: { unitId: 'b', level: 'branch', closed: false, ancestorIds: [] } })
        .thenRefused('level_not_allowed'));
  });

  describe('ChangeMemberCount', () => {
    it('records the new and previous count', () =>
      spec
        .given([created({ memberCount: 30 })])
        .when({ ...ctx, type: 'ChangeMemberCount', memberCount: 33 })
        .then([{ type: 'MemberCountChanged', data: { unitId: 'county', memberCount: 33, previousMemberCount: 30 } }]));
    it('refuses an unchanged count', () =>
      spec.given([created()]).when({ ...ctx, type: 'ChangeMemberCount', memberCount: 0 }).thenRefused('member_count_unchanged'));
    it('refuses a fractional count', () =>
      spec.given([created()]).when({ ...ctx, type: 'ChangeMemberCount', memberCount: 1.5 }).thenRefused('member_count_invalid'));
  });

  describe('CloseUnit', () => {
    it('closes a unit without open children', () =>
      spec
        .given([created()])
        .when({ ...ctx, type: 'CloseUnit', reason: '区划调整', openChildren: 0 })
        .then([{ type: 'UnitClosed', data: { unitId: 'county', reason: '区划调整' } }]));
    it('refuses while children are open', () =>
      spec.given([created()]).when({ ...ctx, type: 'CloseUnit', reason: '区划调整', openChildren: 2 }).thenRefused('has_open_children'));
    it('refuses without a reason', () =>
      spec.given([created()]).when({ ...ctx, type: 'CloseUnit', reason: ' ', openChildren: 0 }).thenRefused('reason_required'));
    it('refuses closing twice', () =>
      spec
        .given([created(), { type: 'UnitClosed', data: { unitId: 'county', reason: 'x' } }])
        .when({ ...ctx, type: 'CloseUnit', reason: 'again', openChildren: 0 })
        .thenRefused('unit_closed'));
  });
});
