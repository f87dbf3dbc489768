import { useMemo } from 'react';
import { useCampaigns, useOrganizations } from '../api/queries';
import { EvidenceLinks } from './evidence';
import type { Names } from './event-subject';
import { eventWords } from './event-words';

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

/** The event's own words: notes, evidence, reasons, measures, warnings — whatever it carries that a reader wants. */
export function EventSummary({ data, problemId }: { data: Record<string, unknown>; problemId: string | null }) {
  // Evidence files are served under their problem; elsewhere only their count is shown.
  const refs = Array.isArray(data.attachmentRefs) ? (data.attachmentRefs as string[]) : [];
  return (
    <div className="cell-stack">
      <span style={{ fontSize: 12 }}>{eventWords(data, !problemId).join(' · ') || '—'}</span>
      {problemId && refs.length > 0 && <EvidenceLinks refs={refs} base={`/api/problems/${problemId}/files/`} />}
    </div>
  );
}
