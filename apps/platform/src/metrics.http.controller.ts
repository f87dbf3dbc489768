import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { PlatformMetrics } from '@platform/observability';
import { ProjectionStatusReader } from '@platform/read-models';
import type { FastifyReply } from 'fastify';

@ApiTags('health')
@Controller('metrics')
export class MetricsHttpController {
  constructor(
    private readonly metrics: PlatformMetrics,
    projections: ProjectionStatusReader,
  ) {
    metrics.reportProjectionLag(async () => (await projections.status()).projections.map((p) => ({ name: p.name, lag: p.lag })));
  }

  /**
   * Prometheus metrics of this process: request latency by route template, append latency,
   * projection lag, memory and event loop. Aggregates only (no ids, no names), like /health.
   */
  @ApiOperation({ summary: '运行指标 (Prometheus metrics)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  @Access({ roles: [...STAFF, 'public'], mode: 'read', units: null })
  @Header('Cache-Control', 'no-store')
  @Get()
  async scrape(@Res() res: FastifyReply): Promise<void> {
    res.type(this.metrics.contentType).send(await this.metrics.text());
  }
}
