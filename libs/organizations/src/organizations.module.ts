import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { StreamCategory } from '@platform/common';
import { ChangeMemberCountHttpController } from './commands/change-member-count/change-member-count.http';
import { CloseUnitHttpController } from './commands/close-unit/close-unit.http';
import { CreateUnitHttpController } from './commands/create-unit/create-unit.http';
import { ImportCompletion } from './import-process/import-completion';
import { ImportUnitsHttpController } from './commands/import-units/import-units.http';
import { MoveUnitHttpController } from './commands/move-unit/move-unit.http';
import { RenameUnitHttpController } from './commands/rename-unit/rename-unit.http';
import { OrganizationCommands } from './organization-commands';
import { OrganizationDirectory } from './organization-directory';
import { GetUnitHttpController } from './queries/get-unit/get-unit.http.controller';
import { ListUnitsHttpController } from './queries/list-units/list-units.http.controller';

/** Bounded context: the organization tree. Other contexts read it through OrganizationDirectory. */
@Module({
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
    OrganizationCommands,
    ImportCompletion,
  ],
  exports: [OrganizationDirectory, OrganizationCommands],
})
export class OrganizationsModule implements OnApplicationBootstrap {
  constructor(private readonly imports: ImportCompletion) {}

  /** An import a crash interrupted is finished before the platform answers anything. */
  async onApplicationBootstrap(): Promise<void> {
    await this.imports.completeAll();
  }
}

/** `org-<unitId>`: the unit itself. */
export const ORGANIZATION_STREAMS: readonly StreamCategory[] = [{ prefix: 'org', units: async (streamId) => [streamId.slice('org-'.length)] }];
