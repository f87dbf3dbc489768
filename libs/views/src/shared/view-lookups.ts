import { Inject, Injectable } from '@nestjs/common';
import { UnitLookup } from '@platform/common';
import { READ_STORE, ReadStore } from '@platform/read-models';
import { InstructionDoc, INSTRUCTIONS } from '../instructions/instructions.documents';
import { NoticeDoc, NOTICES } from '../notices/notices.documents';
import { LEDGER_PROBLEMS, LedgerProblemDoc } from '../rectification-tracker/rectification-ledger.documents';
import { ViewMoments } from './view-moment';

// Access checks run before the controller: they too must see a problem or notice created just now.

/** A problem in the ledger concerns every unit that worked on it. */
@Injectable()
export class LedgerProblemUnits implements UnitLookup {
  constructor(private readonly moments: ViewMoments, @Inject(READ_STORE) private readonly store: ReadStore) {}

  async units(problemId: string): Promise<string[] | null> {
    await this.moments.catchUp(['rectification-ledger']);
    return (await this.store.get<LedgerProblemDoc>(LEDGER_PROBLEMS, problemId))?.unitIds ?? null;
  }
}

/** A notice concerns the units on its board. */
@Injectable()
export class NoticeUnits implements UnitLookup {
  constructor(private readonly moments: ViewMoments, @Inject(READ_STORE) private readonly store: ReadStore) {}

  async units(noticeId: string): Promise<string[] | null> {
    await this.moments.catchUp(['notices']);
    return (await this.store.get<NoticeDoc>(NOTICES, noticeId))?.unitIds ?? null;
  }
}

/** An instruction concerns its target's units and the units it is addressed to. */
@Injectable()
export class InstructionUnits implements UnitLookup {
  constructor(private readonly moments: ViewMoments, @Inject(READ_STORE) private readonly store: ReadStore) {}

  async units(instructionId: string): Promise<string[] | null> {
    await this.moments.catchUp(['instructions']);
    return (await this.store.get<InstructionDoc>(INSTRUCTIONS, instructionId))?.unitIds ?? null;
  }
}
