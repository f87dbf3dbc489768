import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { EscalateToJointRequest } from './escalate-to-joint.http';

export const escalateToJoint = streamUseCase(problemDecider)({
  name: 'EscalateToJoint',
  streamId: (i: { problemId: string } & EscalateToJointRequest) => problemStreamId(i.problemId),
  // Whether the coordinator sits above the responsible unit depends on the problem's own state.
  facts: async (i, ports: RectificationPorts, state) => ({
    units: await rectificationFacts.units(ports, i.parts.map((p) => p.unitId)),
    coordinator: await rectificationFacts.coordinator(ports, i.coordinatorUnitId, state.responsibleUnitId),
  }),
  toCommand: (i, { units, coordinator }, context) => ({
    type: 'EscalateToJoint',
    ...context,
    coordinator,
    reason: i.reason,
    parts: i.parts.map((p, n) => ({ partId: p.partId, unit: units[n], description: p.description, deadline: p.deadline })),
  }),
});
