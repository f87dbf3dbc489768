/** Dependencies point inward: the domain is pure and imports nothing but itself. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code imports no framework, no infrastructure, no node built-ins: only other domain files.',
      severity: 'error',
      from: { path: '^libs/domain/src', pathNot: '^libs/domain/src/testing/' },
      to: { pathNot: '^libs/domain/src' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      // A use case names its request's type (import type, erased when compiled): no cycle at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'libs-are-used-through-their-index',
      comment:
        'Another lib, an app or a test reaches a lib through its index.ts (or its testing/ helpers): what the index does not export is the lib\'s own. The benchmark measures internals on purpose.',
      severity: 'error',
      from: { path: '^(libs/([a-z-]+)|apps/(?!bench/)[a-z-]+|test)/' },
      to: { path: '^libs/[a-z-]+/src/', pathNot: ['^libs/$2/', '^libs/[a-z-]+/src/index\\.ts$', '^libs/[a-z-]+/src/testing/'] },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '(\\.spec\\.ts$|\\.test\\.tsx?$|/testing/)' },
      to: { path: '(\\.spec\\.ts$|/testing/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)dist/' },
  },
};
