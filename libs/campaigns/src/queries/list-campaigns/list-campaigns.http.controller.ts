import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CurrentScope, scopeCovers, STAFF } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { OrganizationDirectory } from '@platform/organizations';
import { CampaignFactsLoader } from '../../campaign-facts';

/**
 * The campaigns a reader may open: the web app needs them to offer a campaign without the user
 * knowing its id. Only campaigns with an enrolled unit inside the reader's scope are listed.
 */
@ApiTags('campaigns 活动')
@Controller('api/campaigns')
export class ListCampaignsHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly campaigns: CampaignFactsLoader,
    private readonly directory: OrganizationDirectory,
  ) {}

  @ApiOperation({ summary: '本人范围内的活动列表 (list campaigns)', description: '本人范围内有参加单位的活动，按发起顺序' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              campaignId: { type: 'string' },
              name: { type: 'string' },
              batch: { type: 'integer', nullable: true },
              templateName: { type: 'string', nullable: true },
              launchedAt: { type: 'string' },
              enrolledCount: { type: 'integer' },
            },
            required: ['campaignId', 'name', 'templateName', 'launchedAt', 'enrolledCount'],
          },
        },
      },
      required: ['items'],
    },
  })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async list(@CurrentScope() scope: ActorScope) {
    const launched = await this.store.readAll({ types: ['CampaignLaunched'] });
    const tree = await this.directory.current();
    const items = [];
    for (const e of launched) {
      const campaignId = (e.data as { campaignId: string }).campaignId;
      const { state } = await this.campaigns.state(campaignId);
      const enrolled = Object.keys(state.enrolled).filter((u) => scopeCovers(scope, u, tree.ancestorIds(u)));
      if (enrolled.length === 0) continue;
      items.push({
        campaignId,
        name: state.name,
        batch: state.batch,
        templateName: state.template?.name ?? null,
        launchedAt: e.occurredAt,
        enrolledCount: enrolled.length,
      });
    }
    return { items };
  }
}
