import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeLookupRegistry } from '@platform/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganizationsModule } from '@platform/organizations';
import { CampaignFactsLoader } from './campaign-facts';
import { ApplyForTransitionHandler } from './commands/apply-for-transition/apply-for-transition.handler';
import { ApplyForTransitionHttpController } from './commands/apply-for-transition/apply-for-transition.http.controller';
import { ApproveTransitionHandler } from './commands/approve-transition/approve-transition.handler';
import { ApproveTransitionHttpController } from './commands/approve-transition/approve-transition.http.controller';
import { ConcludeUnitHandler } from './commands/conclude-unit/conclude-unit.handler';
import { ConcludeUnitHttpController } from './commands/conclude-unit/conclude-unit.http.controller';
import { EnrollUnitsHandler } from './commands/enroll-units/enroll-units.handler';
import { EnrollUnitsHttpController } from './commands/enroll-units/enroll-units.http.controller';
import { LaunchCampaignHandler } from './commands/launch-campaign/launch-campaign.handler';
import { LaunchCampaignHttpController } from './commands/launch-campaign/launch-campaign.http.controller';
import { RecordParticipationHandler } from './commands/record-participation/record-participation.handler';
import { RecordParticipationHttpController } from './commands/record-participation/record-participation.http.controller';
import { RecordStepHandler } from './commands/record-step/record-step.handler';
import { RecordStepHttpController } from './commands/record-step/record-step.http.controller';
import { RejectTransitionHandler } from './commands/reject-transition/reject-transition.handler';
import { RejectTransitionHttpController } from './commands/reject-transition/reject-transition.http.controller';
import { GetCampaignHttpController } from './queries/get-campaign/get-campaign.http.controller';
import { GetUnitProgressHttpController } from './queries/get-unit-progress/get-unit-progress.http.controller';
import { ListCampaignsHttpController } from './queries/list-campaigns/list-campaigns.http.controller';
import { ListTemplatesHttpController } from './queries/list-templates/list-templates.http.controller';

/** Bounded context: campaigns, their enrolled units and each unit's phase progress. */
@Module({
  imports: [CqrsModule, OrganizationsModule],
  controllers: [
    ListTemplatesHttpController,
    ListCampaignsHttpController,
    LaunchCampaignHttpController,
    GetCampaignHttpController,
    EnrollUnitsHttpController,
    GetUnitProgressHttpController,
    RecordStepHttpController,
    RecordParticipationHttpController,
    ApplyForTransitionHttpController,
    ApproveTransitionHttpController,
    RejectTransitionHttpController,
    ConcludeUnitHttpController,
  ],
  providers: [
    CampaignFactsLoader,
    LaunchCampaignHandler,
    EnrollUnitsHandler,
    RecordStepHandler,
    RecordParticipationHandler,
    ApplyForTransitionHandler,
    ApproveTransitionHandler,
    RejectTransitionHandler,
    ConcludeUnitHandler,
  ],
  exports: [CampaignFactsLoader],
})
export class CampaignsModule implements OnModuleInit {
  constructor(
    private readonly lookups: ScopeLookupRegistry,
    private readonly campaigns: CampaignFactsLoader,
  ) {}

  onModuleInit(): void {
    const enrolled = async (campaignId: string) => {
      const { state } = await this.campaigns.state(campaignId);
      return state.launched ? Object.keys(state.enrolled) : null;
    };
    this.lookups.register('campaign', enrolled);
    this.lookups.registerStreamCategory('campaign', (streamId) => enrolled(streamId.slice('campaign-'.length)));
    // progress-<campaign>.<unit>: ids never contain '.', so the unit is what follows it.
    this.lookups.registerStreamCategory('progress', async (streamId) => [streamId.slice(streamId.indexOf('.') + 1)]);
  }
}
