import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@platform/organizations';
import { RectificationModule } from '@platform/rectification';
import { ViewsModule } from '@platform/views';
import { AcknowledgeInstructionHttpController } from './commands/acknowledge-instruction/acknowledge-instruction.http';
import { IssueInstructionHttpController } from './commands/issue-instruction/issue-instruction.http';
import { ReportOnInstructionHttpController } from './commands/report-on-instruction/report-on-instruction.http';
import { InstructionCommands } from './instruction-commands';

/**
 * Bounded context: leaders' instructions (批示) on a problem, a unit or a notice, and the addressed
 * units' acknowledgements and reports. Their register and queries are views (libs/views), which also
 * tell them in a problem's timeline and the audit trail.
 */
@Module({
  imports: [OrganizationsModule, RectificationModule, ViewsModule],
  controllers: [IssueInstructionHttpController, AcknowledgeInstructionHttpController, ReportOnInstructionHttpController],
  providers: [InstructionCommands],
  exports: [InstructionCommands],
})
export class InstructionsModule {}
