import { parentPort, workerData } from 'node:worker_threads';
import { createReadStore } from '@platform/read-models';
import { startProjector } from '../../../projector/src/projector';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './projector-thread.protocol';
import { lowerThisThreadPriority } from './thread-priority';
import { TurnCommits } from './turn-commits';
import { FillReports } from './fill-reports';

/**
 * Niceness of the projector thread: below the API's event loop, so requests keep the cores they
 * need and the projections take the rest (a view behind says so; a write never waits for one).
 */
const PROJECTOR_NICENESS = 10;

/**
 * The projector as a thread of the platform (PROJECTIONS=worker, the default): the projections run
 * on an event loop of their own, so a batch being applied never holds up a request. It opens its
 * own connections to the stores (SQLite in WAL mode takes several) and tells the platform through
 * messages what it committed and what it logs; the platform tells it when events were appended.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('projector-thread.main runs as a worker thread of the platform');
  const data = workerData as ProjectorThreadData;
  const send = (message: FromProjectorThread) => port.postMessage(message);
  lowerThisThreadPriority(PROJECTOR_NICENESS);
  const committed = new TurnCommits((commits) => send({ type: 'committed', commits }));
  const filling = new FillReports((position, head, done) => send({ type: 'filling', position, head, done }));
  const readStore =
    data.readStore.kind === 'mongodb' ? await createReadStore({ store: 'mongo', mongoUrl: data.readStore.url, mongoDbName: data.readStore.dbName }) : undefined;
  const projector = startProjector({
    dataDir: data.dataDir,
    leaseMs: data.leaseMs,
    fillFromEvents: data.fillFromEvents,
    settleMs: data.settleMs,
    owner: data.owner,
    readStore,
    logger: {
      log: (message) => send({ type: 'log', level: 'log', message }),
      warn: (message) => send({ type: 'log', level: 'warn', message }),
      error: (message, stack) => send({ type: 'log', level: 'error', message, stack }),
    },
    onCommitted: (projection, position) => committed.note(projection, position),
    onFilling: (position, head) => filling.note(position, head),
    onFilled: (head) => filling.ended(head),
    progress: false,
  });
  let stopping = false;
  // The platform waits for the catch-up itself; here only what it held is given back as it ends
  // (a stop while it runs closes the stores under the wait, which then has nothing to report).
  projector.caughtUp().catch((error: unknown) => {
    if (!stopping) send({ type: 'log', level: 'warn', message: `waiting for the catch-up: ${String(error)}` });
  });
  port.on('message', (message: ToProjectorThread) => {
    if (message.type === 'appended') projector.notify();
    else if (message.type === 'stop' && !stopping) {
      stopping = true;
      // Its leases are given up, so a restart (or another projector) takes the projections over at once.
      projector.stop().then(() => {
        send({ type: 'stopped' });
        port.close();
      });
    }
  });
  send({ type: 'started', owner: projector.owner });
}

main().catch((error: unknown) => {
  // Thrown out of the thread: the platform sees it end with the error and starts another.
  setImmediate(() => {
    throw error;
  });
});
