export * from './identity.module';
export * from './access.guard';
export * from './administrator-bootstrap';
