import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A network namespace joined to this one by a veth pair, so a test can put a server behind a link
 * it can cut, like a radio link that dies, rather than stop the server.
 */
export interface NetworkLink {
  readonly namespace: string;
  /** This namespace's end of the link. */
  readonly hostAddress: string;
  /** The far end, inside the namespace: where a server there listens. */
  readonly peerAddress: string;
  /** The veth device on this side; traffic toward the namespace leaves through it. */
  readonly hostDevice: string;
  /**
   * Takes the far end down: packets in both directions vanish and open connections hang, as on a
   * dead radio link; nothing is reset and this side's route stays.
   */
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Shapes traffic toward the namespace to this many bits per second, queueing what exceeds it. */
  limitRate(bitsPerSecond: number): Promise<void>;
  clearRate(): Promise<void>;
  /** Bytes that have left toward the namespace so far. */
  txBytes(): number;
  /** Deletes the namespace and the veth pair; does nothing once they are gone. */
  remove(): Promise<void>;
}

const runFile = promisify(execFile);

/** Where `ip netns` keeps the names it creates. */
const NETNS_RUN_DIR = '/var/run/netns';
const POOL_BASE = ipv4ToNumber('10.213.0.0');
const POOL_PREFIX = 16;
const LINK_PREFIX = 30;
/** Another test process may have taken the same /30 at the same moment; a fresh pick is almost sure to be free. */
const SUBNET_ATTEMPTS = 5;
/** One full Ethernet frame and some: tbf drops any packet larger than its bucket. */
const RATE_BURST_BYTES = 1_600;
/** Room to queue a few requests of several kilobytes at a slow rate rather than drop them. */
const RATE_QUEUE_BYTES = 65_536;

/**
 * Creates a namespace on a /30 of 10.213.0.0/16 that no address or route here uses, with the link up.
 * The /30 is checked once its address is in place, so two test processes that pick the same one at
 * once both see the clash and pick again.
 */
export async function createNetworkLink(): Promise<NetworkLink> {
  for (let attempt = 1; ; attempt += 1) {
    const subnet = POOL_BASE + randomInt(2 ** (LINK_PREFIX - POOL_PREFIX)) * 2 ** (32 - LINK_PREFIX);
    const link = await createLinkOn(subnet);
    if (!(await subnetUsedElsewhere(subnet, link.hostDevice))) return link;
    await link.remove();
    if (attempt === SUBNET_ATTEMPTS) {
      throw new Error(`Could not find a free /${LINK_PREFIX} in ${numberToIpv4(POOL_BASE)}/${POOL_PREFIX} for a network link in ${SUBNET_ATTEMPTS} attempts.`);
    }
  }
}

async function createLinkOn(subnet: number): Promise<NetworkLink> {
  const suffix = randomBytes(4).toString('hex');
  const namespace = `outpost-${suffix}`;
  // Interface names are limited to 15 characters.
  const hostDevice = `opl${suffix}h`;
  const peerDevice = `opl${suffix}n`;
  const hostAddress = numberToIpv4(subnet + 1);
  const peerAddress = numberToIpv4(subnet + 2);
  // Locally administered, so it cannot clash with a real card.
  const peerMac = ['02', ...Array.from(randomBytes(5), (byte) => byte.toString(16).padStart(2, '0'))].join(':');
  const inNamespace = (...args: string[]): Promise<string> => run('ip', ['-n', namespace, ...args]);

  let orphanGuard: ChildProcess | undefined;
  let removal: Promise<void> | undefined;
  let shaped = false;
  const link: NetworkLink = {
    namespace,
    hostAddress,
    peerAddress,
    hostDevice,
    async cut() {
      await inNamespace('link', 'set', peerDevice, 'down');
    },
    async restore() {
      await inNamespace('link', 'set', peerDevice, 'up');
    },
    async limitRate(bitsPerSecond) {
      const shaping = ['tbf', 'rate', `${bitsPerSecond}bit`, 'burst', String(RATE_BURST_BYTES), 'limit', String(RATE_QUEUE_BYTES)];
      await run('tc', ['qdisc', 'replace', 'dev', hostDevice, 'root', ...shaping]);
      shaped = true;
    },
    async clearRate() {
      if (!shaped) return;
      await run('tc', ['qdisc', 'del', 'dev', hostDevice, 'root']);
      shaped = false;
    },
    txBytes: () => Number(readFileSync(`/sys/class/net/${hostDevice}/statistics/tx_bytes`, 'utf8')),
    remove() {
      removal ??= (async () => {
        // Deleting the device frees the address at once, even while a process still runs in the namespace.
        if (existsSync(`/sys/class/net/${hostDevice}`)) await run('ip', ['link', 'delete', hostDevice]);
        if (existsSync(join(NETNS_RUN_DIR, namespace))) await run('ip', ['netns', 'delete', namespace]);
        orphanGuard?.kill();
      })();
      return removal;
    },
  };

  try {
    await run('ip', ['netns', 'add', namespace]);
    orphanGuard = startOrphanGuard(hostDevice, namespace);
    await run('ip', ['link', 'add', hostDevice, 'type', 'veth', 'peer', 'name', peerDevice, 'address', peerMac, 'netns', namespace]);
    await run('ip', ['address', 'add', `${hostAddress}/${LINK_PREFIX}`, 'dev', hostDevice]);
    await inNamespace('address', 'add', `${peerAddress}/${LINK_PREFIX}`, 'dev', peerDevice);
    // Without it, address resolution fails while the link is cut and the kernel answers new
    // connections with "host unreachable" within seconds; a link beyond a router just swallows them.
    await run('ip', ['neigh', 'replace', peerAddress, 'lladdr', peerMac, 'dev', hostDevice, 'nud', 'permanent']);
    await run('ip', ['link', 'set', hostDevice, 'up']);
    await inNamespace('link', 'set', peerDevice, 'up');
    await inNamespace('link', 'set', 'lo', 'up');
  } catch (error) {
    await link.remove().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`This test needs root and iproute2 to create network namespaces; creating ${namespace} failed: ${reason}`);
  }
  return link;
}

/**
 * Whether an address or a route other than the link's own overlaps its /30. Networks broader than
 * the pool (a default route, a VPN's 10.0.0.0/8) lose to the more specific /30, so they do not count.
 */
async function subnetUsedElsewhere(subnet: number, hostDevice: string): Promise<boolean> {
  // Devices without an IPv4 address come back without addr_info.
  const devices = JSON.parse(await run('ip', ['-json', '-4', 'address', 'show'])) as { ifname?: string; addr_info?: { local: string; prefixlen: number }[] }[];
  const routes = JSON.parse(await run('ip', ['-json', '-4', 'route', 'show', 'table', 'all'])) as { dst: string; dev?: string }[];
  const prefixes = [
    ...devices
      .filter((device) => device.ifname !== hostDevice)
      .flatMap((device) => (device.addr_info ?? []).map((info) => ({ address: info.local, length: info.prefixlen }))),
    ...routes
      .filter((route) => route.dst !== 'default' && route.dev !== hostDevice)
      .map((route) => {
        const [address = '', length = '32'] = route.dst.split('/');
        return { address, length: Number(length) };
      }),
  ];
  return prefixes.some(({ address, length }) => {
    if (length < POOL_PREFIX) return false;
    const shorter = Math.min(length, LINK_PREFIX);
    return networkOf(ipv4ToNumber(address), shorter) === networkOf(subnet, shorter);
  });
}

/**
 * Deletes the link once this Node process is gone, however it ended (a test runner may SIGKILL its
 * workers): the shell blocks reading a pipe whose only writer is this process.
 */
function startOrphanGuard(hostDevice: string, namespace: string): ChildProcess {
  const script = 'read -r line; ip link delete "$1" 2>/dev/null; ip netns delete "$2" 2>/dev/null';
  const guard = spawn('sh', ['-c', script, 'network-link-orphan-guard', hostDevice, namespace], { stdio: ['pipe', 'ignore', 'ignore'] });
  guard.unref();
  return guard;
}

async function run(command: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await runFile(command, args);
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : error instanceof Error ? error.message : String(error);
    throw new Error(`\`${command} ${args.join(' ')}\` failed: ${detail}`);
  }
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function networkOf(address: number, prefixLength: number): number {
  const size = 2 ** (32 - prefixLength);
  return Math.floor(address / size) * size;
}
