import { ForbiddenException } from '@nestjs/common';
import { ActorScope, scopeCovers } from '@platform/common';
import { InstructionTarget, InstructionTargetKind, OrganizationTree } from '@platform/domain';
import { InstructionPorts } from './instruction-commands';

const FORBIDDEN = { statusCode: 403, error: 'Forbidden', message: '无权进行此操作 (forbidden)' };

/**
 * The target as it stands, with the units it concerns; null when nothing of that kind has that id.
 * A notice records the subtree it covers rather than its thousands of rows.
 */
export async function findTarget(ports: InstructionPorts, tree: OrganizationTree, kind: InstructionTargetKind, id: string): Promise<{ target: InstructionTarget; seen: string[] } | null> {
  switch (kind) {
    case 'problem': {
      const units = await ports.problemUnits(id);
      return units ? { target: { kind, id, unitIds: units }, seen: units } : null;
    }
    case 'unit':
      return tree.has(id) ? { target: { kind, id, unitIds: [id] }, seen: [id] } : null;
    case 'notice': {
      const notice = await ports.notice(id);
      return notice ? { target: { kind, id, unitIds: notice.root ? [notice.root] : [] }, seen: notice.unitIds } : null;
    }
  }
}

/** A leader instructs on what lies within their scope: one of the target's units is enough, as for reading it. */
export function assertTargetInScope(tree: OrganizationTree, scope: ActorScope, seen: readonly string[]): void {
  if (scope.all) return;
  if (!seen.some((u) => scopeCovers(scope, u, tree.ancestorIds(u)))) throw new ForbiddenException(FORBIDDEN);
}
