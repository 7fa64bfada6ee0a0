/**
 * A local nginx (Debian's package) serving a folder with the repository's own configuration,
 * `deploy/nginx.conf`, on a free loopback port: for the browser tests, verify-live's tests and
 * the reveal drill. Only the `listen` and `root` lines of the configuration are replaced;
 * headers, types, locations and error pages are the committed ones. Started as root, its
 * workers run as www-data (or nobody), as on a server, so a file they may not read fails here
 * too. pid, logs and temporary files live in a folder of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX_CONF = resolve(import.meta.dirname, '../../deploy/nginx.conf');
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

export const NO_NGINX =
  'No nginx found (looked at NGINX_PATH and ' +
  CANDIDATES.join(', ') +
  '). ' +
  'Install it with `sudo apt-get install nginx` (or run `sh scripts/test-tools.sh`), or set NGINX_PATH.';

export function findNginx(): string | undefined {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export type NginxServer = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** nginx's error log so far: a refused file is named there ("Permission denied"). */
  errors: () => string;
  stop: () => Promise<void>;
};

/** The committed server configuration with its listen and root lines pointed elsewhere. */
export function placeConfig(config: string, listen: string, root: string): string {
  let out = config;
  for (const [directive, value] of [
    ['listen', listen],
    ['root', root],
  ] as const) {
    const line = new RegExp(`^(\\s*)${directive} [^;\\n]+;$`, 'gm');
    const found = out.match(line)?.length ?? 0;
    if (found !== 1) throw new Error(`nginx configuration: expected one "${directive}" line, found ${found}`);
    out = out.replace(line, `$1${directive} ${value};`);
  }
  return out;
}

/** Root starts workers as a user of their own; anyone else runs them as themselves. */
function workerUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8');
  return /^www-data:/m.test(passwd) ? 'www-data' : 'nobody';
}

function mainConfig(dir: string): string {
  const user = workerUser();
  return [
    ...(user ? [`user ${user};`] : []),
    'worker_processes 1;',
    'daemon off;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 512; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/${t}-temp;`),
    `    include ${dir}/site.conf;`,
    '}',
    '',
  ].join('\n');
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
  });

const answers = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });

/** Serves `root` (an absolute folder) until `stop`; `config` is the server configuration's text. */
export async function startNginx(root: string, config = readFileSync(NGINX_CONF, 'utf8')): Promise<NginxServer> {
  const binary = findNginx();
  if (!binary) throw new Error(NO_NGINX);
  const dir = mkdtempSync(join(tmpdir(), 'oex-nginx-'));
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));
  const errors = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  // Another process may take the free port before nginx binds it: try again with another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(join(dir, 'site.conf'), placeConfig(config, `127.0.0.1:${port}`, resolve(root)));
    const child = spawn(binary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    if (await started(child, exited, port)) {
      return {
        url: `http://127.0.0.1:${port}`,
        errors,
        async stop() {
          process.off('exit', kill);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    process.off('exit', kill);
    const log = errors();
    if (attempt < 3 && /Address already in use/.test(log)) continue;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx did not start:\n${log.trim() || '(nothing in its error log)'}`);
  }
}

/** True once the port answers; false if nginx exits first or is silent for 10 s (then it is stopped). */
async function started(child: ChildProcess, exited: Promise<void>, port: number): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (const deadline = Date.now() + 10_000; Date.now() < deadline && !gone;) {
    if (await answers(port)) return true;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  if (!gone) child.kill('SIGKILL');
  await exited;
  return false;
}
