// Tiers are chosen by file suffix so `jest --selectProjects unit` runs only the fast ones.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const aliases = {
  '^@platform/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@platform/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const tier = (name, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'off' },
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${name}.spec.ts`],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: aliases,
  ...extra,
});
module.exports = {
  testTimeout: 60000,
  projects: [tier('unit'), tier('int'), tier('e2e')],
};
