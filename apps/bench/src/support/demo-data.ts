/**
 * The city generator, loaded at run time: the bench works (and says the city section is pending)
 * while @platform/demo-data does not exist yet or does not export generateCity. The shapes below
 * are the parts of its API the bench uses.
 */
export interface DemoCityMarker {
  readonly seed: number;
  readonly scale: number;
  readonly now: string;
  readonly events: number;
  readonly mainCampaignId: string;
  readonly lookBackCampaignId: string;
  readonly figures: Record<string, number>;
  readonly credentials: ReadonlyArray<{ role: string; username: string; password: string; who: string }>;
}

export interface DemoDataModule {
  generateCity(options: {
    dataDir: string;
    seed: number | string;
    scale?: number;
    onProgress?: (p: { phase: string; done: number; total: number; events: number }) => void;
  }): Promise<{ marker: DemoCityMarker; durationMs: number; actions: number; eventTypes: Record<string, number> }>;
  inspectDemoCity?(
    dataDir: string,
    seed: number | string,
    scale: number,
  ): { status: 'absent' } | { status: 'ready' | 'different'; marker: DemoCityMarker } | { status: 'foreign' | 'corrupt'; reason: string };
  MARKER_FILE?: string;
}

/** Module ids tried in order: the path alias, then the source folder. */
const CANDIDATES = ['@platform/demo-data', '../../../../libs/demo-data/src'];

export function loadDemoData(): DemoDataModule | null {
  for (const id of CANDIDATES) {
    try {
      // A run-time require on purpose: the type checker and the dependency rules do not follow it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(id) as Partial<DemoDataModule>;
      if (typeof mod.generateCity === 'function') return mod as DemoDataModule;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  return null;
}
