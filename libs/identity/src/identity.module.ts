import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { createSecretKey } from 'node:crypto';
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
import { RegistrationCompletion } from './registration/registration-completion';
import { ResetPasswordHttpController } from './commands/reset-password/reset-password.http';
import { Argon2PasswordHasher, PASSWORD_HASHER } from './auth/password-hasher';
import { PlatformThrottlerGuard } from './access/platform-throttler.guard';
import { UsersHttpController } from './queries/users.http.controller';
import { SecurityLog } from './auth/security-log';
import { SignInLimits } from './auth/sign-in-limits';
import { UserDirectory } from './users/user-directory';
import { IDENTITY_STATE, IdentityState } from './state/identity-state.port';
import { RATE_LIMIT_STORAGE, SharedStateModule } from './state/shared-state.module';

/** Bounded context: who may do what where. Every route passes the access guard and the rate limits. */
@Module({
  imports: [
    OrganizationsModule,
    SharedStateModule,
    JwtModule.registerAsync({
      imports: [SharedStateModule],
      inject: [PLATFORM_CONFIG, IDENTITY_STATE],
      useFactory: async (c: PlatformConfig, state: IdentityState) => {
        // A key object, not a string: the token library would otherwise try to parse the secret as a PEM key on every call.
        const key = createSecretKey(Buffer.from(c.auth.jwtSecret ?? (await state.secret('jwt'))));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: TOKEN_ALGORITHM },
          verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
        };
      },
    }),
    ThrottlerModule.forRootAsync({
      imports: [SharedStateModule],
      inject: [PLATFORM_CONFIG, RATE_LIMIT_STORAGE],
      useFactory: (c: PlatformConfig, storage: ThrottlerStorage) => ({
        storage,
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
    { provide: PASSWORD_HASHER, useClass: Argon2PasswordHasher },
    UserDirectory,
    Authenticator,
    AuthService,
    SecurityLog,
    SignInLimits,
    AdministratorBootstrap,
    RegistrationCompletion,
    IdentityCommands,
    PlatformThrottlerGuard,
    // Order matters: the access guard authenticates, then the write budget is counted per user.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useExisting: PlatformThrottlerGuard },
  ],
  exports: [AdministratorBootstrap, UserDirectory],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(
    private readonly bootstrap: AdministratorBootstrap,
    private readonly registrations: RegistrationCompletion,
    throttler: PlatformThrottlerGuard,
    securityLog: SecurityLog,
  ) {
    throttler.useSecurityLog(securityLog);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.registrations.completeAll();
    await this.bootstrap.onStart();
  }
}
