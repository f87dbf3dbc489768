/**
 * The embedded store's token of a position as the contract documents it (docs/architecture.md,
 * "Positions at the API edge"): its digits zero-padded to 16. Spelled here rather than taken
 * from the store's codec, so the suites check the documented form, not the codec against itself.
 */
export const embeddedToken = (position: number): string => String(position).padStart(16, '0');
