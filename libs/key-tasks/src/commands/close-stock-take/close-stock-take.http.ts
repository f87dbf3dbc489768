import { fromLookup, MANAGERS } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { KeyTaskUnits } from '../../key-task-units';
import { StockTakeParams } from '../../http/key-task-params';
import { closeStockTake } from './close-stock-take';

/** Closing takes nothing but the stock-take it names. */
export class CloseStockTakeRequest {}

export const CloseStockTakeHttpController = keyTasksEdge(closeStockTake, 'api/key-tasks/:taskId/stock-takes/:stockTakeId/close', {
  operation: { summary: '结束任务调度 (close a stock-take)', description: '结束调度：不再接受报送、点评或退回，其结果可作为通报发布' },
  access: { roles: MANAGERS, mode: 'write', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' },
  params: StockTakeParams, body: CloseStockTakeRequest, input: (p, _body) => ({ taskId: p.taskId, stockTakeId: p.stockTakeId }),
});
