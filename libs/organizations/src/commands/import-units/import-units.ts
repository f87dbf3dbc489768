import { badRequest, derivedId, FieldError, fingerprint, ProcessUseCase } from '@platform/common';
import { ImportRecord, planOrganizationImport, refuse } from '@platform/domain';
import { TreeFacts } from '../../organization-commands';
import { startImport } from '../../import-process/import-process';

export interface ImportUnitsInput {
  /** The request as sent (CSV text or rows): what the idempotency fingerprint covers. */
  readonly request: object;
  readonly records: readonly ImportRecord[];
}

export const importUnits: ProcessUseCase<ImportUnitsInput, TreeFacts> = {
  name: 'ImportUnits',
  fingerprint: (i) => ({ command: 'ImportUnits', ...i.request }),
  async steps(i, ports, context, _runner, writes) {
    const plan = planOrganizationImport(i.records as ImportRecord[], await ports.tree());
    if (!plan.ok) throw badRequest(plan.errors.map(rowError));
    const units = plan.events.map((e) => e.data);
    // From the key when there is one (a retry is the same import), else from who imported which units when.
    const importId = derivedId(writes.idempotencyKey ?? `${context.actor.userId}@${context.at}`, fingerprint(units));
    const { conflicting } = await startImport(writes, importId, units);
    if (conflicting.length > 0) {
      refuse('units_created_meanwhile', `组织 ${conflicting.join(', ')} 已由其他操作创建，导入已中止 (units created meanwhile: import stopped)`, { unitIds: conflicting, importId });
    }
  },
};

function rowError(e: { row: number; field: string; rule: string; message: string }): FieldError & { row: number } {
  return { row: e.row, field: e.row > 0 ? `rows[${e.row}].${e.field}` : e.field, rule: e.rule, message: `第 ${e.row} 行: ${e.message}` };
}
