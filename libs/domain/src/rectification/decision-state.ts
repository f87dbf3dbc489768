import { ProblemEvent } from './problem.events';
import { evolveProblem, ProblemState, RectificationCycle } from './problem-state';

const withFiles = (notes: RectificationCycle['progress']) => notes.filter((n) => n.attachmentRefs.length > 0);

/** A cycle without the progress notes that carry no file (a joint handling's parts' notes included). */
const withoutPlainNotes = (c: RectificationCycle): RectificationCycle => ({
  ...c,
  progress: withFiles(c.progress),
  joint: c.joint && { ...c.joint, parts: c.joint.parts.map((p) => ({ ...p, progress: withFiles(p.progress) })) },
});

/**
 * A problem's state as its decisions need it: the whole fold but the progress notes that carry no
 * file. No rule of the problem reads the notes; a published round's files are named from the
 * notes that have them, so those stay. The problem's record (its detail page) keeps every note,
 * folded with `evolveProblem`; its timeline reads the events themselves.
 */
export function decisionStateOf(s: ProblemState): ProblemState {
  return { ...s, current: withoutPlainNotes(s.current), cycles: s.cycles.map(withoutPlainNotes) };
}

/**
 * `evolveProblem` for a decision state: a plain note changes what it changes (the first one starts
 * the work) and is not kept. Kept, every note of a problem noted weekly grew the state that each
 * command loads and the ledger stores, so a note copied all the notes before it.
 */
export function evolveDecisionState(s: ProblemState, e: ProblemEvent): ProblemState {
  const next = evolveProblem(s, e);
  const plainNote = (e.type === 'ProgressRecorded' || e.type === 'PartProgressRecorded') && e.data.attachmentRefs.length === 0;
  return plainNote ? { ...next, current: withoutPlainNotes(next.current) } : next;
}
