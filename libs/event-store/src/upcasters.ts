/** Turns the data of an old schema version into the next one; chained until none applies. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(u: Upcaster): void {
    if (u.toVersion <= u.fromVersion) throw new Error(`upcaster ${u.type}: toVersion must exceed fromVersion`);
    this.byKey.set(`${u.type}@${u.fromVersion}`, u);
  }

  apply(type: string, version: number, data: unknown): { version: number; data: unknown } {
    let v = version;
    let d = data;
    for (let u = this.byKey.get(`${type}@${v}`); u; u = this.byKey.get(`${type}@${v}`)) {
      d = u.upcast(d);
      v = u.toVersion;
    }
    return { version: v, data: d };
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}
