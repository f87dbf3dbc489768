import { useMemo } from 'react';
import { useCampaigns, useOrganizations } from '../api/queries';
import { EvidenceLinks } from './evidence';
import type { Names } from './event-subject';

/** The names of units and campaigns the app already loaded, for saying who and what an event is about. */
export function useNames(): Names {
  const orgs = useOrganizations();
  const campaigns = useCampaigns();
  return useMemo(() => {
    const units = new Map((orgs.data ?? []).map((u) => [u.unitId, u.name]));
    const byCampaign = new Map((campaigns.data ?? []).map((c) => [c.campaignId, c.name]));
    return { unit: (id) => units.get(id), campaign: (id) => byCampaign.get(id) };
  }, [orgs.data, campaigns.data]);
}

/** The event's own words: notes, evidence, reasons, measures — whatever it carries that a reader wants. */
export function EventSummary({ data, problemId }: { data: Record<string, unknown>; problemId: string | null }) {
  const text = ['note', 'finding', 'demand', 'evidence', 'reason', 'comment', 'explanation', 'description']
    .map((k) => data[k])
    .filter((v): v is string => typeof v === 'string');
  const attendance = typeof data.shouldAttend === 'number' && typeof data.attended === 'number' ? `应到 ${data.shouldAttend} 人，实到 ${data.attended} 人` : null;
  const measures = Array.isArray(data.measures) ? (data.measures as string[]).join('；') : null;
  const deadline = typeof data.deadline === 'string' ? `时限 ${data.deadline}` : typeof data.dueBy === 'string' ? `限 ${data.dueBy} 前` : null;
  // Evidence files are served under their problem; elsewhere only their count is shown.
  const refs = Array.isArray(data.attachmentRefs) ? (data.attachmentRefs as string[]) : [];
  return (
    <div className="cell-stack">
      <span style={{ fontSize: 12 }}>{[...text, attendance, measures, deadline, !problemId && refs.length ? `附件 ${refs.length} 个` : null].filter(Boolean).join(' · ') || '—'}</span>
      {problemId && refs.length > 0 && <EvidenceLinks refs={refs} base={`/api/problems/${problemId}/files/`} />}
    </div>
  );
}
