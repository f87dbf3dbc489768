import type { EventStore } from '@platform/event-store';
import { Presets, SingleBar } from 'cli-progress';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReadStore } from './read-store.port';

export interface CatchUpProgressOptions {
  /** Where the bar goes (default: stderr). */
  readonly stream?: NodeJS.WritableStream;
  /** Below this many events behind no bar is drawn: a restart's few events are not worth one (default 1,000). */
  readonly barFrom?: number;
  /** How often the checkpoints are read (default 200 ms). */
  readonly pollMs?: number;
  /** The bar's label. */
  readonly label?: string;
  /**
   * Where work not yet done stands, when someone tells it (a projector thread's fill of new
   * projections, whose checkpoints move only as it stores and reach the head before its indexes
   * are built): the bar shows it while it is ahead, and the wait lasts while it is not null.
   */
  readonly reportedAt?: () => number | null;
  /** Checked at each poll: a reason to stop waiting (a projection that keeps failing), or null to go on. */
  readonly giveUp?: () => Promise<string | null>;
  /**
   * Ends the wait at once (the process stopping), giving up with the abort's reason: the stores
   * are closed under it next, and a poll of a closed store would fail the start with a stack trace.
   */
  readonly signal?: AbortSignal;
}

export interface CatchUpResult {
  /** The head waited for: every named projection's checkpoint reached it. */
  readonly head: number;
  /** Events the slowest projection had to apply (the store's countEvents); null where the store cannot count them (KurrentDB). */
  readonly behind: number | null;
  readonly durationMs: number;
  /** Why it stopped waiting before every checkpoint reached the head, if it did. */
  readonly gaveUp: string | null;
}

/**
 * Resolves once every named projection's stored checkpoint has reached the event store's head as
 * it was when called, whoever runs them (this process or a projector), with a progress bar while
 * they are far behind: a first start on a large history is visibly at work, and whatever listens
 * afterwards answers with caught-up views.
 */
export async function catchUpWithProgress(events: EventStore, store: ReadStore, names: readonly string[], options: CatchUpProgressOptions = {}): Promise<CatchUpResult> {
  const started = Date.now();
  const head = await events.headPosition();
  const slowest = async () => Math.min(head, ...(await Promise.all(names.map(async (n) => (await store.checkpoint(n))?.position ?? 0))));
  const from = await slowest();
  const behind = from >= head ? 0 : await events.countEvents(from, head);
  let bar: SingleBar | null = null;
  // The bar runs over positions, which count events only where the store can count them.
  if (behind !== null && events.capabilities.densePositions && behind >= (options.barFrom ?? 1_000)) {
    bar = positionBar(options.label ?? '投影追赶 projections catching up', options.stream);
    bar.start(head, from);
  }
  let gaveUp: string | null = null;
  const signal = options.signal;
  const stopped = () => (signal?.aborted ? `stopped (${reasonOf(signal)})` : null);
  try {
    const working = () => options.reportedAt?.() != null;
    for (let at = from; at < head || working(); at = await slowest()) {
      bar?.update(Math.max(at, Math.min(head, options.reportedAt?.() ?? 0)));
      gaveUp = stopped() ?? (await options.giveUp?.()) ?? null;
      if (gaveUp) break;
      // Woken early by the abort (which rejects the wait): the loop ends below.
      await sleep(options.pollMs ?? 200, undefined, { signal }).catch(() => undefined);
      if ((gaveUp = stopped())) break;
    }
    if (!gaveUp) bar?.update(head);
  } catch (error) {
    // A store closed under a poll already under way when the stop came.
    if (!signal?.aborted) throw error;
    gaveUp = stopped();
  } finally {
    bar?.stop();
  }
  return { head, behind, durationMs: Date.now() - started, gaveUp };
}

const reasonOf = (signal: AbortSignal): string => (signal.reason instanceof Error ? signal.reason.message : String(signal.reason));

/**
 * The bar of a fill of new projections (see fillNewProjections), started at its first position:
 * the fill's head is known only then.
 */
export function fillProgressBar(options: { readonly stream?: NodeJS.WritableStream } = {}): { update(position: number, head: number): void; stop(): void } {
  let bar: SingleBar | null = null;
  return {
    update(position, head) {
      if (!bar) {
        bar = positionBar('投影填充 filling new projections', options.stream);
        bar.start(Math.max(head, 1), position);
      }
      bar.update(position);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** A bar over event positions, drawn every 2 s where the stream is not a terminal (a log). */
function positionBar(label: string, stream: NodeJS.WritableStream | undefined): SingleBar {
  return new SingleBar(
    {
      format: `${label} |{bar}| {percentage}% | position {value}/{total} | {duration_formatted}`,
      stream,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
}
