import { describe, expect, it } from 'vitest';
import { actorText, streamSubject, type Names } from './event-subject';

const names: Names = {
  unit: (id) => ({ 'YL-A007-021': '市财政局第一支部', 'YL-D01': '白林区' })[id],
  campaign: (id) => ({ 'advanced-edu-b2': '第二批先进性教育' })[id],
};

describe('streamSubject', () => {
  it('names a problem by its code and links to it', () => {
    expect(streamSubject('problem-P-002273', names, 'zh')).toEqual({ text: '问题 P-002273', href: '/problems/P-002273' });
  });

  it("names a unit's progress in a campaign by the unit's name, whatever dots the campaign id holds", () => {
    expect(streamSubject('progress-advanced-edu-b2.YL-A007-021', names, 'zh')).toEqual({ text: '市财政局第一支部 · 学习进度', href: '/units/YL-A007-021' });
    expect(streamSubject('satisfaction-c.2026.YL-D01', names, 'en')).toEqual({ text: '白林区 · satisfaction', href: '/units/YL-D01' });
  });

  it('keeps an id the page has no name for', () => {
    expect(streamSubject('progress-advanced-edu-b2.YL-X99', names, 'zh').text).toBe('YL-X99 · 学习进度');
    expect(streamSubject('campaign-unknown', names, 'zh').text).toBe('活动 unknown');
    expect(streamSubject('something-else', names, 'zh')).toEqual({ text: 'something-else', href: null });
  });

  it('tells a longer prefix from the shorter one it starts with', () => {
    expect(streamSubject('assessment-scheme-S1', names, 'zh').text).toBe('考核方案 S1');
    expect(streamSubject('assessment-2026Q1', names, 'zh').text).toBe('考核 2026Q1');
    expect(streamSubject('username-li', names, 'en').text).toBe('username li');
    expect(streamSubject('user-u1', names, 'en').text).toBe('user u1');
  });

  it('links the kinds of stream that have a page', () => {
    expect(streamSubject('campaign-advanced-edu-b2', names, 'zh')).toEqual({ text: '活动 第二批先进性教育', href: null });
    expect(streamSubject('member-roster-YL-D01', names, 'zh')).toEqual({ text: '白林区 · 党员名册', href: '/roster/YL-D01' });
    expect(streamSubject('demonstration-point-YL-D01', names, 'zh').href).toBe('/demonstration-points/YL-D01');
    expect(streamSubject('notice-N 1', names, 'zh')).toEqual({ text: '通报 N 1', href: '/notices/N%201' });
    expect(streamSubject('import-I1', names, 'zh').href).toBeNull();
  });
});

describe('actorText', () => {
  const by = (userId: string, role: string, unitId: string | null, actorKind: 'user' | 'platform' = 'user') => ({ actor: { userId, role, unitId }, actorKind });

  it("says the actor's unit and role in the reader's language", () => {
    expect(actorText(by('op-YL-A007-021', 'operator', 'YL-A007-021'), names, 'zh')).toBe('市财政局第一支部 · 联络员');
    expect(actorText(by('op-YL-A007-021', 'operator', 'YL-A007-021'), names, 'en')).toBe('市财政局第一支部 · Liaison');
  });

  it('keeps what it cannot name: a unit without a name, a role it does not know, no unit at all', () => {
    expect(actorText(by('u', 'office', 'YL-Z'), names, 'zh')).toBe('YL-Z · 活动办公室');
    expect(actorText(by('u', 'auditor', null), names, 'zh')).toBe('auditor');
  });

  it("names whom the server marks as the platform the system, though its jobs record under the administrator's role", () => {
    expect(actorText(by('system-deadline-warnings', 'admin', null, 'platform'), names, 'zh')).toBe('系统');
    expect(actorText(by('system', 'admin', null, 'platform'), names, 'en')).toBe('System');
  });

  it('takes the kind from the answer, not from the look of the user id', () => {
    expect(actorText(by('system-like', 'admin', null), names, 'zh')).toBe('管理员');
    expect(actorText(by('nightly-import', 'admin', null, 'platform'), names, 'zh')).toBe('系统');
  });

  it('names a ballot recorded for the public', () => {
    expect(actorText(by('anonymous', 'public', null), names, 'zh')).toBe('群众');
  });
});
