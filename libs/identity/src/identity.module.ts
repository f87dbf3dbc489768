import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganizationsModule } from '@platform/organizations';
import { AccessGuard } from './access.guard';

/** Bounded context: who may do what where. Every route passes its access rule here. */
@Module({
  imports: [OrganizationsModule],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class IdentityModule {}
