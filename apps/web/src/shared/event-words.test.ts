import { describe, expect, it } from 'vitest';
import { eventWords } from './event-words';

describe('eventWords', () => {
  it("says a deadline warning's level, the days left or overdue, the deadline and whom it tells", () => {
    expect(eventWords({ level: 'yellow', daysLeft: 8, deadline: '2026-07-24', notify: ['handler', 'responsible_leader'] }, false)).toEqual([
      '黄色预警 剩 8 天',
      '时限 2026-07-24',
      '通知经办人、责任领导',
    ]);
    expect(eventWords({ level: 'red', daysLeft: -3, deadline: '2026-07-24', notify: ['unit_principal'] }, false)).toEqual(['红色预警 超期 3 天', '时限 2026-07-24', '通知单位主要负责人']);
  });

  it('keeps notes, attendance, measures and the deadline in that order; attachments are counted only where they cannot be opened', () => {
    const data = { note: '已召开', shouldAttend: 30, attended: 28, measures: ['一', '二'], dueBy: '2026-08-01', attachmentRefs: ['a', 'b'] };
    expect(eventWords(data, true)).toEqual(['已召开', '应到 30 人，实到 28 人', '一；二', '限 2026-08-01 前', '附件 2 个']);
    expect(eventWords(data, false)).toEqual(['已召开', '应到 30 人，实到 28 人', '一；二', '限 2026-08-01 前']);
  });

  it('has nothing to say for an event without words', () => expect(eventWords({ unitId: 'YL-D01' }, true)).toEqual([]));
});
