import { Matches } from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MESSAGE = (f: string) => `${f} 只能包含字母、数字、- 和 _，最长 64 位`;

export class ProblemParams {
  @Matches(ID, { message: MESSAGE('problemId') })
  problemId!: string;
}

export class ProblemPartParams {
  @Matches(ID, { message: MESSAGE('problemId') })
  problemId!: string;

  @Matches(ID, { message: MESSAGE('partId') })
  partId!: string;
}
