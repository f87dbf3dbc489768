import { InstructionEvent, INSTRUCTION_EVENT_TYPES } from '@platform/domain';
import { documentProjection } from '@platform/read-models';
import { AddressedUnitView, InstructionDoc, INSTRUCTIONS, targetKey } from './instructions.documents';

const withUnit = (doc: InstructionDoc, unitId: string, change: (u: AddressedUnitView) => AddressedUnitView): InstructionDoc => {
  const units = doc.units.map((u) => (u.unitId === unitId ? change(u) : u));
  const openUnitIds = units.filter((u) => u.status !== 'reported').map((u) => u.unitId);
  return { ...doc, units, openUnitIds, open: openUnitIds.length > 0 };
};

/** 批示 register: one document per instruction, with each addressed unit's acknowledgement and reports. */
export const instructionsProjection = documentProjection<InstructionDoc, InstructionEvent['data']>({
  name: 'instructions',
  version: 1,
  collection: INSTRUCTIONS,
  handles: INSTRUCTION_EVENT_TYPES,
  indexes: { targetKey: 'scalar', unitIds: 'array', addressedUnitIds: 'array', openUnitIds: 'array', open: 'scalar', position: 'scalar' },
  id: (e) => e.data.instructionId,
  evolve: (current, stored) => {
    const e = { type: stored.type, data: stored.data } as InstructionEvent;
    switch (e.type) {
      case 'InstructionIssued':
        return {
          _id: e.data.instructionId,
          instructionId: e.data.instructionId,
          target: e.data.target,
          targetKey: targetKey(e.data.target.kind, e.data.target.id),
          text: e.data.text,
          deadline: e.data.deadline,
          issuedBy: e.data.issuedBy,
          issuedAt: stored.occurredAt,
          position: stored.position,
          addressedUnitIds: e.data.addressedUnitIds,
          unitIds: [...new Set([...e.data.target.unitIds, ...e.data.addressedUnitIds])],
          openUnitIds: e.data.addressedUnitIds,
          open: true,
          units: e.data.addressedUnitIds.map((unitId) => ({ unitId, status: 'pending', acknowledgedBy: null, acknowledgedAt: null, note: null, reports: [] })),
        };
      case 'InstructionAcknowledged':
        return current && withUnit(current, e.data.unitId, (u) => ({ ...u, status: 'acknowledged', acknowledgedBy: e.data.acknowledgedBy, acknowledgedAt: stored.occurredAt, note: e.data.note }));
      case 'InstructionReported':
        return (
          current &&
          withUnit(current, e.data.unitId, (u) => ({ ...u, status: 'reported', reports: [...u.reports, { report: e.data.report, reportedBy: e.data.reportedBy, reportedAt: stored.occurredAt }] }))
        );
    }
  },
});
