import { AsOfQuery } from '../../shared/view-query.request.dto';

export class GetUnitRosterRequest extends AsOfQuery {}
