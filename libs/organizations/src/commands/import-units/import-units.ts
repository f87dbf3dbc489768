import { badRequest, FieldError, ProcessUseCase } from '@platform/common';
import { ImportRecord, orgStreamId, planOrganizationImport } from '@platform/domain';
import { TreeFacts } from '../../organization-commands';

export interface ImportUnitsInput {
  /** The request as sent (CSV text or rows): what the idempotency fingerprint covers. */
  readonly request: object;
  readonly records: readonly ImportRecord[];
}

export const importUnits: ProcessUseCase<ImportUnitsInput, TreeFacts> = {
  name: 'ImportUnits',
  fingerprint: (i) => ({ command: 'ImportUnits', ...i.request }),
  async steps(i, ports, _context, _runner, writes) {
    const plan = planOrganizationImport(i.records as ImportRecord[], await ports.tree());
    if (!plan.ok) throw badRequest(plan.errors.map(rowError));
    for (const e of plan.events) await writes.append(orgStreamId(e.data.unitId), [e], 'no_stream');
  },
};

function rowError(e: { row: number; field: string; rule: string; message: string }): FieldError & { row: number } {
  return { row: e.row, field: e.row > 0 ? `rows[${e.row}].${e.field}` : e.field, rule: e.rule, message: `第 ${e.row} 行: ${e.message}` };
}
