import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { badRequest, CommandResult, FieldError, StreamCommandRunner } from '@platform/common';
import { ImportRecord, orgStreamId, planOrganizationImport } from '@platform/domain';
import { parse } from 'csv-parse/sync';
import { OrganizationDirectory } from '../../organization-directory';
import { ImportUnitsCommand } from './import-units.command';

@CommandHandler(ImportUnitsCommand)
export class ImportUnitsHandler implements ICommandHandler<ImportUnitsCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly directory: OrganizationDirectory) {}

  async execute({ meta, request }: ImportUnitsCommand): Promise<CommandResult> {
    const records = request.units ?? parseCsv(request.csv ?? '');
    const { at } = this.runner.context(meta);
    return this.runner.runMany(
      meta,
      { command: 'ImportUnits', ...request },
      async () => {
        const plan = planOrganizationImport(records, await this.directory.current());
        if (!plan.ok) throw badRequest(plan.errors.map(rowError));
        // Every unit is a new stream: 'no_stream' makes a concurrent creation of the same id fail the whole import.
        return plan.events.map((e) => ({ streamId: orgStreamId(e.data.unitId), events: [e], expected: 'no_stream' as const }));
      },
      at,
    );
  }
}

function rowError(e: { row: number; field: string; rule: string; message: string }): FieldError & { row: number } {
  return { row: e.row, field: e.row > 0 ? `rows[${e.row}].${e.field}` : e.field, rule: e.rule, message: `第 ${e.row} 行: ${e.message}` };
}

function parseCsv(text: string): ImportRecord[] {
  try {
    return parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true }) as ImportRecord[];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw badRequest([{ field: 'csv', rule: 'csv_syntax', message: `CSV 格式错误${e.lines ? `（第 ${e.lines} 行附近）` : ''}: ${e.message}` }]);
  }
}
