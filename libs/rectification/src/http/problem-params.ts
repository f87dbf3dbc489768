import { IsId } from '@platform/common';


export class ProblemParams {
  @IsId()
  problemId!: string;
}

export class ProblemPartParams extends ProblemParams {
  @IsId()
  partId!: string;
}
