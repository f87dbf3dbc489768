import advancedEducation from './templates/advanced-education.json';
import demonstrationPoint from './templates/demonstration-point.json';
import lookBack from './templates/look-back.json';

export type StepMeasure = 'hours' | 'members';

export interface StepDefinition {
  readonly key: string;
  readonly name: string;
  readonly required: boolean;
  /** A step with a measure records a quantity (study hours, members located). */
  readonly measure?: StepMeasure;
}

export interface PhaseDefinition {
  readonly key: string;
  readonly name: string;
  readonly steps: readonly StepDefinition[];
}

export interface CampaignTemplate {
  readonly key: string;
  readonly name: string;
  readonly kind: 'education' | 'look-back' | 'demonstration';
  /** A look-back runs over a parent campaign and re-checks its closed problems. */
  readonly requiresParent: boolean;
  readonly phases: readonly PhaseDefinition[];
  readonly consolidation: { readonly name: string; readonly plannedDays: number } | null;
  readonly summary: { readonly name: string };
  /** Outcomes a unit's conclusion must choose from (e.g. named or eliminated); empty when none. */
  readonly outcomes: readonly { readonly key: string; readonly name: string }[];
}

/** Checks a template's data; returns the problems found, empty when it is usable. */
export function validateTemplate(t: CampaignTemplate): string[] {
  const problems: string[] = [];
  const keyOk = (k: string) => /^[a-z][a-z0-9_-]{0,63}$/.test(k);
  if (!keyOk(t.key)) problems.push(`template key "${t.key}" must be lower-case letters, digits, - or _`);
  if (!t.name) problems.push('template name is required');
  if (t.phases.length === 0) problems.push('a template needs at least one phase');
  const phaseKeys = new Set<string>();
  for (const p of t.phases) {
    if (!keyOk(p.key)) problems.push(`phase key "${p.key}" is invalid`);
    if (phaseKeys.has(p.key)) problems.push(`phase key "${p.key}" appears twice`);
    phaseKeys.add(p.key);
    if (!p.steps.some((s) => s.required)) problems.push(`phase "${p.key}" has no required step`);
    const stepKeys = new Set<string>();
    for (const s of p.steps) {
      if (!keyOk(s.key)) problems.push(`step key "${p.key}.${s.key}" is invalid`);
      if (stepKeys.has(s.key)) problems.push(`step key "${p.key}.${s.key}" appears twice`);
      stepKeys.add(s.key);
    }
  }
  const outcomeKeys = new Set(t.outcomes.map((o) => o.key));
  if (outcomeKeys.size !== t.outcomes.length) problems.push('outcome keys must be unique');
  return problems;
}

export const BUILT_IN_TEMPLATES: readonly CampaignTemplate[] = [
  advancedEducation as CampaignTemplate,
  lookBack as CampaignTemplate,
  demonstrationPoint as CampaignTemplate,
];

export function findTemplate(key: string): CampaignTemplate | null {
  return BUILT_IN_TEMPLATES.find((t) => t.key === key) ?? null;
}

export function phaseOf(t: CampaignTemplate, phaseKey: string): PhaseDefinition | undefined {
  return t.phases.find((p) => p.key === phaseKey);
}
