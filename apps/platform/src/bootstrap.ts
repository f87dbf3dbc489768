import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Clock, createValidationPipe, PlatformConfig, PlatformErrorFilter, refuseDeepJson } from '@platform/common';
import { AppModule, ClusteredLikeEventStore } from './app.module';
import { createOpenApiDocument } from './openapi-document';
import { correlationId, httpMetrics, PlatformMetrics, requestLog } from '@platform/observability';
import { platformLogging } from './platform-logger';
import { serveWebApp } from './web-app';

/**
 * Builds the whole platform; main.ts listens on it, the e2e tests drive it over HTTP. `service`
 * names it in its log lines and metrics: the all-in-one platform, or the API service of the
 * distributed topology.
 */
export async function createPlatformApp(
  config: PlatformConfig,
  clock?: Clock,
  service: 'platform' | 'api' = 'platform',
  clusteredLike?: ClusteredLikeEventStore,
): Promise<NestExpressApplication> {
  const logging = platformLogging(service);
  const metrics = new PlatformMetrics(service);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock, metrics, clusteredLike), {
    logger: logging.nest,
    bodyParser: false,
  });
  app.use(correlationId());
  app.use(httpMetrics(metrics));
  if (logging.requests) app.use(requestLog(logging.requests));
  app.use(helmet());
  // CORS stays closed unless origins are configured: the API is for the platform's own pages and tools.
  if (config.limits.corsOrigins.length > 0) app.enableCors({ origin: [...config.limits.corsOrigins], credentials: false });
  app.useBodyParser('json', { limit: config.limits.bodyLimit, verify: refuseDeepJson });
  // X-Forwarded-For decides the address sign-in limits count by: believed only from configured proxies.
  app.set('trust proxy', config.trustProxy ?? false);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new PlatformErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
  return app;
}
