export * from './integration-events';
export * from './relay-ports';
export * from './event-relay';
export * from './relay-status';
export * from './in-process-producer';
export * from './jsonl-file-producer';
export * from './sqlite-relay-checkpoints';
export * from './kafka-producer';
