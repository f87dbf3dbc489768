import { UserScopeRequest } from '../../user-scope.request.dto';

export class ChangeScopeRequest extends UserScopeRequest {}
