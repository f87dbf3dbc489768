import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../../exports/export-format';
import { BoardFilterRequest } from '../get-progress-board/get-progress-board.request.dto';

export class ExportProgressBoardRequest extends BoardFilterRequest {
  /** xlsx（默认）或 csv */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
