import { IsInt, Max, Min } from 'class-validator';

export class ChangeMemberCountRequest {
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  memberCount!: number;
}
