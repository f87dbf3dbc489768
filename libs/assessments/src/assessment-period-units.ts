import { Injectable } from '@nestjs/common';
import { StreamCommandRunner, UnitLookup } from '@platform/common';
import { assessmentDecider, assessmentStreamId } from '@platform/domain';

/** An assessment period concerns the units it assesses; a period never opened is no resource. */
@Injectable()
export class AssessmentPeriodUnits implements UnitLookup {
  constructor(private readonly runner: StreamCommandRunner) {}

  async units(periodId: string): Promise<string[] | null> {
    const { state } = await this.runner.load(assessmentStreamId(periodId), assessmentDecider);
    return state.opened ? Object.keys(state.units) : null;
  }
}
