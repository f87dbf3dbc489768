import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from './errors';
import { api } from './http';
import type { operations } from './schema';

export type InboxPage = operations['listInbox']['responses'][200]['content']['application/json'];
type InboxCount = operations['countInbox']['responses'][200]['content']['application/json'];
type InstructionAnswer = operations['getInstruction']['responses'][200]['content']['application/json'];
export type InboxItem = InboxPage['items'][number];
export type InstructionList = operations['listInstructions']['responses'][200]['content']['application/json'];
export type Instruction = InstructionList['instructions'][number];
export type InstructionTargetKind = Instruction['target']['kind'];

/** How often the header's badge asks: a count is two indexed counts on the server. */
const COUNT_POLL_MS = 30_000;

export function useInboxCount(enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'count'],
    enabled,
    refetchInterval: COUNT_POLL_MS,
    queryFn: async () => unwrap<InboxCount>(await api.GET('/api/inbox/count')),
  });
}

export function useInbox(unread: boolean, page: number, limit = 20) {
  return useQuery({
    queryKey: ['inbox', 'list', unread, page, limit],
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap<InboxPage>(await api.GET('/api/inbox', { params: { query: { ...(unread ? { unread: true } : {}), skip: (page - 1) * limit, limit } } })),
  });
}

export function useInstructions(filter: { targetKind?: InstructionTargetKind; targetId?: string; unitId?: string; open?: boolean }) {
  return useQuery({
    queryKey: ['instructions', filter],
    queryFn: async () => unwrap<InstructionList>(await api.GET('/api/instructions', { params: { query: { ...filter, limit: 50 } } })),
  });
}

export function useInstruction(instructionId: string) {
  return useQuery({
    queryKey: ['instruction', instructionId],
    queryFn: async () => unwrap<InstructionAnswer>(await api.GET('/api/instructions/{instructionId}', { params: { path: { instructionId } } })),
  });
}
