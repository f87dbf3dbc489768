import type { BoardRollup, BoardRow } from './board-view';

/** How many of a child's units stand at one place in the campaign: a phase, or a stage after them. */
export interface StageCount {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

/** One line of the board's 下级 table and phase chart: a direct child of the root with units at or below it. */
export interface BoardChild {
  readonly unitId: string;
  readonly name: string;
  /** Its roll-up when it is a city, county or township: the line drills into it. */
  readonly rollup: BoardRollup | null;
  /** Its own row when it is an enrolled unit itself: the line opens its page. */
  readonly row: BoardRow | null;
  /** Units per stage at or below it, in the order a unit passes them. */
  readonly stages: StageCount[];
}

/** Phases in the template's order, then the stages after them. */
export const boardStageOrder = (phases: ReadonlyArray<{ key: string }>): string[] => [...phases.map((p) => p.key), 'consolidation', 'summary', 'concluded'];

export const stageOf = (row: Pick<BoardRow, 'stage' | 'stageName' | 'phase'>) => (row.stage === 'in_phase' && row.phase ? { key: row.phase.key, name: row.phase.name } : { key: row.stage, name: row.stageName });
