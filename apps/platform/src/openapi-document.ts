import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER, CommandAnswer, describeValidatedClasses, ErrorAnswer, POSITION_TOKEN_SCHEMA } from '@platform/common';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * One controller serves one use case, so its name is the operation id (CreateUnitHttpController →
 * createUnit); controllers serving several routes name each one with @ApiOperation({ operationId }).
 */
export function useCaseOperationId(controllerKey: string, methodKey: string): string {
  const useCase = controllerKey.replace(/HttpController$/, '');
  if (!useCase) return methodKey;
  return useCase.charAt(0).toLowerCase() + useCase.slice(1);
}

/** The platform's OpenAPI document, read from the decorators and validators of the routes `app` serves. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const validated = describeValidatedClasses();
  const config = new DocumentBuilder()
    .setTitle('教育活动全过程记录平台 Campaign tracking platform')
    .setDescription(
      [
        'Every campaign action is an event; boards, ledgers and audit trails are projections of them.',
        '',
        '错误答复一律为 application/problem+json (RFC 9457)：type、title、status、detail，另保留 statusCode、message、errors[]（400）与 code（409/422）。',
        'Errors are application/problem+json (RFC 9457) with the platform members statusCode, message, errors[] (400) and code (409/422) kept beside the standard ones.',
        '',
        '命令成功返回 201 与新的流版本号（ETag），下一条命令以 If-Match 携带；以 Idempotency-Key 重试只写一次。',
        'A command answers 201 with the new stream revision in ETag: send it as If-Match next; a retry with the same Idempotency-Key writes once.',
      ].join('\n'),
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://spdx.org/licenses/')
    .addServer('/', '本服务 (this server)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '登录（/api/auth/sign-in）所得的访问令牌 (the access token from sign-in)' }, BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorAnswer, CommandAnswer],
    operationIdFactory: useCaseOperationId,
  });
  // Positions are opaque tokens wherever they appear: one schema, referred to by every field that holds one.
  document.components = { ...document.components, schemas: { ...document.components?.schemas, PositionToken: POSITION_TOKEN_SCHEMA } };
  // The validation pipe refuses unknown fields, so the request schemas say so.
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (validated.has(name) && !('$ref' in schema)) schema.additionalProperties = false;
  }
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      // A read with neither parameters nor a body has no input to refuse.
      if (operation && method === 'get' && (operation.parameters ?? []).length === 0) delete operation.responses['400'];
    }
  }
  return document;
}
