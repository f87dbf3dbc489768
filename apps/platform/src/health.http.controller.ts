import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorRequest, MANAGERS, STAFF } from '@platform/common';
import { ChainIntegrity, EVENT_STORE, EventStore, GlobalNotary, NOTARY } from '@platform/event-store';
import { ProjectionStatusReader } from '@platform/read-models';
import { HealthAnswer } from './health.response';

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionStatusReader,
    private readonly integrity: ChainIntegrity,
    @Inject(NOTARY) private readonly notary: GlobalNotary,
  ) {}

  /**
   * Liveness, the event store's head position, the hash chain's verification (`chain: ok | broken
   * at <position>`, or `notary` on a store without a global chain, where the notary's chain stands
   * in), and each projection's lag (events counted by the store, null where it cannot count them;
   * `behind` either way), owner, last error and divergence — read from the
   * stored checkpoints and leases, so a process that runs no projection answers the same. `healthy`
   * is false while the chain is broken, or a projection fails, is being rebuilt after a divergence,
   * or is behind with no projector holding its lease. `notary` is the global notary's tip and how
   * many events wait to be notarized (its window of exposure), as stored, whichever process runs it.
   */
  @ApiOperation({ summary: '运行状况 (health: event store head and projection lag)' })
  @ApiOkResponse({ schema: HealthAnswer })
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Get()
  async health(@Req() req: ActorRequest) {
    const runner = await this.projections.status();
    // Error messages may quote data; the public sees that a projection fails and where, not why.
    const operator = req.actor !== undefined && MANAGERS.includes(req.actor.role);
    const chain = this.integrity.status();
    return {
      status: 'ok',
      healthy: runner.healthy && chain.state !== 'broken',
      chain: chain.state === 'broken' ? `broken at ${chain.brokenAt}` : chain.state,
      eventStore: { headPosition: await this.store.headPosition() },
      notary: await this.notaryStatus(operator),
      // Who acknowledged a break is for operators; everyone may see that the chain holds or where it broke.
      integrity: operator ? chain : { ...chain, acknowledged: chain.acknowledged.map(({ position, at }) => ({ position, at })) },
      projections: {
        healthy: runner.healthy,
        head: runner.head,
        items: runner.projections.map((p) => ({
          name: p.name,
          version: p.version,
          state: p.state,
          position: p.position,
          lag: p.lag,
          behind: p.behind,
          owner: p.owner,
          leaseExpiresAt: p.leaseExpiresAt,
          lastError: p.lastError && (operator ? p.lastError : { position: p.lastError.position, at: p.lastError.at }),
          retrying: p.retrying,
          nextRetryAt: p.nextRetryAt,
          divergence: p.divergence,
        })),
      },
    };
  }

  /** The public sees that the notary's last round failed, operators why. */
  private async notaryStatus(operator: boolean) {
    const status = await this.notary.status();
    return operator || status.lastError === null ? status : { ...status, lastError: 'failed' };
  }
}
