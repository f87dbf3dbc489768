import { IsId } from '@platform/common';

export class InstructionUnitParams {
  @IsId()
  instructionId!: string;

  @IsId()
  unitId!: string;
}
