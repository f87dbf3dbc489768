export * from './identity.module';
export * from './access.guard';
