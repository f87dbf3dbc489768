export * from './campaigns.module';
export * from './campaign-facts';
