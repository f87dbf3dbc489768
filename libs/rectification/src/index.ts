export * from './rectification.module';
export * from './problem-index';
export * from './rectification-config';
