import { fold } from '../shared/decider';
import { problemDecider } from './problem.decider';
import { ProblemEvent } from './problem.events';
import { publicView } from './problem-public-view';
import { deferred, HISTORY, published, registered } from './testing/problem-fixtures';

const viewOf = (events: readonly ProblemEvent[]) => publicView(fold(problemDecider, events));

describe('publicView (公示)', () => {
  it('shows nothing before the plan is published', () => {
    expect(viewOf([])).toBeNull();
    expect(viewOf(HISTORY.planned)).toBeNull();
  });

  it('shows the published plan and never a person’s name or id', () => {
    const view = viewOf([...HISTORY.planned, published()]);
    expect(view).toMatchObject({ problemId: 'p-001', measures: ['建立首问负责制'], deadline: '2025-10-31', handling: 'by_deadline' });
    const text = JSON.stringify(view);
    for (const personal of ['张书记', '李经办', 'u-zhang', 'u-li', 'op-1']) expect(text).not.toContain(personal);
    expect(registered().data.people.handler.name).toBe('李经办');
  });

  it('shows what the masses were told about a deferral', () => {
    const view = viewOf([...HISTORY.planned, published(), deferred()]);
    expect(view?.deferral?.explanation).toEqual({ text: '已在村民大会上说明', date: '2025-08-30' });
    expect(view?.handling).toBe('deferred');
  });

  it('shows the mechanisms against rebound once closed', () => {
    expect(viewOf(HISTORY.closed)?.mechanisms).toBe('每月回访');
  });
});
