import { ActorScope, streamUseCase } from '@platform/common';
import { instructionDecider, instructionStreamId } from '@platform/domain';
import { InstructionPorts } from '../../instruction-commands';
import { assertTargetInScope, findTarget } from '../../instruction-target';
import type { IssueInstructionRequest } from './issue-instruction.http';

export type IssueInstructionInput = { scope: ActorScope } & IssueInstructionRequest;

export const issueInstruction = streamUseCase(instructionDecider)({
  name: 'IssueInstruction',
  streamId: (i: IssueInstructionInput) => instructionStreamId(i.instructionId),
  facts: async (i, ports: InstructionPorts) => {
    const tree = await ports.tree();
    const found = await findTarget(ports, tree, i.targetKind, i.targetId);
    if (found) assertTargetInScope(tree, i.scope, found.seen);
    const addressedUnits = Object.fromEntries(i.addressedUnitIds.map((u) => [u, tree.has(u) ? { open: !tree.get(u)?.closed } : null]));
    return { target: found?.target ?? null, addressedUnits };
  },
  toCommand: (i, facts, context) => ({
    type: 'IssueInstruction',
    ...context,
    instructionId: i.instructionId,
    target: facts.target,
    targetRef: { kind: i.targetKind, id: i.targetId },
    text: i.text,
    addressedUnitIds: i.addressedUnitIds,
    addressedUnits: facts.addressedUnits,
    deadline: i.deadline ?? null,
  }),
  fingerprint: ({ scope: _, ...request }) => ({ command: 'IssueInstruction', ...request }),
});
