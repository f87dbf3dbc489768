import { CheckpointView, checkpointView, CheckpointWitness, WitnessRefusedError } from '@platform/event-store';

/**
 * The signed checkpoint printed on a document leaving the system: a notice keeps the one issued
 * when it was published, an export gets a fresh one. When the history no longer follows the last
 * checkpoint the witness refuses (and has raised its alarm): the document still goes out, unsigned.
 */
export async function documentCheckpoint(
  witness: CheckpointWitness,
  document: { notice: string } | { export: string },
): Promise<CheckpointView | null> {
  try {
    const issued = 'notice' in document ? await witness.checkpointFor('notice', document.notice) : await witness.issue('export', document.export);
    return checkpointView(issued);
  } catch (error) {
    if (error instanceof WitnessRefusedError) return null;
    throw error;
  }
}
