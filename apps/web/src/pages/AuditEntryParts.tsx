import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AuditEntry } from '../api/view-types';
import { useI18n } from '../i18n/i18n';
import { EventSummary } from '../shared/event-cells';
import { eventWords } from '../shared/event-words';
import { actorText, Names, streamSubject } from '../shared/event-subject';
import { dateTime, lagText, tokenLabel } from '../shared/format';

/** The problem an entry's evidence files are served under, if it is a problem's. */
export const problemOf = (e: AuditEntry) => (e.streamId.startsWith('problem-') ? e.streamId.slice('problem-'.length) : null);

/** What the entry is about, by the name readers know, linked where there is a page; the stored id stays in the tooltip. */
export function EntrySubject({ entry, names }: { entry: AuditEntry; names: Names }) {
  const { lang } = useI18n();
  const s = streamSubject(entry.streamId, names, lang);
  return <span title={entry.streamId}>{s.href ? <Link to={s.href}>{s.text}</Link> : s.text}</span>;
}

/** Who recorded the entry; the user id stays in the tooltip. */
export function EntryActor({ entry, names }: { entry: AuditEntry; names: Names }) {
  const { lang } = useI18n();
  return <span title={entry.actor.userId}>{actorText(entry, names, lang)}</span>;
}

/** A backdated entry's mark: how long after it happened it was recorded. */
export function BackdatedTag({ entry }: { entry: AuditEntry }) {
  const { t, lang } = useI18n();
  return entry.backdated ? <Tag color="orange">{t('backdated')} · {lagText(entry.occurredAt, entry.recordedAt, lang)}</Tag> : null;
}

/**
 * One entry as a card, for a phone: what happened and to what, who recorded it, its words, and both
 * times — the columns of the desk's table, one under another, so nothing needs a sideways scroll.
 */
export function AuditEntryCard({ entry, names }: { entry: AuditEntry; names: Names }) {
  const { t } = useI18n();
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12, flex: '0 0 4.5em' }}>
      {text}
    </Typography.Text>
  );
  return (
    <Card size="small" className={entry.backdated ? 'audit-card audit-card-backdated' : 'audit-card'} data-testid="audit-entry">
      <div className="audit-card-head">
        <Typography.Text strong title={entry.type}>
          {entry.typeName}
        </Typography.Text>
        <span className="audit-card-no" title={entry.position}>
          #{tokenLabel(entry.position)}
        </span>
      </div>
      <div className="audit-card-line">
        {label(t('subject'))}
        <EntrySubject entry={entry} names={names} />
      </div>
      <div className="audit-card-line">
        {label(t('actor'))}
        <EntryActor entry={entry} names={names} />
      </div>
      {/* An entry with no words of its own (a unit created, a step started) has no content line. */}
      {eventWords(entry.data, true).length > 0 && (
        <div className="audit-card-line">
          {label(t('content'))}
          <EventSummary data={entry.data} problemId={problemOf(entry)} />
        </div>
      )}
      <div className="audit-card-line">
        {label(t('occurredAt'))}
        <Space size={4} wrap>
          {dateTime(entry.occurredAt)}
          <BackdatedTag entry={entry} />
        </Space>
      </div>
      <div className="audit-card-line">
        {label(t('recordedAt'))}
        <span>{dateTime(entry.recordedAt)}</span>
      </div>
      <div className="audit-card-line">
        {label('hash')}
        <code title={entry.hash}>{entry.hash.slice(0, 16)}</code>
      </div>
    </Card>
  );
}
