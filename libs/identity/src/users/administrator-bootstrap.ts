import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { CommandMeta, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { registerUser } from '../commands/register-user/register-user';
import { IdentityCommands } from '../identity-commands';
import { SecurityLog } from '../auth/security-log';
import { UserDirectory } from './user-directory';

const SYSTEM: CommandMeta = {
  actor: { userId: 'system', role: 'admin', unitId: null },
  scope: { all: true, roots: [] },
  correlationId: 'administrator-bootstrap',
};

/**
 * The first administrator comes from ADMIN_USERNAME/ADMIN_PASSWORD, from `npm run create-admin`,
 * or — in demo mode on an empty platform only — is generated with a password printed once.
 * No password is written in code.
 */
@Injectable()
export class AdministratorBootstrap {
  private readonly logger = new Logger('identity');
  /** The administrator generated in demo mode on this start, for the start-up summary to print once. */
  demoAdministrator: { readonly username: string; readonly password: string } | null = null;

  constructor(
    private readonly commands: IdentityCommands,
    private readonly users: UserDirectory,
    private readonly log: SecurityLog,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onStart(): Promise<void> {
    const { adminUsername, adminPassword, demo } = this.config.auth;
    if (adminUsername && adminPassword) {
      await this.ensure(adminUsername, adminPassword);
      return;
    }
    if ((await this.users.all()).length > 0) return;
    if (demo) {
      const password = randomBytes(12).toString('base64url');
      await this.ensure('admin', password);
      this.demoAdministrator = { username: 'admin', password };
      this.logger.warn('演示模式：已创建管理员 admin，密码在启动完成后显示一次 (demo administrator "admin" created)');
      return;
    }
    this.logger.warn('尚无管理员：请设置 ADMIN_USERNAME 和 ADMIN_PASSWORD 后启动，或运行 npm run create-admin (no administrator yet)');
  }

  /** Creates the administrator unless a user of that name exists; answers whether it created one. */
  async ensure(username: string, password: string): Promise<boolean> {
    if (await this.users.nameInUse(username)) return false;
    await this.commands.execute(
      registerUser,
      { userId: username, username, displayName: '系统管理员', role: 'admin', scopeUnitIds: [], password },
      { ...SYSTEM, correlationId: randomUUID() },
    );
    await this.log.record('administrator_created', { userId: username, username }, null);
    return true;
  }
}
