import { IsId } from '@platform/common';

export class KeyTaskParams {
  @IsId()
  taskId!: string;
}

export class KeyTaskUnitParams extends KeyTaskParams {
  @IsId()
  unitId!: string;
}

export class StockTakeParams extends KeyTaskParams {
  @IsId()
  stockTakeId!: string;
}

export class StockTakeUnitParams extends StockTakeParams {
  @IsId()
  unitId!: string;
}
