import { Module } from '@nestjs/common';
import { StreamCategory, unitAfterDot } from '@platform/common';
import { OrganizationsModule } from '@platform/organizations';
import { CampaignCommands } from './campaign-commands';
import { CampaignFactsLoader } from './campaign-facts';
import { CampaignUnits } from './campaign-units';
import { ApplyForTransitionHttpController } from './commands/apply-for-transition/apply-for-transition.http';
import { ApproveTransitionHttpController } from './commands/approve-transition/approve-transition.http';
import { ConcludeUnitHttpController } from './commands/conclude-unit/conclude-unit.http';
import { EnrollUnitsHttpController } from './commands/enroll-units/enroll-units.http';
import { LaunchCampaignHttpController } from './commands/launch-campaign/launch-campaign.http';
import { RecordParticipationHttpController } from './commands/record-participation/record-participation.http';
import { RecordStepHttpController } from './commands/record-step/record-step.http';
import { RejectTransitionHttpController } from './commands/reject-transition/reject-transition.http';
import { GetCampaignHttpController } from './queries/get-campaign/get-campaign.http.controller';
import { GetUnitProgressHttpController } from './queries/get-unit-progress/get-unit-progress.http.controller';
import { ListCampaignsHttpController } from './queries/list-campaigns/list-campaigns.http.controller';
import { ListTemplatesHttpController } from './queries/list-templates/list-templates.http.controller';

/** Bounded context: campaigns, their enrolled units and each unit's phase progress. */
@Module({
  imports: [OrganizationsModule],
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
    CampaignCommands,
    CampaignUnits,
  ],
  exports: [CampaignFactsLoader, CampaignCommands, CampaignUnits],
})
export class CampaignsModule {}

/** A campaign concerns its enrolled units; `progress-<campaign>.<unit>` its unit. */
export const CAMPAIGN_STREAMS: readonly StreamCategory[] = [
  { prefix: 'campaign', units: (streamId, lookups) => lookups.lookup(CampaignUnits).units(streamId.slice('campaign-'.length)) },
  { prefix: 'progress', units: async (streamId) => unitAfterDot(streamId) },
];
