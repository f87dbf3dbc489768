import {
  DeadlineWarningRaised,
  FixRejected,
  InboxEvent,
  InstructionEvent,
  NoticePublished,
  OrganizationEvent,
  ProblemRegistered,
  Role,
  TransitionApplied,
  TransitionApproved,
  TransitionRejected,
  WARNING_LEVEL_NAMES,
} from '@platform/domain';
import type { StoredEvent } from '@platform/event-store';
import { DocumentWrite, Projection, ProjectionContext, upsert } from '@platform/read-models';
import { INBOX_INSTRUCTIONS, INBOX_ITEMS, INBOX_PROBLEMS, INBOX_READS, INBOX_UNITS, InboxInstructionDoc, InboxItemDoc, InboxProblemDoc, InboxReadsDoc, InboxUnitDoc } from './inbox.documents';

type Data = Record<string, unknown>;
type Handled = OrganizationEvent | ProblemRegistered | DeadlineWarningRaised | FixRejected | TransitionApplied | TransitionApproved | TransitionRejected | NoticePublished | InstructionEvent | InboxEvent;

const CARRIERS: Role[] = ['operator', 'office'];
const STAFF: Role[] = ['admin', 'office', 'operator', 'inspector', 'leader'];
const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The unit and its ancestors, nearest first, as the projection's own copy of the tree has them. */
async function chain(ctx: ProjectionContext, unitId: string): Promise<string[]> {
  const out: string[] = [];
  for (let u: string | null = unitId; u && !out.includes(u); u = (await ctx.get<InboxUnitDoc>(INBOX_UNITS, u))?.parentId ?? null) out.push(u);
  return out;
}

const atKeys = async (ctx: ProjectionContext, unitId: string) => (await chain(ctx, unitId)).map((u) => `at:${u}`);
const unitName = async (ctx: ProjectionContext, unitId: string) => (await ctx.get<InboxUnitDoc>(INBOX_UNITS, unitId))?.name ?? null;

async function item(ctx: ProjectionContext, e: StoredEvent<Data>, fields: Omit<InboxItemDoc, 'position' | 'at' | 'source' | 'resolved' | 'unitName' | 'keys' | 'detail' | 'level'> & Partial<InboxItemDoc>): Promise<DocumentWrite> {
  // 'any' lets an all-seeing user meet every item but those meant for one person.
  const keys = fields.keys ?? ['any', ...(fields.unitId ? await atKeys(ctx, fields.unitId) : [])];
  const doc: InboxItemDoc = {
    position: e.position,
    at: e.occurredAt,
    source: e.streamId,
    resolved: false,
    detail: null,
    level: null,
    unitName: fields.unitId ? await unitName(ctx, fields.unitId) : null,
    ...fields,
    keys,
  };
  return upsert(INBOX_ITEMS, doc);
}

async function resolve(ctx: ProjectionContext, filter: Record<string, unknown>): Promise<DocumentWrite[]> {
  const open = await ctx.find<InboxItemDoc>(INBOX_ITEMS, { ...filter, resolved: false });
  return open.map((doc) => upsert(INBOX_ITEMS, { ...doc, resolved: true }));
}

async function problem(ctx: ProjectionContext, problemId: string): Promise<InboxProblemDoc | null> {
  return ctx.get<InboxProblemDoc>(INBOX_PROBLEMS, problemId);
}

async function evolve(stored: StoredEvent<Data>, ctx: ProjectionContext): Promise<readonly DocumentWrite[]> {
  const e = { type: stored.type, data: stored.data } as Handled;
  switch (e.type) {
    case 'UnitCreated':
      return [upsert(INBOX_UNITS, { _id: e.data.unitId, parentId: e.data.parentId ?? null, name: e.data.name })];
    case 'UnitRenamed':
    case 'UnitMoved': {
      const unit = await ctx.get<InboxUnitDoc>(INBOX_UNITS, e.data.unitId);
      if (!unit) return [];
      return [upsert(INBOX_UNITS, e.type === 'UnitMoved' ? { ...unit, parentId: e.data.parentId } : { ...unit, name: e.data.name })];
    }
    case 'MemberCountChanged':
    case 'UnitClosed':
      return [];
    case 'ProblemRegistered':
      return [upsert(INBOX_PROBLEMS, { _id: e.data.problemId, unitId: e.data.responsibleUnitId, campaignId: e.data.campaignId, description: e.data.description })];
    case 'DeadlineWarningRaised': {
      const p = await problem(ctx, e.data.problemId);
      const days = e.data.daysLeft >= 0 ? `剩 ${e.data.daysLeft} 天` : `已超期 ${-e.data.daysLeft} 天`;
      return [
        await item(ctx, stored, {
          _id: `warning.${stored.position}`,
          kind: 'warning',
          // A red warning goes up to the leaders too: it is the last call before the deadline passes.
          roles: e.data.level === 'green' || e.data.level === 'yellow' ? CARRIERS : [...CARRIERS, 'leader'],
          title: `${WARNING_LEVEL_NAMES[e.data.level]}：${short(p?.description ?? e.data.problemId)}（${days}，时限 ${e.data.deadline}）`,
          level: e.data.level,
          unitId: e.data.unitId,
          link: { kind: 'problem', id: e.data.problemId, campaignId: p?.campaignId ?? null },
        }),
      ];
    }
    case 'FixRejected': {
      const p = await problem(ctx, e.data.problemId);
      if (!p) return [];
      return [
        await item(ctx, stored, {
          _id: `rejected.${stored.position}`,
          kind: 'rejected',
          roles: CARRIERS,
          title: `验收不通过，退回整改：${short(p.description)}`,
          detail: e.data.reason,
          unitId: p.unitId,
          link: { kind: 'problem', id: e.data.problemId, campaignId: p.campaignId },
        }),
      ];
    }
    case 'TransitionApplied':
      return [
        await item(ctx, stored, {
          _id: `transition.${stored.position}`,
          kind: 'transition',
          // Supervision groups and the office decide on it; the applicant does not need reminding.
          roles: ['inspector', 'office'],
          title: `转段申请待审批：${(await unitName(ctx, e.data.unitId)) ?? e.data.unitId}（${e.data.phaseKey}）`,
          detail: e.data.note || null,
          unitId: e.data.unitId,
          link: { kind: 'progress', id: e.data.unitId, campaignId: e.data.campaignId },
        }),
      ];
    case 'TransitionApproved':
    case 'TransitionRejected':
      return resolve(ctx, { source: stored.streamId, kind: 'transition' });
    case 'InstructionIssued': {
      const issuer = upsert(INBOX_INSTRUCTIONS, { _id: e.data.instructionId, issuedBy: e.data.issuedBy });
      const items = await Promise.all(
        e.data.addressedUnitIds.map((unitId) =>
          item(ctx, stored, {
            _id: `instruction.${e.data.instructionId}.${unitId}`,
            kind: 'instruction',
            roles: CARRIERS,
            title: `领导批示待办理：${short(e.data.text)}`,
            detail: e.data.deadline ? `办理时限 ${e.data.deadline}` : null,
            unitId,
            link: { kind: 'instruction', id: e.data.instructionId, campaignId: null },
          }),
        ),
      );
      return [issuer, ...items];
    }
    case 'InstructionAcknowledged':
    case 'InstructionReported': {
      const issued = await ctx.get<InboxItemDoc>(INBOX_ITEMS, `instruction.${e.data.instructionId}.${e.data.unitId}`);
      const issuer = await issuerOf(ctx, e.data.instructionId);
      const name = (await unitName(ctx, e.data.unitId)) ?? e.data.unitId;
      const reported = e.type === 'InstructionReported';
      return [
        ...(reported && issued && !issued.resolved ? [upsert(INBOX_ITEMS, { ...issued, resolved: true })] : []),
        ...(issuer
          ? [
              await item(ctx, stored, {
                _id: `reply.${stored.position}`,
                kind: 'reply',
                roles: STAFF,
                keys: [`user:${issuer}`],
                title: reported ? `${name} 报告了批示落实情况` : `${name} 已签收批示`,
                detail: reported ? e.data.report : e.data.note || null,
                unitId: e.data.unitId,
                link: { kind: 'instruction', id: e.data.instructionId, campaignId: null },
              }),
            ]
          : []),
      ];
    }
    case 'NoticePublished': {
      const roots = e.data.root ? [e.data.root] : e.data.scope.all ? null : e.data.scope.roots;
      // Everyone at or under the subtree it covers, and whoever oversees that subtree from above.
      const keys = roots === null ? ['any', 'all'] : ['any', ...new Set((await Promise.all(roots.map(async (r) => [`below:${r}`, ...(await atKeys(ctx, r))]))).flat())];
      return [
        await item(ctx, stored, {
          _id: `notice.${e.data.noticeId}`,
          kind: 'notice',
          roles: STAFF,
          keys,
          title: `新通报：${e.data.title}`,
          detail: e.data.noticeDate,
          unitId: null,
          link: { kind: 'notice', id: e.data.noticeId, campaignId: e.data.campaignId },
        }),
      ];
    }
    case 'InboxItemsRead': {
      const reads = await readsOf(ctx, e.data.userId);
      const read = { ...reads.read };
      for (const id of e.data.itemIds) {
        const doc = await ctx.get<InboxItemDoc>(INBOX_ITEMS, id);
        if (doc && doc.position > reads.upTo) read[id] = doc.position;
      }
      return [upsert(INBOX_READS, { ...reads, read })];
    }
    case 'InboxReadUpTo': {
      const reads = await readsOf(ctx, e.data.userId);
      const upTo = Math.max(reads.upTo, e.data.position);
      // What the watermark covers needs no mark of its own: the list of single reads stays short.
      const read = Object.fromEntries(Object.entries(reads.read).filter(([, position]) => position > upTo));
      return [upsert(INBOX_READS, { _id: e.data.userId, upTo, read })];
    }
    default:
      return [];
  }
}

async function readsOf(ctx: ProjectionContext, userId: string): Promise<InboxReadsDoc> {
  return (await ctx.get<InboxReadsDoc>(INBOX_READS, userId)) ?? { _id: userId, upTo: 0, read: {} };
}

async function issuerOf(ctx: ProjectionContext, instructionId: string): Promise<string | null> {
  return (await ctx.get<InboxInstructionDoc>(INBOX_INSTRUCTIONS, instructionId))?.issuedBy ?? null;
}

/**
 * 待办: one item per thing that needs someone — a deadline warning, a rejected fix, a transition
 * waiting for approval, an instruction to carry out, a reply to one's instruction, a new notice —
 * and each user's read marks.
 */
export const inboxProjection: Projection<Data> = {
  name: 'inbox',
  version: 1,
  collections: [INBOX_ITEMS, INBOX_READS, INBOX_UNITS, INBOX_PROBLEMS, INBOX_INSTRUCTIONS],
  handles: [
    'UnitCreated',
    'UnitRenamed',
    'UnitMoved',
    'ProblemRegistered',
    'DeadlineWarningRaised',
    'FixRejected',
    'TransitionApplied',
    'TransitionApproved',
    'TransitionRejected',
    'InstructionIssued',
    'InstructionAcknowledged',
    'InstructionReported',
    'NoticePublished',
    'InboxItemsRead',
    'InboxReadUpTo',
  ],
  indexes: {
    [INBOX_ITEMS]: { keys: 'array', roles: 'array', position: 'scalar', resolved: 'scalar', source: 'scalar', kind: 'scalar' },
  },
  evolve,
};
