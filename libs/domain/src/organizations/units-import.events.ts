import { DomainEvent } from '../shared/decider';
import { UnitCreated } from './organization.events';

/**
 * The journal of one import (`import-<importId>`), written before any unit: the whole plan, in
 * parts small enough for one event each, so that an import a crash interrupted is finished from it.
 */
export type UnitsImportPlanned = DomainEvent<'UnitsImportPlanned', { importId: string; part: number; parts: number; units: UnitCreated['data'][] }>;
/** Every planned unit is written: the import is complete. */
export type UnitsImportCompleted = DomainEvent<'UnitsImportCompleted', { importId: string; unitCount: number }>;
/** Some planned units were created meanwhile by another command: the rest is not written, the import is not complete. */
export type UnitsImportStopped = DomainEvent<'UnitsImportStopped', { importId: string; writtenUnitIds: string[]; conflictingUnitIds: string[] }>;

export type UnitsImportEvent = UnitsImportPlanned | UnitsImportCompleted | UnitsImportStopped;

export const UNITS_IMPORT_EVENT_TYPES: UnitsImportEvent['type'][] = ['UnitsImportPlanned', 'UnitsImportCompleted', 'UnitsImportStopped'];

export const importStreamId = (importId: string) => `import-${importId}`;
