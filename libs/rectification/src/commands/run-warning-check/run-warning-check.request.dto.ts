/** A run takes no input: today comes from the clock, thresholds from each campaign. Unknown fields are refused. */
export class RunWarningCheckRequest {}
