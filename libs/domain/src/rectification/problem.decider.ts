import { assertNever, Decider } from '../shared/decider';
import { ProblemCommand } from './problem.commands';
import { ProblemEvent } from './problem.events';
import { evolveProblem, initialProblemState, ProblemState } from './problem-state';
import { evolveDecisionState } from './decision-state';
import { registerProblem } from './register-problem';
import { changeDeadline, planRectification, publishPlan, recordProgress } from './rectification-plan';
import { acceptFix, claimFixed, closeProblem, rejectFix } from './verification';
import { deferProblem, resumeRectification, reviewDeferral } from './deferral';
import { changePartDeadline, closePart, escalateToJoint, recordPartProgress } from './joint-handling';
import { recheckProblem } from './look-back';
import { raiseWarning } from './raise-warning';
import { noteSupervision } from './supervision';

function decide(c: ProblemCommand, s: ProblemState): ProblemEvent[] {
  switch (c.type) {
    case 'RegisterProblem':
      return [registerProblem(c, s)];
    case 'PlanRectification':
      return [planRectification(c, s)];
    case 'PublishPlan':
      return [publishPlan(c, s)];
    case 'RecordProgress':
      return [recordProgress(c, s)];
    case 'ChangeDeadline':
      return [changeDeadline(c, s)];
    case 'ClaimFixed':
      return [claimFixed(c, s)];
    case 'AcceptFix':
      return [acceptFix(c, s)];
    case 'RejectFix':
      return [rejectFix(c, s)];
    case 'CloseProblem':
      return [closeProblem(c, s)];
    case 'DeferProblem':
      return [deferProblem(c, s)];
    case 'ReviewDeferral':
      return [reviewDeferral(c, s)];
    case 'ResumeRectification':
      return resumeRectification(c, s);
    case 'EscalateToJoint':
      return [escalateToJoint(c, s)];
    case 'RecordPartProgress':
      return [recordPartProgress(c, s)];
    case 'ChangePartDeadline':
      return [changePartDeadline(c, s)];
    case 'ClosePart':
      return [closePart(c, s)];
    case 'RecheckProblem':
      return [recheckProblem(c, s)];
    case 'NoteSupervision':
      return [noteSupervision(c, s)];
    case 'RaiseWarning':
      return raiseWarning(c, s);
    default:
      return assertNever(c);
  }
}

/** Decides on the problem's decision state: its fold without the progress notes that carry no file. */
export const problemDecider: Decider<ProblemCommand, ProblemState, ProblemEvent> = {
  decide,
  evolve: evolveDecisionState,
  initialState: initialProblemState,
};

/** The problem's whole record, every note included: what its detail page answers. */
export const problemRecordFolding = { initialState: initialProblemState, evolve: evolveProblem, growsWithEvents: true };
