import { DEMONSTRATION_STAGE_NAMES, DemonstrationLevel, OrganizationTree, UNIT_TYPE_NAMES } from '@platform/domain';
import { DemonstrationPointDoc } from './demonstration-register.projection';

export const DEMONSTRATION_LEVEL_NAMES: Record<DemonstrationLevel, string> = { city: '市级', county: '区县级' };

/** A register row: the document with the names a reader needs. */
export function pointRow(doc: DemonstrationPointDoc, tree: OrganizationTree) {
  const { _id, ...point } = doc;
  return {
    ...point,
    name: tree.get(doc.unitId)?.name ?? doc.unitId,
    pointTypeName: UNIT_TYPE_NAMES[doc.pointType],
    levelName: DEMONSTRATION_LEVEL_NAMES[doc.level],
    stageName: DEMONSTRATION_STAGE_NAMES[doc.stage],
    history: doc.history.map((h) => ({ ...h, stageName: DEMONSTRATION_STAGE_NAMES[h.stage] })),
  };
}
