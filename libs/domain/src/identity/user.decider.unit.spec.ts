import { fold } from '../shared/decider';
import { specify } from '../testing/decider-specification';
import { Actor } from '../shared/actor';
import { userDecider, UserCommand } from './user.decider';
import { UserRegistered } from './user.events';

const admin: Actor = { userId: 'admin-1', role: 'admin', unitId: null };
const at = '2026-01-01T00:00:00.000Z';
const spec = specify(userDecider);
const none = { scopeUnitIds: [] as string[], contactPointUnitIds: [] as string[] };

const register = (over: Partial<Extract<UserCommand, { type: 'RegisterUser' }>> = {}): UserCommand => ({
  actor: admin,
  at,
  type: 'RegisterUser',
  userId: 'op-1',
  username: 'op-1',
  displayName: '李四',
  role: 'operator',
  scopeUnitIds: ['b1'],
  contactPointUnitIds: [],
  ...over,
});
const registered = (over: Partial<UserRegistered['data']> = {}): UserRegistered => ({
  type: 'UserRegistered',
  data: { userId: 'op-1', username: 'op-1', displayName: '李四', role: 'operator', unitId: 'b1', scopeUnitIds: ['b1'], contactPointUnitIds: [], ...over },
});
const cmd = (c: Record<string, unknown>, actor: Actor = admin) => ({ actor, at, ...c }) as UserCommand;

describe('user decider', () => {
  it('registers a user bound to a scope', () => spec.given([]).when(register()).then([registered()]));
  it('registers an administrator without a scope', () =>
    spec.given([]).when(register({ role: 'admin', ...none })).then([registered({ role: 'admin', unitId: null, ...none })]));
  it('registers a leader with contact points', () =>
    spec
      .given([])
      .when(register({ role: 'leader', scopeUnitIds: ['county'], contactPointUnitIds: ['b7', 'b9'] }))
      .then([registered({ role: 'leader', unitId: 'county', scopeUnitIds: ['county'], contactPointUnitIds: ['b7', 'b9'] })]));
  it('refuses an existing user', () => spec.given([registered()]).when(register()).thenRefused('user_exists'));
  it('refuses a bad username or user id', () => {
    spec.given([]).when(register({ username: 'A b' })).thenRefused('username_invalid');
    spec.given([]).when(register({ userId: 'a.b' })).thenRefused('user_id_invalid');
  });
  it("refuses the platform's own user ids, which the audit trail names as the system", () => {
    spec.given([]).when(register({ userId: 'system' })).thenRefused('user_id_reserved');
    spec.given([]).when(register({ userId: 'system-deadline-warnings' })).thenRefused('user_id_reserved');
    spec.given([]).when(register({ userId: 'systematic' })).then([registered({ userId: 'systematic' })]);
  });
  it('refuses the public role', () => spec.given([]).when(register({ role: 'public' })).thenRefused('role_invalid'));
  it('refuses a non-administrator without scope', () => spec.given([]).when(register({ ...none })).thenRefused('scope_required'));
  it('refuses contact points for anyone but a leader', () =>
    spec.given([]).when(register({ contactPointUnitIds: ['b2'] })).thenRefused('contact_points_for_leaders'));
  it('refuses an empty display name', () => spec.given([]).when(register({ displayName: ' ' })).thenRefused('display_name_required'));

  it('grants a role and keeps the previous one', () =>
    spec
      .given([registered()])
      .when(cmd({ type: 'GrantRole', role: 'inspector' }))
      .then([{ type: 'RoleGranted', data: { userId: 'op-1', role: 'inspector', previousRole: 'operator' } }]));
  it('refuses granting a role to oneself', () =>
    spec.given([registered()]).when(cmd({ type: 'GrantRole', role: 'admin' }, { userId: 'op-1', role: 'operator' })).thenRefused('own_account'));
  it('refuses an unchanged role', () => spec.given([registered()]).when(cmd({ type: 'GrantRole', role: 'operator' })).thenRefused('role_unchanged'));
  it('refuses a role for an unknown user', () => spec.given([]).when(cmd({ type: 'GrantRole', role: 'office' })).thenRefused('user_not_found'));

  it('changes the scope and keeps the previous one', () =>
    spec
      .given([registered()])
      .when(cmd({ type: 'ChangeScope', scopeUnitIds: ['b2'], contactPointUnitIds: [], unknownUnitIds: [] }))
      .then([
        { type: 'ScopeChanged', data: { userId: 'op-1', scopeUnitIds: ['b2'], contactPointUnitIds: [], previous: { scopeUnitIds: ['b1'], contactPointUnitIds: [] } } },
      ]));
  it('refuses an unchanged or empty scope', () => {
    spec.given([registered()]).when(cmd({ type: 'ChangeScope', scopeUnitIds: ['b1'], contactPointUnitIds: [], unknownUnitIds: [] })).thenRefused('scope_unchanged');
    spec.given([registered()]).when(cmd({ type: 'ChangeScope', ...none, unknownUnitIds: [] })).thenRefused('scope_required');
  });
  it('refuses a scope naming a unit that does not exist, naming the field', () => {
    spec.given([registered()]).when(cmd({ type: 'ChangeScope', scopeUnitIds: ['b1', 'nowhere'], contactPointUnitIds: [], unknownUnitIds: ['nowhere'] })).thenRefused('unit_not_found');
    expect(() =>
      userDecider.decide(cmd({ type: 'ChangeScope', scopeUnitIds: ['b9'], contactPointUnitIds: [], unknownUnitIds: ['b9'] }), fold(userDecider, [registered()])),
    ).toThrow(expect.objectContaining({ code: 'unit_not_found', details: { field: 'scopeUnitIds', unitIds: ['b9'] } }));
  });

  it('records that a password was set, by whom, never the secret', () =>
    spec.given([registered()]).when(cmd({ type: 'SetPassword' })).then([{ type: 'PasswordSet', data: { userId: 'op-1', byAdministrator: true } }]));

  it('disables with a reason and enables again', () => {
    const disabled = { type: 'UserDisabled' as const, data: { userId: 'op-1', reason: '调离' } };
    spec.given([registered()]).when(cmd({ type: 'DisableUser', reason: '调离' })).then([disabled]);
    spec.given([registered(), disabled]).when(cmd({ type: 'EnableUser' })).then([{ type: 'UserEnabled', data: { userId: 'op-1' } }]);
  });
  it('refuses disabling oneself, twice, or without a reason; enabling an active user', () => {
    spec.given([registered()]).when(cmd({ type: 'DisableUser', reason: 'x' }, { userId: 'op-1', role: 'admin' })).thenRefused('own_account');
    spec.given([registered()]).when(cmd({ type: 'DisableUser', reason: '' })).thenRefused('reason_required');
    spec
      .given([registered(), { type: 'UserDisabled', data: { userId: 'op-1', reason: 'x' } }])
      .when(cmd({ type: 'DisableUser', reason: 'x' }))
      .thenRefused('user_disabled');
    spec.given([registered()]).when(cmd({ type: 'EnableUser' })).thenRefused('user_not_disabled');
  });

  describe('own unit (本单位), explicit in the user record', () => {
    const group = { role: 'inspector' as const, scopeUnitIds: ['town-1', 'county-2'] };
    it('records the own unit given at registration, whatever the scope order', () =>
      spec
        .given([])
        .when(register({ ...group, unitId: 'county-2' }))
        .then([registered({ ...group, unitId: 'county-2' })]));
    it('gives a supervision group no own unit unless one is named: its scope is what it watches', () => {
      spec.given([]).when(register(group)).then([registered({ ...group, unitId: null })]);
      expect(fold(userDecider, [registered({ ...group, unitId: null })]).unitId).toBeNull();
    });
    it('takes an operator’s single scope unit, written into the event', () =>
      spec.given([]).when(register()).then([registered({ unitId: 'b1' })]));
    it.each([
      ['own_unit_required', register({ scopeUnitIds: ['b1', 'b2'] })],
      ['unit_not_found', register({ unitId: 'nowhere', unknownUnitIds: ['nowhere'] })],
      ['unit_id_invalid', register({ unitId: 'bad id' })],
    ])('refuses with %s', (code, command) => spec.given([]).when(command).thenRefused(code));
    it('derives it once for users registered before it was recorded: an operator’s or leader’s first scope unit, nobody else’s', () => {
      const legacy = (role: UserRegistered['data']['role'], scopeUnitIds: string[]) => {
        const { unitId: _, ...data } = registered({ role, scopeUnitIds }).data;
        return fold(userDecider, [{ type: 'UserRegistered', data } as UserRegistered]).unitId;
      };
      expect(legacy('operator', ['b1'])).toBe('b1');
      expect(legacy('leader', ['county', 'b7'])).toBe('county');
      expect(legacy('inspector', ['town-1', 'county-2'])).toBeNull();
      expect(legacy('office', ['city'])).toBeNull();
    });
  });
});
