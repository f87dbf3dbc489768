/** Publishing takes no input: the plan published is the one recorded. Unknown fields are refused. */
export class PublishPlanRequest {}
