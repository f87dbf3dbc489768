import { row, ratio, met, SectionLookup } from './reading';

/** Reads: read-all and whole streams against the peer and raw SQLite. */
export function readsFindings(section: SectionLookup): string[] {
  const out: string[] = [];
  const reads = section('reads');
  if (reads) {
    const all = row(reads, 'read all', 'Emmett readMessagesBatch');
    const raw = row(reads, 'read all', 'raw better-sqlite3 iterate');
    const ceiling = row(reads, 'read all: the limit against the peer');
    const cityRead = row(section('rebuild'), 'read all (city history)', 'Emmett readMessagesBatch');
    out.push(
      `**Reads.** Read-all runs at ${ratio(all)} of Emmett (${met(all)}) and ${ratio(raw)} of the raw reference (better-sqlite3 \`iterate\` returning row objects, both JSON columns parsed), which is itself ${ratio(ceiling)} of Emmett: the store reads rows as arrays of their columns (\`.raw()\`) and builds each envelope from them, where building an object with thirteen named fields per row was about a third of the read (in an A/B on the same machine, the same pages read 1.4× as fast as column arrays); what remains is SQLite's row decoding and JSON.parse of data and metadata, which every reader pays. ` +
        `Reading streams whole: ${ratio(row(reads, 'read stream', 'Emmett store'))} of Emmett's store API and ${ratio(row(reads, 'read stream', 'Emmett, one connection'))} of its building blocks on one connection. ` +
        `Read-all of the city's history (in section 2, after the rebuild rounds in the same process): ${ratio(cityRead)} of Emmett (${met(cityRead)}; 1.63× in the last run before this change, 2026-12-03). There the store's rate had fallen to about two thirds of what the same read makes in a fresh process, and Emmett's much less: V8 pretenures an object literal's allocation site once its objects outlive collections, as envelopes did in a rebuild's batches of 5,000 (500 now, see Rebuild), and from then on every envelope read was allocated in the old generation — garbage only a full collection frees, each pointing to young strings and data that every scavenge then had to visit (with pretenuring switched off, \`--no-allocation-site-pretenuring\`, the read after a rebuild ran at its fresh-process rate). Envelopes are now built by a class's constructor (\`StoredEnvelope\`, same fields in the same order), which V8 does not pretenure. The rebuild's own rate did not move with this beyond the noise (an A/B of that section alone on a loaded machine: 0.44× and 0.32× of the raw loop before, 0.43× and 0.34× after). Since 2026-12-06 every read sample of sections 1b and 2 reads again and again for at least a second and gives the rate over all its passes: one pass over section 2's 20,000 events takes 100-300 ms, and single passes of the same code measured 1.72× in the report before and 2.06-2.31× in a run the same day (\`sustainedRate\`).`,
    );
  }
  return out;
}
