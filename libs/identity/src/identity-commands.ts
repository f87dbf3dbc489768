import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { commandEdges, CommandResult, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth/auth.service';
import { UserDirectory } from './users/user-directory';

/** What the identity use cases read and keep besides their streams: names in use, and password hashes (never in an event). */
export interface IdentityPorts extends TreeFacts {
  usernameTaken(username: string): Promise<boolean>;
  storePassword(userId: string, password: string): Promise<void>;
}

/** The identity context's use cases, with the directories and the password store of the platform. */
@Injectable()
export class IdentityCommands extends UseCaseExecutor<IdentityPorts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory, users: UserDirectory, private readonly auth: AuthService) {
    super(runner, {
      tree: () => directory.current(),
      usernameTaken: (username) => users.nameInUse(username),
      storePassword: (userId, password) => auth.storePassword(userId, password),
    });
  }

  /** After a command that ends a user's sessions (disabled, password reset): revoked once it is recorded, not again on a replay. */
  async revokingSessions(pending: Promise<CommandResult>, userId: string, reason: string, req: FastifyRequest): Promise<CommandResult> {
    const result = await pending;
    if (!result.replayed) await this.auth.revokeAll(userId, reason, req);
    return result;
  }
}

/** What the identity context's command controllers share: the executor with the context's ports. */
@Injectable()
export abstract class IdentityCommandController {
  constructor(
    protected readonly commands: IdentityCommands,
    @Inject(EVENT_STORE) protected readonly events: EventStore,
  ) {}
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const usersEdge = commandEdges(IdentityCommands, 'users 用户');
