import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Two real Syncthing instances on 127.0.0.1 that know only each other: no discovery, no relays,
 * no NAT, no usage or crash reports, nothing leaves the machine. Debian's package (v1.19)
 * takes `generate`/`serve` with `--home`.
 */

const run = promisify(execFile);
export const SYNCTHING = process.env.PM_SYNCTHING_BIN ?? '/usr/bin/syncthing';

export interface SharedFolder {
  id: string;
  /** Absolute path on each side. */
  paths: Record<'field' | 'hq', string>;
  types: Record<'field' | 'hq', 'sendonly' | 'receiveonly' | 'sendreceive'>;
  /** Lines of the folder's `.stignore` on a side. */
  ignores?: Partial<Record<'field' | 'hq', string[]>>;
}

export interface SyncthingNode {
  name: 'field' | 'hq';
  home: string;
  deviceId: string;
  listenPort: number;
  guiPort: number;
  apiKey: string;
  process: ChildProcess;
  /** Everything it printed, for the failure message. */
  log: string[];
}

export interface SyncthingPair {
  field: SyncthingNode;
  hq: SyncthingNode;
  /** Resolves once each side logged its secure connection to the other. */
  connected: Promise<void>;
  /** Calls Syncthing's REST API of one side. */
  rest(node: SyncthingNode, endpoint: string): Promise<unknown>;
  logs(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function prepareHome(home: string): Promise<string> {
  await run(SYNCTHING, ['generate', `--home=${home}`, '--no-default-folder'], { timeout: 20_000 });
  const { stdout } = await run(SYNCTHING, ['serve', `--home=${home}`, '--device-id'], { timeout: 20_000 });
  return stdout.trim();
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function configXml(
  self: Omit<SyncthingNode, 'process' | 'log'>,
  other: Omit<SyncthingNode, 'process' | 'log'>,
  folders: readonly SharedFolder[],
): string {
  const folderXml = folders
    .map(
      (f) => `
    <folder id="${xml(f.id)}" label="${xml(f.id)}" path="${xml(f.paths[self.name])}" type="${f.types[self.name]}"
            rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${self.deviceId}" introducedBy=""></device>
        <device id="${other.deviceId}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <pullerPauseS>1</pullerPauseS>
    </folder>`,
    )
    .join('');
  return `<configuration version="36">${folderXml}
    <device id="${self.deviceId}" name="${self.name}" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="${other.deviceId}" name="${other.name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${other.listenPort}</address>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${self.guiPort}</address>
        <apikey>${self.apiKey}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`;
}

/** Resolves when a line matching `pattern` appears in the node's output. */
function logLine(node: SyncthingNode, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    if (node.log.some((line) => pattern.test(line))) return resolve();
    const onData = () => {
      if (node.log.some((line) => pattern.test(line))) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`syncthing (${node.name}) exited with ${code} before logging ${pattern}`));
    };
    const cleanup = () => {
      node.process.stdout?.off('data', onData);
      node.process.stderr?.off('data', onData);
      node.process.off('exit', onExit);
    };
    // Registered after the node's own collectors, so node.log already holds the new lines.
    node.process.stdout?.on('data', onData);
    node.process.stderr?.on('data', onData);
    node.process.once('exit', onExit);
  });
}

export async function startSyncthingPair(
  workDir: string,
  folders: readonly SharedFolder[],
): Promise<SyncthingPair> {
  const prepareNode = async (name: 'field' | 'hq') => {
    const home = path.join(workDir, `syncthing-${name}`);
    const [deviceId, listenPort, guiPort] = await Promise.all([prepareHome(home), freePort(), freePort()]);
    return { name, home, deviceId, listenPort, guiPort, apiKey: randomBytes(16).toString('hex') };
  };
  const [fieldBase, hqBase] = await Promise.all([prepareNode('field'), prepareNode('hq')]);
  for (const folder of folders) {
    for (const side of ['field', 'hq'] as const) {
      // The marker Syncthing checks before it touches a folder (it refuses one without it).
      await mkdir(path.join(folder.paths[side], '.stfolder'), { recursive: true });
      const ignores = folder.ignores?.[side];
      if (ignores) await writeFile(path.join(folder.paths[side], '.stignore'), `${ignores.join('\n')}\n`);
    }
  }
  await writeFile(path.join(fieldBase.home, 'config.xml'), configXml(fieldBase, hqBase, folders));
  await writeFile(path.join(hqBase.home, 'config.xml'), configXml(hqBase, fieldBase, folders));

  const start = (info: typeof fieldBase): SyncthingNode => {
    const child = spawn(
      SYNCTHING,
      ['serve', `--home=${info.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--logflags=0'],
      {
        env: { ...process.env, STNORESTART: '1', STNOUPGRADE: '1', STNODEFAULTFOLDER: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const node: SyncthingNode = { ...info, process: child, log: [] };
    const collect = (chunk: Buffer) => node.log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    return node;
  };
  const field = start(fieldBase);
  const hq = start(hqBase);
  // Attach the waits now, so no line is missed whatever the test awaits first.
  const connected = Promise.all([
    logLine(field, new RegExp(`Established secure connection to ${hq.deviceId.slice(0, 7)}`)),
    logLine(hq, new RegExp(`Established secure connection to ${field.deviceId.slice(0, 7)}`)),
  ]).then(() => undefined);
  connected.catch(() => {}); // a test that never awaits it must not see an unhandled rejection
  await Promise.all([logLine(field, /GUI and API listening on/), logLine(hq, /GUI and API listening on/)]);

  return {
    field,
    hq,
    connected,
    async rest(node, endpoint) {
      const response = await fetch(`http://127.0.0.1:${node.guiPort}${endpoint}`, {
        headers: { 'X-API-Key': node.apiKey },
      });
      if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status}`);
      return response.json();
    },
    logs: () =>
      [field, hq]
        .map((node) => `--- syncthing ${node.name} ---\n${node.log.slice(-80).join('\n')}`)
        .join('\n'),
    async stop() {
      await Promise.all([field, hq].map(stopNode));
    },
  };
}

async function stopNode(node: SyncthingNode): Promise<void> {
  const child = node.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A stuck process is killed for good rather than left running after the tests.
  const hardKill = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(hardKill);
}
