import { RecordProgressRequest } from '../record-progress/record-progress.request.dto';

/** A part's progress note takes what the problem's own does. */
export class RecordPartProgressRequest extends RecordProgressRequest {}
