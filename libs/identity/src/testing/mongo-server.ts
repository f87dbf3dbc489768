/**
 * Runs `suite` against the MongoDB server MONGO_URL names; without one, a single test says why
 * the suite did not run (the same cases run on the embedded adapter and the fake driver anyway).
 */
export function withMongoServer(what: string, suite: (url: string) => void): void {
  const url = process.env.MONGO_URL;
  if (url) {
    suite(url);
    return;
  }
  describe(`${what}: MongoDB (mongoose)`, () => {
    it('needs MONGO_URL to run', () => {
      console.log(`MongoDB ${what} skipped: MONGO_URL is not set`);
    });
  });
}
