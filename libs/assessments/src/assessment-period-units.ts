import { Injectable } from '@nestjs/common';
import { StreamCommandRunner, UnitLookup } from '@platform/common';
import { assessmentDecider, assessmentStreamId } from '@platform/domain';

/** An assessment period concerns the units it assesses; a period never opened is no resource. */
@Injectable()
export class AssessmentPeriodUnits implements UnitLookup {
  constructor(private readonly runner: StreamCommandRunner) {}

  async units(periodId: string): Promise<string[] | null> {
    // The access guard asks before the path is validated: `scheme-…` names a scheme's stream, never a period.
    if (periodId.startsWith('scheme-')) return null;
    const { state } = await this.runner.load(assessmentStreamId(periodId), assessmentDecider);
    return state.opened ? Object.keys(state.units) : null;
  }
}
