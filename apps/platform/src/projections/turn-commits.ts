/**
 * The projections woken by one append commit in the same turn of the loop, each its own batch: they
 * are told to the platform in one message when the turn ends, not one per projection — each
 * message wakes the API's loop, and its waiting requests read the checkpoints again.
 */
export class TurnCommits {
  private readonly commits = new Map<string, number>();

  constructor(private readonly send: (commits: Array<{ projection: string; position: number }>) => void) {}

  note(projection: string, position: number): void {
    if (this.commits.size === 0) setImmediate(() => this.flush());
    this.commits.set(projection, position);
  }

  private flush(): void {
    const commits = [...this.commits].map(([projection, position]) => ({ projection, position }));
    this.commits.clear();
    this.send(commits);
  }
}
