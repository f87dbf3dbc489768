import { Inject, Injectable } from '@nestjs/common';
import { ORGANIZATION_EVENT_TYPES, OrganizationEvent, OrganizationTree } from '@platform/domain';
import { EventFold } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';

/**
 * The organization tree as of the last organization event: commands ask it for parent facts,
 * other contexts for scopes and roll-ups. It reads only what was appended since its last
 * position, so asking it is cheap and always sees a command's own writes.
 */
const PAST_TREES = 8;

@Injectable()
export class OrganizationDirectory {
  private readonly tree = new OrganizationTree();
  private readonly fold: EventFold;
  /**
   * Trees of past moments, by which organization events they hold: every moment between two
   * organization events has the same tree, so as-of views of nearby moments fold it once.
   */
  private readonly past = new Map<string, { readonly position: number; readonly tree: Promise<OrganizationTree> }>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.fold = new EventFold(store, { types: ORGANIZATION_EVENT_TYPES }, (e) => this.tree.apply(e as unknown as OrganizationEvent));
  }

  async current(): Promise<OrganizationTree> {
    await this.fold.refresh();
    return this.tree;
  }

  /** The tree as it stood at a past global position (for as-of views). */
  async asOf(position: number): Promise<OrganizationTree> {
    const [next] = await this.store.readAll({ after: position, types: ORGANIZATION_EVENT_TYPES, limit: 1 });
    let key: string;
    if (next) key = `before ${next.position}`;
    else {
      await this.fold.refresh();
      // An organization event appended since the look-up: this moment is not the latest tree's.
      if (this.fold.position > position) return this.treeAt(position);
      key = `through ${this.fold.position}`;
    }
    let tree = this.past.get(key)?.tree;
    if (!tree) {
      tree = this.treeAt(position);
      this.past.set(key, { position, tree });
      tree.catch(() => this.past.delete(key));
      if (this.past.size > PAST_TREES) this.past.delete(this.past.keys().next().value!);
    }
    return tree;
  }

  /**
   * Folded on from the nearest earlier tree kept (a copy of it): organization events are spread
   * through history (member counts change all along), so nearby moments often have trees of their
   * own, and folding each from position 0 read every organization event before it.
   */
  private async treeAt(position: number): Promise<OrganizationTree> {
    const before = [...this.past.values()].filter((p) => p.position <= position).sort((a, b) => b.position - a.position)[0];
    const tree = before ? (await before.tree).copy() : new OrganizationTree();
    for (let after = before?.position ?? 0; ; ) {
      const batch = await this.store.readAll({ after, until: position, types: ORGANIZATION_EVENT_TYPES, limit: 5000 });
      if (batch.length === 0) return tree;
      for (const e of batch) tree.apply(e as unknown as OrganizationEvent);
      after = batch[batch.length - 1].position;
    }
  }
}
