import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId, TaskUnitFacts } from '@platform/domain';
import { TreeFacts } from '@platform/organizations';
import type { AssignTaskPartsRequest } from './assign-task-parts.http';

export const assignTaskParts = streamUseCase(keyTaskDecider)({
  name: 'AssignTaskParts',
  streamId: (i: { taskId: string } & AssignTaskPartsRequest) => keyTaskStreamId(i.taskId),
  facts: async (i, ports: TreeFacts): Promise<TaskUnitFacts> => {
    const tree = await ports.tree();
    const units: Record<string, { open: boolean }> = {};
    for (const { unitId } of i.parts) {
      const facts = tree.unitFacts(unitId);
      if (facts.exists) units[unitId] = { open: !facts.closed };
    }
    return units;
  },
  toCommand: (i, units, context) => ({
    type: 'AssignTaskParts',
    ...context,
    units,
    parts: i.parts.map((p) => ({ unitId: p.unitId, responsible: p.responsible, target: p.target ?? null })),
  }),
});
