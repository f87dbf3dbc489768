export * from './correlation-id';
export * from './http-metrics.hook';
export * from './json-logger';
export * from './platform-metrics';
export * from './request-log';
export * from './timed-appends';
export * from './operations-server';
