import { fromParams, IsText, REVIEWERS } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { StockTakeUnitParams } from '../../http/key-task-params';
import { commentTaskReport } from './comment-task-report';

export class CommentTaskReportRequest {
  /** 点评意见 */
  @IsText(2000)
  comment!: string;
}

export const CommentTaskReportHttpController = keyTasksEdge(commentTaskReport, 'api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId/comments', {
  operation: { summary: '点评任务报送 (comment on a unit\'s report)', description: '督导组或活动办公室点评单位的报送；督导组只能点评其负责范围内的单位' },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: StockTakeUnitParams, body: CommentTaskReportRequest,
});
