import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../event-store.port';
import { chainExtensionFor } from './chain-extension';
import { SqliteCheckpointLog } from './checkpoint-store';
import { CheckpointWitness, WitnessSchedule } from './checkpoint-witness';
import { HistorySource } from './history-scan';
import { loadSigningKey } from './signing-key';

export const WITNESS = Symbol('WITNESS');

export interface WitnessConfig extends WitnessSchedule {
  /** PKCS#8 Ed25519 private key (PEM or base64 DER); null keeps a generated key file in the data directory. */
  readonly signingKey: string | null;
}

export const DEFAULT_WITNESS_CONFIG: WitnessConfig = { signingKey: null, everyEvents: 1000, everyMinutes: 60 };

export interface WitnessModuleOptions {
  readonly dataDir: string;
  readonly config?: WitnessConfig;
  readonly clock?: () => Date;
}

class WitnessLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
    @Inject(SqliteCheckpointLog) private readonly log: SqliteCheckpointLog,
  ) {}
  onApplicationBootstrap(): void {
    this.witness.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.witness.stop();
    this.log.close();
  }
}

/** Why documents carry no ACP1 checkpoint on a store without a global chain. */
export const WITNESS_STEPS_ASIDE =
  '此事件存储没有全局哈希链，由全局公证链签发 ANP1 检查点 (this event store keeps one chain per stream: the global notary signs ANP1 checkpoints instead)';

/**
 * Signed checkpoints of the event log over its global chain (the embedded store's rows, read byte for
 * byte); on a store without one it steps aside for the global notary (WITNESS_STEPS_ASIDE).
 * The key and the issued checkpoints live in their own files, apart from events.sqlite.
 */
@Global()
@Module({})
export class WitnessModule {
  static forRoot(options: WitnessModuleOptions): DynamicModule {
    const config = options.config ?? DEFAULT_WITNESS_CONFIG;
    const logger = new Logger('AuditWitness');
    return {
      module: WitnessModule,
      providers: [
        { provide: SqliteCheckpointLog, useFactory: () => new SqliteCheckpointLog(join(options.dataDir, 'audit-checkpoints.sqlite')) },
        {
          provide: WITNESS,
          inject: [EVENT_STORE, SqliteCheckpointLog],
          useFactory: (store: EventStore, log: SqliteCheckpointLog) => {
            const key = loadSigningKey(options.dataDir, config.signingKey);
            const rows = store.capabilities.globalHashChain && 'readAllRows' in store;
            return new CheckpointWitness({
              source: store as unknown as HistorySource,
              stepsAside: rows ? undefined : WITNESS_STEPS_ASIDE,
              log,
              key,
              clock: options.clock ?? (() => new Date()),
              everyEvents: config.everyEvents,
              everyMinutes: config.everyMinutes,
              onAlarm: (message) => logger.error(`审计告警 audit alarm: ${message}`),
              extension: rows ? chainExtensionFor(store as unknown as HistorySource) : undefined,
            });
          },
        },
        WitnessLifecycle,
      ],
      exports: [WITNESS],
    };
  }
}
