import { FILL_REPORT_EVERY_MS, FillReports } from './fill-reports';

describe("the projector thread's reports of a fill", () => {
  it('tells a position at most once per interval, the first at once, and its end always', () => {
    let now = 1_000;
    const sent: Array<[number, number, boolean]> = [];
    const reports = new FillReports((position, head, done) => sent.push([position, head, done]), () => now);
    reports.note(10, 100);
    reports.note(20, 100);
    now += FILL_REPORT_EVERY_MS - 1;
    reports.note(30, 100);
    now += 1;
    reports.note(100, 100);
    // The head reached before the indexes are built: the end is told apart, however soon.
    reports.ended(100);
    expect(sent).toEqual([
      [10, 100, false],
      [100, 100, false],
      [100, 100, true],
    ]);
  });
});
