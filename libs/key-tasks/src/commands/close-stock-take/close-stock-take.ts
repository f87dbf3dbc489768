import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';

export const closeStockTake = streamUseCase(keyTaskDecider)({
  name: 'CloseStockTake',
  streamId: (i: { taskId: string; stockTakeId: string }) => keyTaskStreamId(i.taskId),
  toCommand: (i, _, context) => ({ type: 'CloseStockTake', ...context, stockTakeId: i.stockTakeId }),
});
