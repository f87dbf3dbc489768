export const DEFAULT_PAGE_SIZE = 50;

/** Views computed whole (ranked) are paged after computing. */
export function pageOf<T>(items: readonly T[], q: { skip?: number; limit?: number }) {
  const skip = q.skip ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE_SIZE;
  return { total: items.length, skip, limit, items: items.slice(skip, skip + limit) };
}
