import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventFold, StreamCommandRunner } from '@platform/common';
import { UNITS_IMPORT_EVENT_TYPES, UnitsImportPlanned } from '@platform/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@platform/event-store';
import { finishImport } from './import-process';

/**
 * The recovery of importUnits: an import whose journal holds its plan but no outcome stopped
 * half way (a crash, a lost connection to the store). On start its missing units are written, as
 * the import would have, and the journal completed; until then the journal is what says it is
 * not complete. Several processes doing it at once write each unit once (derived event ids).
 */
@Injectable()
export class ImportCompletion {
  private readonly logger = new Logger('organizations');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: StreamCommandRunner,
  ) {}

  /** Finishes every unfinished import; answers how many. */
  async completeAll(): Promise<number> {
    const open = new Map<string, StoredEvent[]>();
    await new EventFold(this.store, { types: UNITS_IMPORT_EVENT_TYPES, streamPrefix: 'import-' }, (e) => {
      const { importId } = e.data as { importId: string };
      if (e.type === 'UnitsImportPlanned') open.set(importId, [...(open.get(importId) ?? []), e]);
      else open.delete(importId);
    }).refresh();
    for (const [importId, planned] of open) {
      const writes = this.runner.continuing(planned[0]);
      const units = planned.flatMap((e) => (e.data as UnitsImportPlanned['data']).units);
      const { conflicting } = await finishImport(writes, writes.journal(), importId, units, planned[planned.length - 1].streamRevision);
      this.logger.warn(`完成中断的导入 (finished an interrupted import) ${importId}: ${units.length} units${conflicting.length ? `, stopped at ${conflicting.join(', ')}` : ''}`);
    }
    return open.size;
  }
}
