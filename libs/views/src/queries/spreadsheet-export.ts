import { ApiProduces } from '@nestjs/swagger';
import { ApiSpreadsheetAnswer, QueryRequest, token } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { AnySheet, ExportFormat, streamExport } from '../exports/export-format';
import { documentCheckpoint } from '../shared/document-checkpoint';
import { ViewMoment, ViewMoments } from '../shared/view-moment';
import { momentOf } from '../shared/view-response';
import { asOfOf } from './moment-query';

/** What an export route declares besides its own contract: the file it answers with and the services it reads. */
export function spreadsheetExport() {
  return {
    decorators: [ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ApiSpreadsheetAnswer()],
    inject: { moments: ViewMoments, witness: token<CheckpointWitness>(WITNESS) },
    ownsResponse: true,
  };
}

/** One exported file: what the checkpoint signs it as, its name and its sheets. */
export interface ExportFile {
  readonly export: string;
  readonly title: string;
  readonly sheets: AnySheet[];
}

/**
 * An export route's handler: the file is read at the requested moment, the moment's headers are set
 * once it is known the file exists, and the file streams out signed by a fresh checkpoint.
 */
export function exportAt<Pa, Q extends { format?: ExportFormat }>(
  projections: readonly string[],
  file: (request: QueryRequest<Pa, Q>, moment: ViewMoment) => Promise<ExportFile>,
) {
  return async (request: QueryRequest<Pa, Q>, { moments, witness }: { moments: ViewMoments; witness: CheckpointWitness }) => {
    const moment = await moments.resolve(asOfOf(request.query), projections);
    const { export: name, title, sheets } = await file(request, moment);
    momentOf(request.res, moment);
    const checkpoint = await documentCheckpoint(witness, { export: name });
    await streamExport(request.res, request.query.format ?? 'xlsx', title, sheets, checkpoint);
  };
}
