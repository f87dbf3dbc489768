import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../../exports/export-format';
import { AsOfQuery } from '../../shared/view-query.request.dto';

export class ExportUnitRosterRequest extends AsOfQuery {
  /** xlsx（默认）或 csv */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
