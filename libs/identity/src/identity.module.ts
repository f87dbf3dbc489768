import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey } from 'node:crypto';
import { join } from 'node:path';
import { PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { OrganizationsModule } from '@platform/organizations';
import { AccessGuard } from './access/access.guard';
import { AdministratorBootstrap } from './users/administrator-bootstrap';
import { AuthHttpController } from './auth/auth.http.controller';
import { IdentityCommands } from './identity-commands';
import { AuthService } from './auth/auth.service';
import { Authenticator, TOKEN_ALGORITHM } from './auth/authenticator';
import { ChangeScopeHttpController } from './commands/change-scope/change-scope.http';
import { DisableUserHttpController } from './commands/disable-user/disable-user.http';
import { EnableUserHttpController } from './commands/enable-user/enable-user.http';
import { GrantRoleHttpController } from './commands/grant-role/grant-role.http';
import { RegisterUserHttpController } from './commands/register-user/register-user.http';
import { ResetPasswordHttpController } from './commands/reset-password/reset-password.http';
import { IdentityStore } from './store/identity-store';
import { Argon2PasswordHasher, PASSWORD_HASHER } from './auth/password-hasher';
import { PlatformThrottlerGuard } from './access/platform-throttler.guard';
import { UsersHttpController } from './queries/users.http.controller';
import { SecurityLog } from './auth/security-log';
import { SignInLimits } from './auth/sign-in-limits';
import { UserDirectory } from './users/user-directory';

const identityStore = {
  provide: IdentityStore,
  inject: [PLATFORM_CONFIG],
  useFactory: (c: PlatformConfig) => new IdentityStore(join(c.dataDir, 'identity.sqlite')),
};

/** Bounded context: who may do what where. Every route passes the access guard and the rate limits. */
@Module({
  imports: [
    OrganizationsModule,
    JwtModule.registerAsync({
      inject: [PLATFORM_CONFIG, IdentityStore],
      extraProviders: [identityStore],
      useFactory: (c: PlatformConfig, store: IdentityStore) => {
        // A key object, not a string: the token library would otherwise try to parse the secret as a PEM key on every call.
        const key = createSecretKey(Buffer.from(c.auth.jwtSecret ?? store.secret('jwt')));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: TOKEN_ALGORITHM },
          verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
        };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [PLATFORM_CONFIG],
      useFactory: (c: PlatformConfig) => ({
        throttlers: [
          // Every sign-in and refresh request per address; failed ones are limited far tighter by SignInLimits.
          { name: 'sign-in', ttl: 60_000, limit: c.limits.signInPerMinute },
          { name: 'writes', ttl: 60_000, limit: c.limits.writesPerMinute },
        ],
      }),
    }),
  ],
  controllers: [
    AuthHttpController,
    UsersHttpController,
    RegisterUserHttpController,
    GrantRoleHttpController,
    ChangeScopeHttpController,
    ResetPasswordHttpController,
    DisableUserHttpController,
    EnableUserHttpController,
  ],
  providers: [
    identityStore,
    { provide: PASSWORD_HASHER, useClass: Argon2PasswordHasher },
    UserDirectory,
    Authenticator,
    AuthService,
    SecurityLog,
    SignInLimits,
    AdministratorBootstrap,
    IdentityCommands,
    PlatformThrottlerGuard,
    // Order matters: the access guard authenticates, then the write budget is counted per user.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useExisting: PlatformThrottlerGuard },
  ],
  exports: [AdministratorBootstrap, UserDirectory],
})
export class IdentityModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly bootstrap: AdministratorBootstrap,
    private readonly store: IdentityStore,
    throttler: PlatformThrottlerGuard,
    securityLog: SecurityLog,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    throttler.useSecurityLog(securityLog);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrap.onStart();
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}
