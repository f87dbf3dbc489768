import { Role } from '@platform/domain';

/** Who reads audit trails and reproduces notices: inspection teams, the office, leaders, administrators. */
export const AUDITORS: readonly Role[] = ['admin', 'office', 'inspector', 'leader'];
