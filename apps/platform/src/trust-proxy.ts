import type { PlatformConfig } from '@platform/common';

type TrustFunction = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as Fastify takes it: addresses and subnets as proxy-addr reads them, or a hop count.
 * Fastify (since 5.12) refuses a bare number, so a count is given as the function proxy-addr made of
 * it: the nearest `count` hops are proxies, whoever they are — what the README says of a count.
 */
export function trustProxyOf(trust: PlatformConfig['trustProxy']): boolean | string[] | TrustFunction {
  if (Array.isArray(trust)) return [...(trust as readonly string[])];
  if (typeof trust === 'number') {
    const hops = trust;
    return (_address, hop) => hop < hops;
  }
  return trust === true;
}
