/**
 * Where a webhook may be delivered (the guard against server-side request forgery): an integrator must not make
 * Tynda POST to the server itself, its database, a cloud metadata service or anything else on the internal
 * network. A subscription URL must be https (http only if TYNDA_WEBHOOK_ALLOW_HTTP), and its host must resolve
 * only to public addresses (unless TYNDA_WEBHOOK_ALLOW_PRIVATE, for tests and closed networks). It is checked when
 * the subscription is made and again at every delivery, after DNS resolution, by the lookup the socket itself uses:
 * the connection goes to the address that was checked, so a name that resolves differently a second time (DNS
 * rebinding) gains nothing.
 */
import dns from 'node:dns';
import net from 'node:net';

export interface TargetPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

export const STRICT_TARGETS: TargetPolicy = { allowHttp: false, allowPrivate: false };

/** Loopback, private, shared, link-local, multicast, reserved and unspecified ranges (IANA special-purpose registries). */
const INTERNAL = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) INTERNAL.addSubnet(prefix, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function groups(ip: string): number[] {
  let s = ip.replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    s = `${s.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') as [string, string] : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...middle, ...t].map((g) => parseInt(g, 16));
}

/** Whether an address is one a webhook may never reach: IPv4, IPv6, and IPv4 inside IPv6 (mapped, NAT64). */
export function isInternalAddress(address: string): boolean {
  const ip = address.replace(/%.*$/, '');
  const family = net.isIP(ip);
  if (family === 4) return INTERNAL.check(ip, 'ipv4');
  if (family !== 6) return true;
  const g = groups(ip);
  const embedded = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address inside them
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return isInternalAddress(embedded(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isInternalAddress(embedded(g[6]!, g[7]!));
  return INTERNAL.check(ip, 'ipv6');
}

/** Why a target is refused: the code of the field error / delivery error, and the address at fault. */
export class TargetRefused extends Error {
  constructor(readonly reason: 'https_required' | 'private_address' | 'host_unresolvable', readonly address?: string) {
    super(address ? `${reason} ${address}` : reason);
    this.name = 'TargetRefused';
  }
}

type LookupAll = (host: string) => Promise<{ address: string; family: number }[]>;
const systemLookup: LookupAll = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/** Every address the host resolves to, each checked; one internal address refuses the whole name. */
async function resolveChecked(host: string, policy: TargetPolicy, lookup: LookupAll = systemLookup) {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (net.isIP(bare)) addresses = [{ address: bare, family: net.isIP(bare) }];
  else {
    try {
      addresses = await lookup(bare);
    } catch {
      throw new TargetRefused('host_unresolvable');
    }
    if (addresses.length === 0) throw new TargetRefused('host_unresolvable');
  }
  if (!policy.allowPrivate) for (const a of addresses) if (isInternalAddress(a.address)) throw new TargetRefused('private_address', a.address);
  return addresses;
}

/** The check of a subscription URL; throws TargetRefused. */
export async function checkTarget(url: string, policy: TargetPolicy, lookup?: LookupAll): Promise<void> {
  const u = new URL(url);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && policy.allowHttp)) throw new TargetRefused('https_required');
  await resolveChecked(u.hostname, policy, lookup);
}

/**
 * The `lookup` of a delivery's socket (http.request / net.connect): resolves, refuses an internal address, and
 * hands the socket exactly the addresses checked. Node calls it only for names; an IP literal in the URL is
 * checked by `checkTarget` before the request.
 */
export function guardedLookup(policy: TargetPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, policy).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
        if (options.all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, wanted);
        return callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}
