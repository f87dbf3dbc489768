import type { SchemaObject } from '@nestjs/swagger';
import { obj } from '@platform/common';
import { USER_PROPERTIES } from '../queries/get-user.response';

const { disabled: _disabled, ...SIGNED_IN_PROPERTIES } = USER_PROPERTIES;

/** The signed-in user */
export const CurrentUserAnswer: SchemaObject = obj(SIGNED_IN_PROPERTIES, { required: ['userId', 'username', 'displayName', 'role', 'scopeUnitIds', 'contactPointUnitIds'] });
