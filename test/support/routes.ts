import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, AccessRule } from '@platform/common';

export interface RouteInfo {
  readonly method: string;
  readonly path: string;
  readonly rule: AccessRule | undefined;
  readonly key: string;
}

const join = (...parts: string[]) => '/' + parts.map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/');

/** Every HTTP route the app serves, with its declared access rule, read from Nest's own metadata. */
export function discoverRoutes(app: NestFastifyApplication): RouteInfo[] {
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of new Set(controllers)) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as object;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      for (const p of Array.isArray(sub) ? sub : [sub]) {
        const path = join(base, p);
        routes.push({ method, path, rule: Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined, key: `${method} ${path}` });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
