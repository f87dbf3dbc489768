/**
 * The key of a campaign's document about one unit — its board row, its problem tally, its roster
 * participation, a tree node's subtree sum: `<campaignId>.<unitId>`. One form for all of them, so
 * a scope's documents are named by their keys (campaignUnitDocs) and a past moment reads only those.
 */
export const campaignUnitId = (campaignId: string, unitId: string): string => `${campaignId}.${unitId}`;
