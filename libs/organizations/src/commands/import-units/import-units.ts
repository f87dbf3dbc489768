import { badRequest, FieldError, ManyStreamUseCase } from '@platform/common';
import { ImportRecord, orgStreamId, planOrganizationImport } from '@platform/domain';
import { TreeFacts } from '../../organization-commands';

export interface ImportUnitsInput {
  /** The request as sent (CSV text or rows): what the idempotency fingerprint covers. */
  readonly request: object;
  readonly records: readonly ImportRecord[];
}

export const importUnits: ManyStreamUseCase<ImportUnitsInput, TreeFacts> = {
  name: 'ImportUnits',
  fingerprint: (i) => ({ command: 'ImportUnits', ...i.request }),
  async decideWrites(i, ports) {
    const plan = planOrganizationImport(i.records as ImportRecord[], await ports.tree());
    if (!plan.ok) throw badRequest(plan.errors.map(rowError));
    // Every unit is a new stream: 'no_stream' makes a concurrent creation of the same id fail the whole import.
    return plan.events.map((e) => ({ streamId: orgStreamId(e.data.unitId), events: [e], expected: 'no_stream' as const }));
  },
};

function rowError(e: { row: number; field: string; rule: string; message: string }): FieldError & { row: number } {
  return { row: e.row, field: e.row > 0 ? `rows[${e.row}].${e.field}` : e.field, rule: e.rule, message: `第 ${e.row} 行: ${e.message}` };
}
