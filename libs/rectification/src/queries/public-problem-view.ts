import { hashOfRef, refsOf } from '@platform/blobs';
import {
  HANDLING_NAMES,
  OrganizationTree,
  PROBLEM_SOURCE_NAMES,
  PROBLEM_STATUS_NAMES,
  ProblemState,
  publicView,
  TIMING_CLASS_NAMES,
} from '@platform/domain';

/**
 * 公示: the decider package's public view (never a person's name or id) with the names the
 * masses read: units by name, statuses in Chinese. null until the current plan is published.
 */
export function publicProblem(s: ProblemState, tree: OrganizationTree) {
  const v = publicView(s);
  if (!v) return null;
  const unitName = (unitId: string) => tree.get(unitId)?.name ?? null;
  return {
    ...v,
    responsibleUnitName: unitName(v.responsibleUnitId),
    sourceName: PROBLEM_SOURCE_NAMES[v.source],
    statusName: PROBLEM_STATUS_NAMES[v.status],
    handlingName: HANDLING_NAMES[v.handling],
    timingName: TIMING_CLASS_NAMES[v.timing],
    jointParts: v.jointParts.map((p) => ({ ...p, unitName: unitName(p.unitId) })),
    files: publicFiles(s),
  };
}

/**
 * The files of the published round: attached to its progress, its parts' progress and its fix
 * claim. Only these are served without sign-in, and only while the round stays published.
 */
export function publicFiles(s: ProblemState): string[] {
  const c = s.current;
  if (!publicView(s)) return [];
  const notes = [...c.progress, ...(c.joint?.parts ?? []).flatMap((p) => p.progress), ...(c.claim ? [c.claim] : [])];
  return [...new Set(notes.flatMap((n) => refsOf({ attachmentRefs: n.attachmentRefs }).map(hashOfRef)))];
}
