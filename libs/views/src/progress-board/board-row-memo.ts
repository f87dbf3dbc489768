import { MetricsVersion, UnitNode } from '@platform/domain';
import { UnitTallyDoc } from '../rectification-tracker/unit-tallies';
import type { BoardRow } from './board-view';
import { BoardUnitDoc } from './progress-board.documents';

type Row = Omit<BoardRow, 'rank'>;

/** What a unit's row was built from besides the unit's document itself. */
export interface RowSources {
  readonly tally: UnitTallyDoc | undefined;
  readonly node: UnitNode | undefined;
  readonly phaseName: string | null;
  readonly metricsVersion: MetricsVersion;
  readonly handlingVersion: number;
}

interface Remembered {
  readonly tally: UnitTallyDoc | undefined;
  /** The node's fields the row shows, as they were: a tree changes its nodes in place. */
  readonly node: Pick<UnitNode, 'name' | 'level' | 'unitType' | 'parentId'> | undefined;
  readonly phaseName: string | null;
  readonly metricsVersion: MetricsVersion;
  readonly handlingVersion: number;
  readonly row: Row;
}

/**
 * The row last built for each unit document, by the document's identity: a past moment's documents
 * are the stored versions parsed once and shared by every moment they were current in, so a moment
 * not asked before finds most of its units' rows built for a nearby one and builds only those whose
 * document, tally, tree node (the fields a row shows) or rules differ. Rows are never changed after
 * they are built (views copy them to add a rank or a name), so sharing them is safe; entries go with
 * their documents. Only frozen documents (the stored versions are) are remembered: a document that
 * may still change in place keeps its identity while its fields do not.
 */
const rows = new WeakMap<BoardUnitDoc, Remembered>();

export function rememberedRow(unit: BoardUnitDoc, sources: RowSources, build: () => Row): Row {
  if (!Object.isFrozen(unit) || (sources.tally && !Object.isFrozen(sources.tally))) return build();
  const known = rows.get(unit);
  if (known && sameSources(known, sources)) return known.row;
  const row = build();
  const { node } = sources;
  rows.set(unit, { ...sources, node: node && { name: node.name, level: node.level, unitType: node.unitType, parentId: node.parentId }, row });
  return row;
}

function sameSources(a: Remembered, b: RowSources): boolean {
  return (
    a.tally === b.tally &&
    a.phaseName === b.phaseName &&
    a.metricsVersion === b.metricsVersion &&
    a.handlingVersion === b.handlingVersion &&
    sameNode(a.node, b.node)
  );
}

function sameNode(a: Remembered['node'], b: UnitNode | undefined): boolean {
  if (!a || !b) return a === b;
  return a.name === b.name && a.level === b.level && a.unitType === b.unitType && a.parentId === b.parentId;
}
