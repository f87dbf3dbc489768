export * from './inbox.module';
export * from './commands/mark-inbox-read/mark-inbox-read';
export * from './commands/mark-inbox-all-read/mark-inbox-all-read';
