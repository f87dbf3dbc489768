import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the OS scheduling priority of the calling thread only (Linux: a thread is a task with its
 * own id, and setpriority on that id changes that thread alone). The projector thread runs behind
 * the API's event loop this way: on a busy machine a batch being applied takes the cores the
 * requests do not need, instead of stretching every request in flight. Returns the thread's id,
 * or null where threads cannot be told apart (no /proc/thread-self) or the change is refused.
 */
export function lowerThisThreadPriority(niceness: number): number | null {
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    setPriority(tid, niceness);
    return tid;
  } catch {
    return null;
  }
}
