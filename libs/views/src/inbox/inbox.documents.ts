import type { Role } from '@platform/domain';

export const INBOX_ITEMS = 'inbox_items';
export const INBOX_READS = 'inbox_reads';
/** The projection's own memory: the tree's parents and names, and each problem's unit and description. */
export const INBOX_UNITS = 'inbox_units';
export const INBOX_PROBLEMS = 'inbox_problems';
export const INBOX_INSTRUCTIONS = 'inbox_instructions';

export const INBOX_KINDS = ['warning', 'rejected', 'transition', 'instruction', 'reply', 'notice'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/**
 * Something that needs someone. It is keyed, not addressed to users: `at:<unit>` for the unit it
 * concerns and each of its ancestors (whoever's scope holds the unit), `below:<root>` for what
 * goes to a whole subtree (a notice), `user:<id>` for one person (replies to their instruction).
 * A user's inbox is the items whose keys meet the keys of their scope, for their role — resolved
 * when asked, so a change of scope or role needs no rebuild.
 */
export interface InboxItemDoc {
  readonly _id: string;
  readonly kind: InboxKind;
  /** Where the event that brought it is: the list's order and the live stream's cursor. */
  readonly position: number;
  readonly at: string;
  readonly keys: string[];
  readonly roles: Role[];
  /** The stream it came from, to find it again when it is dealt with. */
  readonly source: string;
  readonly title: string;
  readonly detail: string | null;
  readonly unitId: string | null;
  readonly unitName: string | null;
  /** What to open: a problem, an instruction, a notice, a unit's progress in a campaign. */
  readonly link: { readonly kind: 'problem' | 'instruction' | 'notice' | 'progress'; readonly id: string; readonly campaignId: string | null };
  /** The warning's level, when it is one. */
  readonly level: string | null;
  /** Dealt with (a transition decided, an instruction reported on): it no longer counts as waiting. */
  readonly resolved: boolean;
}

/** One user's read marks: everything up to a position, and items read one by one after it (with their positions). */
export interface InboxReadsDoc {
  readonly _id: string;
  readonly upTo: number;
  readonly read: Record<string, number>;
}

export interface InboxUnitDoc {
  readonly _id: string;
  readonly parentId: string | null;
  readonly name: string;
}

export interface InboxProblemDoc {
  readonly _id: string;
  readonly unitId: string;
  readonly campaignId: string;
  readonly description: string;
}

/** Who issued an instruction: the replies go to them. */
export interface InboxInstructionDoc {
  readonly _id: string;
  readonly issuedBy: string;
}
