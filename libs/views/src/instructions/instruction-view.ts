import { OrganizationTree } from '@platform/domain';
import { PositionCodec } from '@platform/event-store';
import { InstructionDoc } from './instructions.documents';

/** An instruction as the API answers it: the stored document with the addressed units' names. */
export function instructionView({ _id, targetKey: _, unitIds: __, ...doc }: InstructionDoc, tree: OrganizationTree, positions: PositionCodec) {
  return { ...doc, position: positions.token(doc.position), units: doc.units.map((u) => ({ ...u, unitName: tree.get(u.unitId)?.name ?? null })) };
}
