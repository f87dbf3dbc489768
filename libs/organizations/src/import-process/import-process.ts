import { CommandWrites, derivedId } from '@platform/common';
import { importStreamId, orgStreamId, UnitCreated, UnitsImportEvent, UnitsImportPlanned } from '@platform/domain';
import { WrongExpectedRevisionError } from '@platform/event-store';

type Unit = UnitCreated['data'];

/** Units per journal event: a large tree's plan stays within what a clustered store takes in one event. */
const UNITS_PER_PART = 1000;
/** Appends in flight at once: one wave of siblings at a time, in slices. */
const SLICE = 500;

/**
 * An import written without an atomic write of several streams: first its journal (the whole
 * plan, one append to `import-<id>`), then every unit's stream, parents before children, each
 * with an event id derived from the import, then the journal's `UnitsImportCompleted`. Until then
 * the journal says the import is not complete; ImportCompletion finishes it after a crash, writing
 * again only what is missing (the derived ids make a unit already written a duplicate).
 */
export async function startImport(writes: CommandWrites, importId: string, units: readonly Unit[]): Promise<{ conflicting: string[] }> {
  const journal = writes.journal();
  const parts = slices(units, UNITS_PER_PART);
  const planned: UnitsImportPlanned[] = parts.map((p, i) => ({ type: 'UnitsImportPlanned', data: { importId, part: i + 1, parts: parts.length, units: p } }));
  await journal.append(importStreamId(importId), planned, 'no_stream', planned.map((_, i) => derivedId(importId, `plan-${i}`)));
  return finishImport(writes, journal, importId, units, planned.length - 1);
}

/**
 * Writes the planned units, then records the outcome in the journal: complete, or stopped at the
 * units another command created meanwhile (the units already written stay; nothing under the
 * conflicting ones is written).
 */
export async function finishImport(
  writes: CommandWrites,
  journal: CommandWrites,
  importId: string,
  units: readonly Unit[],
  journalRevision: number,
): Promise<{ conflicting: string[] }> {
  const written: string[] = [];
  const conflicting: string[] = [];
  for (const wave of wavesByDepth(units)) {
    for (const slice of slices(wave, SLICE)) {
      const outcomes = await Promise.allSettled(
        slice.map(({ unit, index }) => writes.append(orgStreamId(unit.unitId), [{ type: 'UnitCreated', data: unit }], 'no_stream', [derivedId(importId, index)])),
      );
      outcomes.forEach((o, i) => {
        if (o.status === 'fulfilled') written.push(slice[i].unit.unitId);
        else if (o.reason instanceof WrongExpectedRevisionError) conflicting.push(slice[i].unit.unitId);
        else throw o.reason;
      });
    }
    if (conflicting.length > 0) break;
  }
  const outcome: UnitsImportEvent =
    conflicting.length > 0
      ? { type: 'UnitsImportStopped', data: { importId, writtenUnitIds: written, conflictingUnitIds: conflicting } }
      : { type: 'UnitsImportCompleted', data: { importId, unitCount: units.length } };
  try {
    await journal.append(importStreamId(importId), [outcome], journalRevision, [derivedId(importId, 'outcome')]);
  } catch (error) {
    // Another process finishing the same import recorded the outcome first.
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
  }
  return { conflicting };
}

/** The units by depth within the import, each with its place in the plan (what its event id derives from). */
function wavesByDepth(units: readonly Unit[]): { unit: Unit; index: number }[][] {
  const depth = new Map<string, number>();
  const waves: { unit: Unit; index: number }[][] = [];
  units.forEach((unit, index) => {
    // The plan lists parents first, so a parent in the import already has its depth.
    const d = unit.parentId !== null && depth.has(unit.parentId) ? depth.get(unit.parentId)! + 1 : 0;
    depth.set(unit.unitId, d);
    (waves[d] ??= []).push({ unit, index });
  });
  return waves;
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
