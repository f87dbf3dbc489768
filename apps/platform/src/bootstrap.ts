import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Clock, createValidationPipe, PlatformConfig, PlatformErrorFilter, refuseDeepJson } from '@platform/common';
import { AppModule } from './app.module';

/** Builds the whole platform; main.ts listens on it, the e2e tests drive it over HTTP. */
export async function createPlatformApp(config: PlatformConfig, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    logger: process.env.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
    bodyParser: false,
  });
  app.use(helmet());
  // CORS stays closed unless origins are configured: the API is for the platform's own pages and tools.
  if (config.limits.corsOrigins.length > 0) app.enableCors({ origin: [...config.limits.corsOrigins], credentials: false });
  app.useBodyParser('json', { limit: config.limits.bodyLimit, verify: refuseDeepJson });
  // X-Forwarded-For decides the address sign-in limits count by: believed only from configured proxies.
  app.set('trust proxy', config.trustProxy ?? false);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new PlatformErrorFilter());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('教育活动全过程记录平台 Campaign tracking platform')
    .setDescription('Every campaign action is an event; boards, ledgers and audit trails are projections of them.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
