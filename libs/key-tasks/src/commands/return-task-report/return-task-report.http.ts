import { fromParams, IsText, REVIEWERS } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { StockTakeUnitParams } from '../../http/key-task-params';
import { returnTaskReport } from './return-task-report';

export class ReturnTaskReportRequest {
  /** 退回原因 */
  @IsText(2000)
  reason!: string;
}

export const ReturnTaskReportHttpController = keyTasksEdge(returnTaskReport, 'api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId/return', {
  operation: { summary: '退回任务报送 (return a unit\'s report)', description: '退回：报送不成立（如佐证不全），该单位视为未报送，须重新报送' },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: StockTakeUnitParams, body: ReturnTaskReportRequest,
});
