/** Enabling needs no fields; unknown ones are still refused. */
export class EnableUserRequest {}
