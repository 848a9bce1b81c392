/**
 * A local Neo4j 5.26 for development and tests: `npm run neo4j -- start|stop|status [--test]`,
 * and `npm run neo4j -- import <csv folder> [--overwrite-destination]` (a first bulk load with
 * Neo4j's own neo4j-admin, server stopped).
 *
 * The server is Neo4j's embedded engine with its Bolt connector, run by the tiny Java launcher
 * in this folder (built with Maven from Maven Central). Bolt listens on 127.0.0.1 only, auth is
 * on, data lives in the git-ignored .neo4j/ folder, and LOAD CSV reads from <home>/import.
 *
 * Settings (environment):
 *   KG_NEO4J_HOME   data folder          default .neo4j
 *   KG_NEO4J_PORT   Bolt port            default 7687
 *   with --test (the test suite's own server, so tests never touch your data):
 *   KG_NEO4J_TEST_HOME default .neo4j/test, KG_NEO4J_TEST_PORT default 7688
 *   KG_NEO4J_HEAP   JVM max heap         default 512m
 *   KG_NEO4J_PAGECACHE  page cache (server.memory.pagecache.size)  default 128m
 *   NEO4J_PASSWORD  password of user neo4j, set on the first start only (default kgpassword)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_PASSWORD, type Neo4jConfig } from '../../src/sinks/neo4j/config.ts';
import { openDriver, checkConnection } from '../../src/sinks/neo4j/driver.ts';

const LAUNCHER_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(LAUNCHER_DIR, '../..');
const MAIN_CLASS = 'kg.Neo4jLauncher';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

export interface ServerOptions {
  home: string;
  port: number;
  password: string;
  heap: string;
  /** Page cache size, e.g. 128m: how much of the store Neo4j keeps in memory. */
  pageCache: string;
}

export interface ServerStatus {
  running: boolean;
  pid: number | null;
  uri: string;
  home: string;
  importDir: string;
}

/** The development server (.neo4j, port 7687) or, with `test`, the one the test suite uses. */
export function serverOptions(env: NodeJS.ProcessEnv = process.env, test = false): ServerOptions {
  const home = test ? env.KG_NEO4J_TEST_HOME || '.neo4j/test' : env.KG_NEO4J_HOME || '.neo4j';
  const port = test ? env.KG_NEO4J_TEST_PORT || 7688 : env.KG_NEO4J_PORT || 7687;
  return {
    home: resolve(REPO, home),
    port: Number(port),
    password: env.NEO4J_PASSWORD || DEFAULT_PASSWORD,
    heap: env.KG_NEO4J_HEAP || '512m',
    pageCache: env.KG_NEO4J_PAGECACHE || '128m',
  };
}

/** How clients reach this server (what NEO4J_URI & co. should say). */
export function clientConfig(options: ServerOptions): Neo4jConfig {
  return { uri: `bolt://127.0.0.1:${options.port}`, username: 'neo4j', password: options.password, database: 'neo4j' };
}

export function importDir(options: ServerOptions): string {
  return join(options.home, 'import');
}

const pidFile = (o: ServerOptions) => join(o.home, 'neo4j.pid');
const logFile = (o: ServerOptions) => join(o.home, 'logs', 'launcher.log');

/** Starts the server unless it already runs; resolves once Bolt answers with our credentials. */
export async function start(options: ServerOptions, log: (line: string) => void = console.error): Promise<{ started: boolean; pid: number }> {
  const running = ourPid(options);
  if (running !== null) {
    await waitForBolt(options, running, 0);
    return { started: false, pid: running };
  }
  if (await portAnswers(options.port)) {
    throw new Error(
      `port ${options.port} on 127.0.0.1 is already in use by another program (not the Neo4j of ${options.home}); ` +
        'stop it or choose another port with KG_NEO4J_PORT',
    );
  }
  await build(log);
  mkdirSync(join(options.home, 'logs'), { recursive: true });
  const logStart = existsSync(logFile(options)) ? statSync(logFile(options)).size : 0;
  const out = openSync(logFile(options), 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-Xms128m',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath(),
      MAIN_CLASS,
      options.home,
      String(options.port),
      options.password,
      options.pageCache,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const pid = await new Promise<number>((ok, fail) => {
    child.once('error', (err) => fail(new Error(`cannot run java (Java 17 is needed): ${err.message}`)));
    child.once('spawn', () => ok(child.pid!));
  });
  child.unref();
  writeFileSync(pidFile(options), `${pid}\n`);
  log(`neo4j: starting (pid ${pid}, home ${options.home}) ...`);
  await waitForBolt(options, pid, logStart);
  log(`neo4j: ready on bolt://127.0.0.1:${options.port} (user neo4j), LOAD CSV folder ${importDir(options)}`);
  return { started: true, pid };
}

/** Stops the server cleanly (SIGTERM runs Neo4j's shutdown); true when it was running. */
export async function stop(options: ServerOptions, log: (line: string) => void = console.error): Promise<boolean> {
  const pid = ourPid(options);
  if (pid === null) {
    rmSync(pidFile(options), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isOurLauncher(pid, options) && Date.now() < deadline) await sleep(200);
  if (isOurLauncher(pid, options)) {
    log(`neo4j: pid ${pid} did not stop within ${STOP_TIMEOUT_MS / 1000}s, killing it`);
    process.kill(pid, 'SIGKILL');
    while (isOurLauncher(pid, options)) await sleep(100);
  }
  rmSync(pidFile(options), { force: true });
  return true;
}

export function status(options: ServerOptions): ServerStatus {
  const pid = ourPid(options);
  return { running: pid !== null, pid, uri: `bolt://127.0.0.1:${options.port}`, home: options.home, importDir: importDir(options) };
}

/** The pid in the pid file, if that process is still our launcher for this home (pids get reused). */
function ourPid(options: ServerOptions): number | null {
  if (!existsSync(pidFile(options))) return null;
  const pid = Number(readFileSync(pidFile(options), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isOurLauncher(pid, options) ? pid : null;
}

function isOurLauncher(pid: number, options: ServerOptions): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z' && args.includes(MAIN_CLASS) && args.includes(options.home);
  } catch {
    return false;
  }
}

/** Waits for the launcher's "ready" line (password set) and then for a real Bolt login. */
async function waitForBolt(options: ServerOptions, pid: number, logStart: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const config = clientConfig(options);
  while (Date.now() < deadline) {
    if (!isOurLauncher(pid, options)) {
      rmSync(pidFile(options), { force: true });
      throw new Error(`Neo4j exited during start-up; end of ${logFile(options)}:\n${logTail(options, logStart)}`);
    }
    if (logSince(options, logStart).includes('kg-neo4j: ready')) {
      const driver = openDriver(config);
      try {
        await checkConnection(driver, config);
        return;
      } catch (err) {
        const message = (err as Error).message;
        if (/wrong username or password|failed logins/.test(message)) {
          throw new Error(
            `Neo4j runs (pid ${pid}) but refuses the password in NEO4J_PASSWORD: the store in ${options.home} ` +
              `was created with another one (${message})`,
          );
        }
      } finally {
        await driver.close();
      }
    }
    await sleep(500);
  }
  throw new Error(`Neo4j did not answer on bolt://127.0.0.1:${options.port} within ${START_TIMEOUT_MS / 1000}s; see ${logFile(options)}`);
}

function logSince(options: ServerOptions, offset: number): string {
  try {
    return readFileSync(logFile(options)).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function logTail(options: ServerOptions, offset: number): string {
  return logSince(options, offset).split('\n').slice(-30).join('\n');
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });
}

/**
 * Builds a new store in this server's home from a CSV folder of `kg export --format csv`, by
 * running the folder's import-neo4j-admin.sh with Neo4j's own neo4j-admin: AdminTool, from the
 * jars the server runs on (the embedded server has no neo4j-admin script of its own). Offline
 * and without transactions, so the server must be stopped. `args` follow the database name
 * (--overwrite-destination replaces an existing store). Returns neo4j-admin's report.
 */
export async function adminImportCsv(options: ServerOptions, folder: string, args: string[] = [], log: (line: string) => void = console.error): Promise<string> {
  const script = join(folder, 'import-neo4j-admin.sh');
  if (!existsSync(script)) throw new Error(`${folder} has no import-neo4j-admin.sh: write it with kg export --format csv --out ${folder}`);
  const running = ourPid(options);
  if (running !== null) throw new Error(`the server of ${options.home} is running (pid ${running}): neo4j-admin imports offline, stop it first (npm run neo4j -- stop)`);
  // neo4j-admin says so too, but under a warning that the store may be unusable: say it first.
  if (existsSync(join(options.home, 'data/databases/neo4j')) && !args.includes('--overwrite-destination')) {
    throw new Error(`${options.home} already holds a store: add --overwrite-destination to replace it with the import (what it holds is lost), or set KG_NEO4J_HOME to a new folder`);
  }
  await build(log);
  const bin = mkdtempSync(join(tmpdir(), 'kg-neo4j-admin-'));
  try {
    writeFileSync(join(bin, 'neo4j-admin'), `#!/bin/sh\nexec java -Xmx${options.heap} -cp '${classpath()}' org.neo4j.cli.AdminTool "$@"\n`, { mode: 0o755 });
    mkdirSync(options.home, { recursive: true });
    return execFileSync('sh', [script, 'neo4j', ...args], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NEO4J_HOME: options.home, NEO4J_CONF: join(options.home, 'conf') },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    const said = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`neo4j-admin import of ${folder} failed${said ? `:\n${said}` : `: ${e.message}`}`);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

/** The Neo4j version the pom asks for; its jars live in target/lib-<version>. */
function neo4jVersion(): string {
  const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(join(LAUNCHER_DIR, 'pom.xml'), 'utf8'))?.[1];
  if (!version) throw new Error(`no <neo4j.version> in ${join(LAUNCHER_DIR, 'pom.xml')}`);
  return version;
}

function classpath(): string {
  return [join(LAUNCHER_DIR, 'target/classes'), join(LAUNCHER_DIR, `target/lib-${neo4jVersion()}/*`)].join(':');
}

/**
 * Builds the launcher with Maven when it is missing or older than its sources. A lock keeps
 * concurrent starts (test runs, a terminal) from building at the same time; a stamp written
 * after a successful build says what is up to date (Maven leaves unchanged outputs untouched).
 */
async function build(log: (line: string) => void): Promise<void> {
  const stamp = join(LAUNCHER_DIR, `target/build-${neo4jVersion()}.stamp`);
  const upToDate = () =>
    existsSync(stamp) &&
    [join(LAUNCHER_DIR, 'pom.xml'), join(LAUNCHER_DIR, 'src/main/java/kg/Neo4jLauncher.java')].every(
      (source) => statSync(source).mtimeMs <= statSync(stamp).mtimeMs,
    );
  if (upToDate()) return;
  const release = await lock(join(LAUNCHER_DIR, 'target/.build.lock'));
  try {
    if (upToDate()) return; // built by another process while we waited
    log('neo4j: building the launcher (mvn -q package; the first time downloads Neo4j from Maven Central) ...');
    const result = spawnSync('mvn', ['-B', '-q', '-Dstyle.color=never', 'package'], { cwd: LAUNCHER_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.error) throw new Error(`cannot run mvn (Maven 3 is needed): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`mvn package failed in ${LAUNCHER_DIR} (exit ${result.status})`);
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
  } finally {
    release();
  }
}

/** An exclusive lock file holding the owner's pid; a lock whose owner is gone is taken over. */
async function lock(path: string): Promise<() => void> {
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (!processExists(owner)) rmSync(path, { force: true });
      else await sleep(500);
    }
  }
}

/** A process of this id runs (EPERM: it runs, as another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  const options = serverOptions(process.env, argv.includes('--test'));
  if (command === 'start') {
    const { started, pid } = await start(options);
    if (!started) console.error(`neo4j: already running (pid ${pid}) on bolt://127.0.0.1:${options.port}`);
    return 0;
  }
  if (command === 'stop') {
    console.error((await stop(options)) ? 'neo4j: stopped' : 'neo4j: not running');
    return 0;
  }
  if (command === 'status') {
    const s = status(options);
    console.log(
      s.running
        ? `neo4j: running (pid ${s.pid}) on ${s.uri}, user neo4j, home ${s.home}, LOAD CSV folder ${s.importDir}`
        : `neo4j: not running (home ${s.home})`,
    );
    return s.running ? 0 : 3; // 3 = "not running", as in LSB init scripts
  }
  if (command === 'import') {
    const [folder, ...args] = argv.slice(1).filter((arg) => arg !== '--test');
    if (!folder || folder.startsWith('-')) {
      console.error('usage: npm run neo4j -- import <csv folder> [--overwrite-destination] [--test]');
      return 2;
    }
    console.log(await adminImportCsv(options, resolve(folder), args));
    console.error(`neo4j: imported ${folder} into ${options.home}; npm run neo4j -- start serves it`);
    return 0;
  }
  console.error('usage: npm run neo4j -- start|stop|status|import <csv folder> [--overwrite-destination] [--test]');
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`neo4j: ${(err as Error).message}`);
      process.exitCode = 1;
    },
  );
}
