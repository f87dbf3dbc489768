import { BadRequestException } from '@nestjs/common';
import { STAFF } from '@platform/common';
import { InstructionDoc, INSTRUCTIONS, targetKey } from '../../instructions/instructions.documents';
import { instructionView } from '../../instructions/instruction-view';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitClause, unitFilter } from '../../shared/view-scope';
import { ListInstructionsRequest } from './list-instructions.request.dto';
import { ListInstructionsAnswer } from './list-instructions.response';
import { instructionsQuery } from '../query-routes';

export const ListInstructionsHttpController = instructionsQuery('ListInstructions', 'api/instructions', {
  operation: { summary: '批示列表 (list instructions)', description: '本人范围内的批示，按时间倒序；可按批示对象、落实单位、是否尚未办结筛选' },
  answer: ListInstructionsAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: ListInstructionsRequest, inject: { moments: ViewMoments },
  async handle({ query: q, scope, res }, { moments }) {
    if ((q.targetKind === undefined) !== (q.targetId === undefined)) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'targetKind 与 targetId 须同时给出', errors: [{ field: q.targetKind ? 'targetId' : 'targetKind', rule: 'together', message: 'targetKind 与 targetId 须同时给出 (both or neither)' }] });
    }
    const moment = await moments.resolve(undefined, ['instructions']);
    const units = unitFilter(moment.tree, scope, q.unitId ?? null);
    const filter = {
      ...(q.targetKind && q.targetId ? { targetKey: targetKey(q.targetKind, q.targetId) } : {}),
      ...(q.unitId ? { addressedUnitIds: q.unitId } : {}),
      ...(q.open ? (q.unitId ? { openUnitIds: q.unitId } : { open: true }) : {}),
      ...unitClause('unitIds', units),
    };
    const skip = q.skip ?? 0;
    const limit = q.limit ?? 20;
    const store = moment.store('instructions');
    const [total, docs] = await Promise.all([store.count(INSTRUCTIONS, filter), store.find<InstructionDoc>(INSTRUCTIONS, filter, { sort: { position: -1 }, skip, limit })]);
    return { asOf: momentOf(res, moment), total, skip, limit, instructions: docs.map((d) => instructionView(d, moment.tree, moment.positions)) };
  },
});
