import { Injectable } from '@nestjs/common';
import { StreamCommandRunner, UnitLocator, UnitLookup } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';

/** A key task concerns the units it was decomposed to; an undefined task is no resource. */
@Injectable()
export class KeyTaskUnits implements UnitLookup {
  constructor(private readonly runner: StreamCommandRunner) {}

  async units(taskId: string): Promise<string[] | null> {
    const { state } = await this.runner.load(keyTaskStreamId(taskId), keyTaskDecider);
    return state.defined ? Object.keys(state.parts) : null;
  }
}

/** The units a decomposition names: `parts[].unitId` of the body. */
export const fromParts: UnitLocator = async (req) => {
  const parts: unknown = req.body?.parts;
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((p) => (p && typeof p === 'object' && typeof (p as { unitId?: unknown }).unitId === 'string' ? [(p as { unitId: string }).unitId] : []));
};
