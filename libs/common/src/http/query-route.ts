import { Controller, Get, Inject, InjectionToken, Param, Query, Req, Res, Type, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiOperationOptions, ApiTags, SchemaObject } from '@nestjs/swagger';
import { Actor } from '@platform/domain';
import type { FastifyReply } from 'fastify';
import { Access, AccessRule } from '../access/access-rule';
import { ActorScope, NO_SCOPE, ScopedRequest } from '../access/actor-scope';
import { ActorRequest } from './request-actor';

/** What a query's handler reads from the request: its validated path and query, who asks, and the response for headers. */
export interface QueryRequest<Pa, Q> {
  params: Pa;
  query: Q;
  /** The signed-in actor; reading it on a request without one answers 401. */
  readonly actor: Actor;
  readonly scope: ActorScope;
  res: FastifyReply;
}

/** A provider token that is not a class, with the type of what it provides: `token<EventStore>(EVENT_STORE)`. */
export interface Token<S> {
  readonly token: InjectionToken;
  readonly provides?: S;
}
export const token = <S>(t: InjectionToken): Token<S> => ({ token: t });

type Tokens = Record<string, Type<unknown> | Token<unknown>>;
/** The injected services by name, typed by their class or their token. */
type Injected<T extends Tokens> = { [K in keyof T]: T[K] extends Type<infer S> ? S : T[K] extends Token<infer S> ? S : never };

/** What one GET route says besides its name and path: its operation, its answer, who may read it, what it validates, what it needs and how it answers. */
export interface QueryContract<Pa, Q, T extends Tokens> {
  operation: ApiOperationOptions;
  /** The 200 answer's schema; routes that describe their answer otherwise give `decorators`. */
  answer?: SchemaObject;
  access: AccessRule;
  /** Further OpenAPI decorators, applied after the access rule (e.g. ApiProduces for a file download). */
  decorators?: MethodDecorator[];
  params?: Type<Pa>;
  query?: Type<Q>;
  /** Services the handler needs, by the name it reads them under. */
  inject?: T;
  /** Whether the handler writes the response itself (a streamed file) instead of returning the answer. */
  ownsResponse?: boolean;
  handle(request: QueryRequest<Pa, Q>, services: Injected<T>): unknown;
}

export interface QueryRoute<Pa, Q, T extends Tokens> extends QueryContract<Pa, Q, T> {
  /** The query's name: the controller is `${name}HttpController`, the operation id its lower-camel form. */
  name: string;
  tag: string;
  /** The GET route, e.g. 'api/notices/:noticeId'. */
  get: string;
}

/**
 * A read route's controller, made from its declaration: path and query validated by the pipes, the
 * access rule checked by the guard, the handler called with the request and the services it named.
 */
export function queryRoute<Pa = object, Q = object, T extends Tokens = Record<never, never>>(route: QueryRoute<Pa, Q, T>): Type<unknown> {
  const names = Object.keys(route.inject ?? {});
  class Route {
    readonly services: Record<string, unknown>;

    constructor(...services: unknown[]) {
      this.services = Object.fromEntries(names.map((name, i) => [name, services[i]]));
    }

    handle(...args: unknown[]): unknown {
      const [params, query, req, res] = [route.params ? args.shift() : {}, route.query ? args.shift() : {}, ...args] as [Pa, Q, ActorRequest & ScopedRequest, FastifyReply];
      return route.handle(requestOf(params, query, req, res), this.services as Injected<T>);
    }
  }
  Object.defineProperty(Route, 'name', { value: `${route.name}HttpController` });
  names.forEach((name, i) => {
    const provider = route.inject![name];
    Inject('token' in provider ? provider.token : provider)(Route, undefined, i);
  });
  const parameters = [...(route.params ? [Param()] : []), ...(route.query ? [Query()] : []), Req(), Res({ passthrough: !route.ownsResponse })];
  const types = [...(route.params ? [route.params] : []), ...(route.query ? [route.query] : []), Object, Object];
  Reflect.decorate(
    [
      ApiOperation(route.operation),
      ...(route.answer ? [ApiOkResponse({ schema: route.answer })] : []),
      Access(route.access),
      ...(route.decorators ?? []),
      Get(route.get),
      ...parameters.map((decorator, index): MethodDecorator => (target, key) => decorator(target, key, index)),
      Reflect.metadata('design:type', Function),
      Reflect.metadata('design:paramtypes', types),
      Reflect.metadata('design:returntype', Promise),
    ],
    Route.prototype,
    'handle',
    Object.getOwnPropertyDescriptor(Route.prototype, 'handle'),
  );
  Reflect.decorate([ApiTags(route.tag), Controller()], Route);
  return Route;
}

/** The routes listed under one OpenAPI tag: `const viewsQuery = queryRoutes('views 看板·台账·审计')`, then `viewsQuery('GetNotice', 'api/notices/:noticeId', { ... })`. */
export function queryRoutes(tag: string) {
  return <Pa = object, Q = object, T extends Tokens = Record<never, never>>(name: string, get: string, route: QueryContract<Pa, Q, T>): Type<unknown> =>
    queryRoute<Pa, Q, T>({ ...route, name, tag, get });
}

function requestOf<Pa, Q>(params: Pa, query: Q, req: ActorRequest & ScopedRequest, res: FastifyReply): QueryRequest<Pa, Q> {
  return {
    params,
    query,
    res,
    scope: req.scope ?? NO_SCOPE,
    get actor(): Actor {
      if (!req.actor) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '请先登录 (sign in first)' });
      return req.actor;
    },
  };
}
