import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeLookupRegistry } from '@platform/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangeMemberCountHandler } from './commands/change-member-count/change-member-count.handler';
import { ChangeMemberCountHttpController } from './commands/change-member-count/change-member-count.http.controller';
import { CloseUnitHandler } from './commands/close-unit/close-unit.handler';
import { CloseUnitHttpController } from './commands/close-unit/close-unit.http.controller';
import { CreateUnitHandler } from './commands/create-unit/create-unit.handler';
import { CreateUnitHttpController } from './commands/create-unit/create-unit.http.controller';
import { ImportUnitsHandler } from './commands/import-units/import-units.handler';
import { ImportUnitsHttpController } from './commands/import-units/import-units.http.controller';
import { MoveUnitHandler } from './commands/move-unit/move-unit.handler';
import { MoveUnitHttpController } from './commands/move-unit/move-unit.http.controller';
import { RenameUnitHandler } from './commands/rename-unit/rename-unit.handler';
import { RenameUnitHttpController } from './commands/rename-unit/rename-unit.http.controller';
import { OrganizationDirectory } from './organization-directory';
import { GetUnitHttpController } from './queries/get-unit/get-unit.http.controller';
import { ListUnitsHttpController } from './queries/list-units/list-units.http.controller';

/** Bounded context: the organization tree. Other contexts read it through OrganizationDirectory. */
@Module({
  imports: [CqrsModule],
  controllers: [
    ImportUnitsHttpController,
    CreateUnitHttpController,
    ListUnitsHttpController,
    GetUnitHttpController,
    RenameUnitHttpController,
    MoveUnitHttpController,
    ChangeMemberCountHttpController,
    CloseUnitHttpController,
  ],
  providers: [
    OrganizationDirectory,
    CreateUnitHandler,
    RenameUnitHandler,
    MoveUnitHandler,
    ChangeMemberCountHandler,
    CloseUnitHandler,
    ImportUnitsHandler,
  ],
  exports: [OrganizationDirectory],
})
export class OrganizationsModule implements OnModuleInit {
  constructor(private readonly lookups: ScopeLookupRegistry) {}

  onModuleInit(): void {
    this.lookups.registerStreamCategory('org', async (streamId) => [streamId.slice('org-'.length)]);
  }
}
