import { dirname, join } from 'node:path';

/** How to start a worker thread on a script that sits next to its caller. */
export interface ThreadEntry {
  readonly file: string;
  readonly execArgv?: string[];
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The built `<base>.js` beside `callerFile`; or, when the caller runs from source (tests,
 * `-r @swc-node/register`), `<base>.ts` compiled the same way in the thread, with the project's
 * tsconfig unless one is set.
 */
export function threadEntry(callerFile: string, base: string): ThreadEntry {
  const dir = dirname(callerFile);
  if (!callerFile.endsWith('.ts')) return { file: join(dir, `${base}.js`) };
  const registered = process.execArgv.some((a) => a.includes('@swc-node/register'));
  return {
    file: join(dir, `${base}.ts`),
    execArgv: registered ? undefined : [...process.execArgv, '-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(__dirname, '..', '..', '..', 'tsconfig.json') },
  };
}
