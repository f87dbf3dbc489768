/** Deadline warnings' levels and whom each tells, as the office calls them (the domain's WARNING_LEVEL_NAMES, WARNING_RECIPIENT_NAMES). */
const WARNING_LEVELS: Record<string, string> = { green: '绿色预警', yellow: '黄色预警', red: '红色预警' };
const RECIPIENTS: Record<string, string> = { handler: '经办人', responsible_leader: '责任领导', unit_principal: '单位主要负责人' };

/**
 * The event's own words, in the order a reader wants them: notes, evidence, reasons, measures, a
 * warning's level and days, the deadline. Empty when the event carries nothing worth reading.
 */
export function eventWords(data: Record<string, unknown>, attachmentsElsewhere: boolean): string[] {
  const text = ['note', 'finding', 'demand', 'evidence', 'reason', 'comment', 'explanation', 'description']
    .map((k) => data[k])
    .filter((v): v is string => typeof v === 'string');
  const attendance = typeof data.shouldAttend === 'number' && typeof data.attended === 'number' ? `应到 ${data.shouldAttend} 人，实到 ${data.attended} 人` : null;
  const measures = Array.isArray(data.measures) ? (data.measures as string[]).join('；') : null;
  const level = typeof data.level === 'string' ? WARNING_LEVELS[data.level] : undefined;
  const days = typeof data.daysLeft === 'number' ? (data.daysLeft < 0 ? `超期 ${-data.daysLeft} 天` : `剩 ${data.daysLeft} 天`) : null;
  const warning = level ? [level, days].filter(Boolean).join(' ') : null;
  const told = level && Array.isArray(data.notify) && data.notify.length > 0 ? `通知${(data.notify as string[]).map((r) => RECIPIENTS[r] ?? r).join('、')}` : null;
  const deadline = typeof data.deadline === 'string' ? `时限 ${data.deadline}` : typeof data.dueBy === 'string' ? `限 ${data.dueBy} 前` : null;
  const refs = Array.isArray(data.attachmentRefs) ? data.attachmentRefs.length : 0;
  return [...text, attendance, measures, warning, deadline, told, attachmentsElsewhere && refs ? `附件 ${refs} 个` : null].filter((w): w is string => !!w);
}
