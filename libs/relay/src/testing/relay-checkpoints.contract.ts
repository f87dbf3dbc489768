import { RelayCheckpoints } from '../relay-ports';

export interface RelayCheckpointsHarness {
  /** The adapter over the harness's store; opened again, it sees what an earlier one saved. */
  open(): Promise<RelayCheckpoints>;
  cleanup(): Promise<void>;
}

/** What every relay checkpoint adapter promises: positions per destination, kept across a restart. */
export function relayCheckpointsContract(name: string, makeHarness: () => RelayCheckpointsHarness): void {
  describe(`relay checkpoints contract: ${name}`, () => {
    let harness: RelayCheckpointsHarness;
    beforeEach(() => (harness = makeHarness()));
    afterEach(async () => harness.cleanup());

    it('starts a destination never saved at position 0', async () => {
      const checkpoints = await harness.open();
      expect(await checkpoints.load('kafka:platform.integration-events')).toBe(0);
      await checkpoints.close();
    });

    it('keeps the last position saved per destination, apart from the others', async () => {
      const checkpoints = await harness.open();
      await checkpoints.save('kafka:a', 500);
      await checkpoints.save('kafka:a', 1000);
      await checkpoints.save('file:integration-events', 42);
      expect(await checkpoints.load('kafka:a')).toBe(1000);
      expect(await checkpoints.load('file:integration-events')).toBe(42);
      expect(await checkpoints.load('kafka:b')).toBe(0);
      await checkpoints.close();
    });

    it('resumes after a restart from what was saved before it', async () => {
      const first = await harness.open();
      await first.save('kafka:a', 1500);
      await first.close();
      const second = await harness.open();
      expect(await second.load('kafka:a')).toBe(1500);
      await second.close();
    });
  });
}
