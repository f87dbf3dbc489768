export * from './organizations.module';
export * from './organization-directory';
