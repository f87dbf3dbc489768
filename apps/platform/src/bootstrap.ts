import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Clock, createValidationPipe, PlatformConfig, PlatformErrorFilter } from '@platform/common';
import { AppModule } from './app.module';
import { PlatformLogger, platformLogLevels } from './platform-logger';
import { serveWebApp } from './web-app';

/** Builds the whole platform; main.ts listens on it, the e2e tests drive it over HTTP. */
export async function createPlatformApp(config: PlatformConfig, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    logger: new PlatformLogger(platformLogLevels()),
    bodyParser: false,
  });
  app.use(helmet());
  // CORS stays closed unless origins are configured: the API is for the platform's own pages and tools.
  if (config.limits.corsOrigins.length > 0) app.enableCors({ origin: [...config.limits.corsOrigins], credentials: false });
  app.useBodyParser('json', { limit: config.limits.bodyLimit });
  app.set('trust proxy', 'loopback');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new PlatformErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => createApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
  return app;
}

/** The OpenAPI document of the API, as /api/docs-json serves it; the web build types its client from it. */
export function createApiDocument(app: NestExpressApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('教育活动全过程记录平台 Campaign tracking platform')
    .setDescription('Every campaign action is an event; boards, ledgers and audit trails are projections of them.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}
