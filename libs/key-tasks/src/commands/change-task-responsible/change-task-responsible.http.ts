import { fromParams, IsLine, IsText, MANAGERS } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { KeyTaskUnitParams } from '../../http/key-task-params';
import { changeTaskResponsible } from './change-task-responsible';

export class ChangeTaskResponsibleRequest {
  /** 新的责任人 */
  @IsLine(50)
  responsible!: string;

  /** 调整原因 */
  @IsText(2000)
  reason!: string;
}

export const ChangeTaskResponsibleHttpController = keyTasksEdge(changeTaskResponsible, 'api/key-tasks/:taskId/parts/:unitId/responsible', {
  operation: { summary: '调整任务责任人 (change who answers for a unit\'s part)' },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: KeyTaskUnitParams, body: ChangeTaskResponsibleRequest, input: (p, body) => ({ taskId: p.taskId, unitId: p.unitId, ...body }),
});
