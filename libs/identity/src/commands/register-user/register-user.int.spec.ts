import { CommandMeta, NO_SCOPE, runUseCase } from '@platform/common';
import { singleStreamStores } from '@platform/common/testing/single-stream-store';
import { OrganizationTree } from '@platform/domain';
import { CommandStore } from '@platform/event-store';
import { IdentityPorts } from '../../identity-commands';
import { UserDirectory } from '../../users/user-directory';
import { registerUser } from './register-user';
import { RegistrationCompletion } from '../../registration/registration-completion';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const admin: CommandMeta = { actor: { userId: 'admin-1', role: 'admin', unitId: null }, scope: NO_SCOPE, correlationId: 'c-1' };
const request = (userId: string, username: string) => ({ userId, username, displayName: '张三', role: 'inspector' as const, scopeUnitIds: ['city'], password: 'a-long-password' });

const stores = singleStreamStores('register-user-', NOW);

/** The platform's identity path on an embedded store that, like KurrentDB, refuses appends to several streams at once. */
function world(options: { store?: (s: CommandStore) => CommandStore; usernameTaken?: (name: string) => Promise<boolean> } = {}) {
  const { store, runner, restartedRunner } = stores.open(options.store);
  const users = new UserDirectory(store);
  const tree = new OrganizationTree();
  const ports: IdentityPorts = {
    tree: async () => tree,
    usernameTaken: options.usernameTaken ?? ((name) => users.nameInUse(name)),
    storePassword: async () => undefined,
  };
  const register = (userId: string, username: string) => runUseCase(runner, ports, registerUser, request(userId, username), admin);
  return { store, users, register, completion: new RegistrationCompletion(restartedRunner, users) };
}

describe('registering a user without an atomic write of several streams', () => {
  it('writes the user, then the name’s reservation, and the name signs in as that user', async () => {
    const w = world();
    const result = await w.register('u-1', 'zhangsan');
    expect(result.streams).toEqual([{ streamId: 'user-u-1', revision: 1 }, { streamId: 'username-zhangsan', revision: 0 }]);
    expect(result.eventTypes).toEqual(['UserRegistered', 'PasswordSet', 'UsernameReserved']);
    expect((await w.users.byUsername('zhangsan'))?.userId).toBe('u-1');
    await expect(w.register('u-2', 'zhangsan')).rejects.toMatchObject({ code: 'username_taken' });
    await w.store.close();
  });

  it('loses no registration to a crash between the two writes: the next start reserves the name', async () => {
    const dying = world({
      store: (s) => ({ ...s, append: (streamId, events, expected) => (streamId.startsWith('username-') ? Promise.reject(new Error('process killed')) : s.append(streamId, events, expected)) }),
    });
    await expect(dying.register('u-1', 'lisi')).rejects.toThrow('process killed');
    expect(await dying.users.byUsername('lisi')).toBeUndefined();
    expect(await dying.users.nameInUse('lisi')).toBe(true);
    await expect(dying.register('u-2', 'lisi')).rejects.toMatchObject({ code: 'username_taken' });
    await dying.store.close();

    const restarted = world();
    expect(await restarted.completion.completeAll()).toEqual({ reserved: 1, disabled: 0 });
    expect((await restarted.users.byUsername('lisi'))?.userId).toBe('u-1');
    const head = await restarted.store.headPosition();
    expect(await restarted.completion.completeAll()).toEqual({ reserved: 0, disabled: 0 });
    expect(await restarted.store.headPosition()).toBe(head);
    await restarted.store.close();
  });

  it('lets one of two concurrent registrations of a name have it, and disables the other’s user', async () => {
    const w = world({ usernameTaken: async () => false });
    const outcomes = await Promise.allSettled([w.register('u-1', 'wangwu'), w.register('u-2', 'wangwu')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ code: 'username_taken' });
    const winner = (await w.users.byUsername('wangwu'))!;
    const loser = winner.userId === 'u-1' ? 'u-2' : 'u-1';
    expect((await w.users.get(winner.userId))?.disabled).toBe(false);
    expect((await w.users.get(loser))?.disabled).toBe(true);
    expect(await w.completion.completeAll()).toEqual({ reserved: 0, disabled: 0 });
    await w.store.close();
  });
});
