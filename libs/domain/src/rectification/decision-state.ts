import { ProblemEvent } from './problem.events';
import { evolveProblem, handlingOf, ProblemState, RectificationCycle } from './problem-state';

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
  const plainNote = (e.type === 'ProgressRecorded' || e.type === 'PartProgressRecorded') && e.data.attachmentRefs.length === 0;
  if (plainNote && leftAsItIs(s, e)) return s;
  const next = evolveProblem(s, e);
  return plainNote ? { ...next, current: withoutPlainNotes(next.current) } : next;
}

const onlyWithFiles = (notes: RectificationCycle['progress']) => notes.every((n) => n.attachmentRefs.length > 0);

/**
 * Whether a plain note leaves the state itself, so that a reader can tell by identity that
 * nothing changed (the ledger then writes nothing): the note starts no work (a part's note never
 * does, a problem's only while it is planned), and `s` is as a fold leaves it — its status and
 * handling those of its cycle and no plain note held — so folding the note would give it back.
 */
function leftAsItIs(s: ProblemState, e: ProblemEvent): boolean {
  const c = s.current;
  return (
    (e.type === 'PartProgressRecorded' || c.status !== 'planned') &&
    s.status === c.status &&
    s.handling === c.handling &&
    c.handling === handlingOf(c) &&
    onlyWithFiles(c.progress) &&
    (c.joint?.parts.every((p) => onlyWithFiles(p.progress)) ?? true)
  );
}
