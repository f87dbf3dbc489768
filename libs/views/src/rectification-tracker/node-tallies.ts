import { SubtreeSum, SubtreeSumsSpec } from '../shared/subtree-sums';
import { addTallyCountsInto, emptyTallyCounts, TallyCounts, zeroLeaves } from './unit-tallies';

/** Each tree node's sum of its subtree's unit tallies, per campaign: the whole city is one document. */
export const LEDGER_NODE_TALLIES = 'ledger_node_tallies';
/** The ledger's own memory of the organization tree (parents and levels), to roll tallies up. */
export const LEDGER_TREE = 'ledger_tree';

export type NodeTallyDoc = SubtreeSum<TallyCounts>;

export const NODE_TALLIES: SubtreeSumsSpec<TallyCounts> = {
  tree: LEDGER_TREE,
  sums: LEDGER_NODE_TALLIES,
  zero: emptyTallyCounts,
  addInto: addTallyCountsInto,
  isZero: zeroLeaves,
};
