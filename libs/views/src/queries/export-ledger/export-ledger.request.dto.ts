import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../../exports/export-format';
import { TrackedProblemFilters } from '../list-tracked-problems/list-tracked-problems.request.dto';

export class ExportLedgerRequest extends TrackedProblemFilters {
  /** xlsx（默认）或 csv */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
