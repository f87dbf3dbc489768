import { CommandMeta } from '@platform/common';
import { LaunchCampaignRequest } from './launch-campaign.request.dto';

export class LaunchCampaignCommand {
  constructor(readonly meta: CommandMeta, readonly request: LaunchCampaignRequest) {}
}
