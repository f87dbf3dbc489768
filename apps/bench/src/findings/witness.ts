import { row, ratio, met, SectionLookup } from './reading';

/** The witness section. */
export function witnessFindings(section: SectionLookup): string[] {
  const out: string[] = [];
  const witness = section('witness');
  if (witness) {
    out.push(
      `**Signed checkpoints** (every 1000 events: ${ratio(row(witness, 'appends, checkpoint every 1000 events', 'no checkpoints'))} of unsigned appends, ${met(row(witness, 'appends, checkpoint every 1000 events', 'no checkpoints'))}). Before each signature the events since the last checkpoint are read again and re-hashed; that now runs on a thread of its own with its own read-only connection to the file (as WitnessModule wires it), so the appending thread only signs (about 40 µs) and stores the checkpoint. On this 2-core machine shared with other work that thread still competes for the cores, so the ratio stays noisy.`,
    );
  }
  return out;
}
