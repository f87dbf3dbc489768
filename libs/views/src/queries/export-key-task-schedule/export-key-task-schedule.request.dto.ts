import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../../exports/export-format';
import { KeyTaskScheduleFilterRequest } from '../get-key-task-schedule/get-key-task-schedule.request.dto';

export class ExportKeyTaskScheduleRequest extends KeyTaskScheduleFilterRequest {
  /** xlsx（默认）或 csv */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
