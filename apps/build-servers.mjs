// `npm run build` (the server half): the platform, the projector and the services into dist/apps/<app>, as
// `nest build <app>` lays them out, from ONE TypeScript program over tsconfig.json (apps, libs and test).
// Three `nest build`s type-checked the same libraries three times and `npm run typecheck` a fourth; this checks
// everything once and emits each app's files with the transforms `nest build` applies (nest-cli.json's plugins,
// then the @platform/* imports made relative), so the output is the same JavaScript.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { tsconfigPathsBeforeHookFactory } = require('@nestjs/cli/lib/compiler/hooks/tsconfig-paths.hook');

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const nestCli = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
const apps = ['platform', 'projector', 'services'];

function parsed(configFile) {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, configFile), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (config.errors.length) fail(config.errors);
  return config;
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  console.error(`Found ${diagnostics.length} error(s).`);
  process.exit(1);
}

const whole = parsed('tsconfig.json');
// Emitted under dist/apps/<one app>, then moved: every app's outDir is that deep, so the source maps hold for each.
const emitDir = join(root, 'dist', 'apps', apps[0]);
const options = { ...whole.options, outDir: emitDir };
const host = ts.createCompilerHost(options);
const parsedFiles = new Map();
const getSourceFile = host.getSourceFile;
host.getSourceFile = (file, ...rest) => parsedFiles.get(file) ?? parsedFiles.set(file, getSourceFile(file, ...rest)).get(file);
const program = ts.createProgram({ rootNames: whole.fileNames, options, host });
const errors = ts.getPreEmitDiagnostics(program);
if (errors.length) fail(errors);

const plugins = nestCli.compilerOptions.plugins.map(({ name, options }) => require(`${name}/plugin`).before(options, program));
const transformers = { before: [tsconfigPathsBeforeHookFactory(whole.options), ...plugins] };
// Each app gets what its own tsconfig's files (no specs, no testing helpers) import, as in its own program,
// in its own outDir. Those programs only resolve imports: the files are parsed once, above.
for (const app of apps) {
  const config = parsed(nestCli.projects[app].compilerOptions.tsConfigPath);
  const outDir = config.options.outDir;
  rmSync(outDir, { recursive: true, force: true });
  const moveTo = (file) => join(outDir, relative(emitDir, file));
  const write = (file, text) => {
    mkdirSync(dirname(moveTo(file)), { recursive: true });
    writeFileSync(moveTo(file), text);
  };
  const own = ts.createProgram({ rootNames: config.fileNames, options, host });
  for (const { fileName } of own.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'))) {
    const result = program.emit(program.getSourceFile(fileName), write, undefined, false, transformers);
    if (result.diagnostics.length) fail(result.diagnostics);
  }
}
