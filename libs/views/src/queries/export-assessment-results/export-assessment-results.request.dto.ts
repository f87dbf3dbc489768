import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../../exports/export-format';
import { GetAssessmentResultsRequest } from '../get-assessment-results/get-assessment-results.request.dto';

export class ExportAssessmentResultsRequest extends GetAssessmentResultsRequest {
  /** xlsx（默认）或 csv */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
