import { Body, Controller, Inject, Param, PipeTransform, Post, Res, Type } from '@nestjs/common';
import { ApiOperation, ApiOperationOptions, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessRule, Access } from '../access/access-rule';
import { ProcessUseCase, StreamUseCase, UseCaseExecutor } from '../commands/use-case';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { Command, CommandMeta } from './command-meta';
import { CommandAnswerBody, respond } from './command-response';
import { ApiRequestExample } from './openapi/api-answers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edge only passes the use case on; `execute` checks it
type AnyUseCase<I, P> = StreamUseCase<I, any, any, any, any, P> | ProcessUseCase<I, P>;

/** How the use case's input is made from the path parameters, the body and the envelope: parameters and body merged unless that does not make the input. */
type MakeInput<I, Pa, B> = (params: Pa, body: B, meta: CommandMeta) => I;
type InputOf<I, Pa, B> = [Pa & B] extends [I] ? { input?: MakeInput<I, Pa, B> } : { input: MakeInput<I, Pa, B> };

interface Route {
  /** OpenAPI tag the route is listed under. */
  tag: string;
  /** The POST route, e.g. 'api/problems/:problemId/defer'. */
  post: string;
}

/** What the HTTP edge of one use case says besides its route: its contract, who may call it, what it reads. */
type EdgeContract<Pa, B> = {
  operation: ApiOperationOptions;
  /** A typical body, shown in the OpenAPI document. */
  example?: { summary: string; value: Record<string, unknown> };
  access: AccessRule;
  params?: Type<Pa>;
  body: Type<B>;
  /** Pipes run on the validated body (e.g. checking that referenced files are stored). */
  bodyPipes?: Array<Type<PipeTransform> | PipeTransform>;
  /** The parameter decorator giving the command's envelope; the signed-in actor's by default. */
  meta?: () => ParameterDecorator;
};

/** Everything the HTTP edge of one use case says: its route, its contract, who may call it, what it reads. */
export type CommandEdge<I, Pa, B> = Route & EdgeContract<Pa, B> & InputOf<I, Pa, B>;

/**
 * A use case's HTTP controller, made from its edge: POST validates the path and the body, builds
 * the input, runs the use case on the context's executor and answers 201 with ETag (see respond).
 * The class is named after the use case (DeferProblem → DeferProblemHttpController), which names
 * its OpenAPI operation (deferProblem).
 */
export function commandEdge<P, I, Pa = object, B = object>(executor: Type<UseCaseExecutor<P>>, useCase: AnyUseCase<I, P>, edge: CommandEdge<I, Pa, B>): Type<unknown> {
  const input = edge.input ?? ((params: Pa, body: B) => ({ ...params, ...body }) as unknown as I);
  class Edge {
    constructor(
      readonly commands: UseCaseExecutor<P>,
      readonly events: EventStore,
    ) {}

    handle(meta: CommandMeta, ...rest: [Pa, B, FastifyReply] | [B, FastifyReply]): Promise<CommandAnswerBody> {
      const [params, body, res] = rest.length === 3 ? rest : [{} as Pa, ...rest];
      return respond(res, this.commands.execute(useCase, input(params, body, meta), meta), this.events.positions);
    }
  }
  Object.defineProperty(Edge, 'name', { value: `${useCase.name}HttpController` });
  Inject(executor)(Edge, undefined, 0);
  Inject(EVENT_STORE)(Edge, undefined, 1);
  const handle = Object.getOwnPropertyDescriptor(Edge.prototype, 'handle')!;
  // In the order a decorated method applies them (bottom up, parameters first): the OpenAPI document lists what they add in that order.
  Reflect.decorate(
    [
      ApiOperation(edge.operation),
      ...(edge.example ? [ApiRequestExample(edge.body, edge.example.summary, edge.example.value)] : []),
      Access({ body: edge.body, ...edge.access }),
      Post(edge.post),
      ...[(edge.meta ?? Command)(), ...(edge.params ? [Param()] : []), Body(...(edge.bodyPipes ?? [])), Res({ passthrough: true })].map(paramAt),
      Reflect.metadata('design:type', Function),
      Reflect.metadata('design:paramtypes', [Object, ...(edge.params ? [edge.params] : []), edge.body, Object]),
      Reflect.metadata('design:returntype', Promise),
    ] as MethodDecorator[],
    Edge.prototype,
    'handle',
    handle,
  );
  Reflect.decorate([ApiTags(edge.tag), Controller()], Edge);
  return Edge;
}

const paramAt = (decorator: ParameterDecorator, index: number): MethodDecorator => (target, key) => decorator(target, key, index);

/**
 * The edges of one context under one OpenAPI tag: `const problemEdge = commandEdges(RectificationCommands, 'rectification 整改台账')`,
 * then `problemEdge(deferProblem, 'api/problems/:problemId/defer', { operation, access, params, body, input })`.
 */
export function commandEdges<P>(executor: Type<UseCaseExecutor<P>>, tag: string) {
  return <I, Pa = object, B = object>(useCase: AnyUseCase<I, P>, post: string, edge: EdgeContract<Pa, B> & InputOf<I, Pa, B>): Type<unknown> =>
    commandEdge<P, I, Pa, B>(executor, useCase, { tag, post, ...edge });
}
