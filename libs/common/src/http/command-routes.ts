import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

/** A use case's controller: its routes under `path`, listed in the OpenAPI document under `tag`. */
export const CommandRoutes = (tag: string, path: string) => applyDecorators(ApiTags(tag), Controller(path));
