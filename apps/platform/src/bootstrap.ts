import fastifyEtag from '@fastify/etag';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { hash } from 'node:crypto';
import { byteLimit, chainWarning, Clock, createValidationPipe, PlatformConfig, PlatformErrorFilter, useJsonBodies } from '@platform/common';
import { ChainIntegrity } from '@platform/event-store';
import { AppModule, ClusteredLikeEventStore } from './app.module';
import { trustProxyOf } from './trust-proxy';
import { createOpenApiDocument } from './openapi-document';
import { answerCorrelationId, correlationIdOf, httpMetrics, PlatformMetrics, requestLog } from '@platform/observability';
import { platformLogging } from './platform-logger';
import { SERVER_PATHS, serveWebApp } from './web-app';

/**
 * Builds the whole platform; main.ts listens on it, the e2e tests drive it over HTTP. `service`
 * names it in its log lines and metrics: the all-in-one platform, or the API service of the
 * distributed topology. The HTTP edge is Fastify: per request it costs a fraction of Express's
 * (see the HTTP section of docs/benchmarks.md).
 */
export async function createPlatformApp(
  config: PlatformConfig,
  clock?: Clock,
  service: 'platform' | 'api' = 'platform',
  clusteredLike?: ClusteredLikeEventStore,
): Promise<NestFastifyApplication> {
  const logging = platformLogging(service);
  const metrics = new PlatformMetrics(service);
  const bodyLimit = byteLimit(config.limits.bodyLimit);
  const adapter = new FastifyAdapter({
    // The correlation id is the request id: the caller's X-Correlation-Id when well formed.
    genReqId: correlationIdOf,
    // X-Forwarded-For decides the address sign-in limits count by: believed only from configured proxies.
    trustProxy: trustProxyOf(config.trustProxy),
    bodyLimit,
    // As the Express edge before it: a trailing slash names the same route, and ids are not cut at 100 characters.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    // No Nest middleware: what ran as middleware runs as Fastify hooks (above), so @fastify/middie
    // would only walk an empty list on every request (2.7% of the API thread per progress note).
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock, metrics, clusteredLike), adapter, {
    logger: logging.nest,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', answerCorrelationId);
  fastify.addHook('onRequest', chainWarning(app.get(ChainIntegrity)));
  fastify.addHook('onResponse', httpMetrics(metrics, SERVER_PATHS));
  if (logging.requests) fastify.addHook('onResponse', requestLog(logging.requests));
  // helmet's headers on Node's response, its middleware built once (@fastify/helmet builds it and parses the CSP anew on every request).
  const securityHeaders = helmet();
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  // Weak ETags from the answer's bytes, and 304 for a client that has them, as Express answered; the
  // plugin's own SHA-1 digest, taken one-shot instead of through a Hash object per answer.
  await app.register(fastifyEtag, { weak: true, hashFn: (payload: string | Buffer) => hash('sha1', payload, 'base64') });
  // CORS stays closed unless origins are configured: the API is for the platform's own pages and tools.
  if (config.limits.corsOrigins.length > 0) app.enableCors({ origin: [...config.limits.corsOrigins], credentials: false });
  useJsonBodies(fastify, bodyLimit);
  // Evidence uploads read their one file with their own limits (libs/blobs' readEvidenceUpload).
  await app.register(fastifyMultipart);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new PlatformErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  await serveWebApp(app);
  return app;
}
