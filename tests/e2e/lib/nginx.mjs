// Debian's nginx serving the built dist/ with the repository's own configuration, as a
// publisher would: dist/nginx/klaster.conf (the whole site at a domain's root) and
// dist/nginx/klaster-subpath.conf (the same rules under /portal/ of another site).
//
// - Everything nginx writes (pid, logs, temporary files) goes into a fresh temporary
//   folder; it listens on 127.0.0.1 on free ports and runs as the current user.
// - One process (`master_process off`, `daemon off`), a child of the test, so stopping it
//   leaves nothing behind: `stop()` ends it (SIGTERM, then SIGKILL), and an exit hook
//   kills it if the test process ends first.
// - The site file is used as written except its `listen` and `root` lines, which are
//   pointed at the test's port and dist/; a change in their shape fails loudly.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const NGINX = process.env.KLASTER_NGINX || '/usr/sbin/nginx';
/** Where Debian's libnginx-mod-http-brotli-static puts the module. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
/** The sub-path dist/nginx/klaster-subpath.conf is written for. */
export const SUBPATH = '/portal/';

const STOP_WAIT_MS = 5_000;
const START_WAIT_MS = 10_000;

/** Free loopback ports (the OS picks them; closed again before nginx binds them). */
async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const server = net.createServer();
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      servers.push(server);
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/** `text` with `pattern` replaced once; an error when it is not there exactly once. */
function replaceOnce(text, pattern, replacement, what) {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
  if (found.length !== 1) {
    throw new Error(`dist/nginx/klaster.conf should have one ${what} line (${pattern}), found ${found.length}`);
  }
  return text.replace(pattern, replacement);
}

/** The generated site with only its `listen` and `root` lines pointed at this test. */
export function siteForTest(site, { port, root }) {
  let out = replaceOnce(site, /^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`, 'listen 80;');
  out = replaceOnce(out, /^\s*listen \[::\]:80;\n/m, '', 'listen [::]:80;');
  return replaceOnce(out, /^(\s*)root \/var\/www\/klaster;$/m, `$1root ${root};`, 'root /var/www/klaster;');
}

/** nginx.conf for the test: the main context a host's nginx.conf would have, then our files. */
function mainConfig({ dir, site, subpathPort, subpathRoot, subpathRules }) {
  return `# Written by tests/e2e/lib/nginx.mjs for one test run.
load_module ${BROTLI_MODULE};
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events {
    worker_connections 256;
}
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    sendfile on;

    # The whole site at the root of its own "domain".
    include ${site};

    # Another site that serves the portal under ${SUBPATH}.
    server {
        listen 127.0.0.1:${subpathPort};
        server_name _;
        root ${subpathRoot};
        # That site's own rule for its scripts, styles and images, which must not take ours.
        location ~* \.(?:js|css|png|svg|json)$ {
            add_header Cache-Control "max-age=60" always;
        }
        include ${subpathRules};
    }
}
`;
}

/**
 * Writes the configuration, runs `nginx -t`, starts nginx and waits until it answers.
 * @param {string} dist the built site
 * @returns {Promise<{url: string, subpathUrl: string, configTest: {status: number, output: string},
 *   errorLog: () => string, stop: () => Promise<void>}>}
 */
export async function startNginx(dist) {
  for (const [file, what] of [
    [NGINX, 'nginx'],
    [BROTLI_MODULE, 'the brotli_static module'],
  ]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${what} is missing (${file}): run cargo xtask setup, which installs Debian's nginx and libnginx-mod-http-brotli-static`);
    }
  }
  for (const name of ['klaster.conf', 'klaster-subpath.conf']) {
    if (!fs.existsSync(path.join(dist, 'nginx', name))) {
      throw new Error(`${path.join(dist, 'nginx', name)} is missing: run the release build first: cargo xtask build`);
    }
  }
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-nginx-'));
  let child = null;
  const kill = () => child?.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  const stop = async () => {
    process.off('exit', kill);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(kill, STOP_WAIT_MS);
      await exited;
      clearTimeout(timer);
    }
    await fsp.rm(dir, { recursive: true, force: true });
  };
  try {
    const [port, subpathPort] = await freePorts(2);
    const site = path.join(dir, 'klaster.conf');
    await fsp.writeFile(site, siteForTest(await fsp.readFile(path.join(dist, 'nginx', 'klaster.conf'), 'utf8'), { port, root: dist }));
    // The other site's root holds dist/ as the folder the sub-path names.
    const subpathRoot = path.join(dir, 'other-site');
    await fsp.mkdir(subpathRoot);
    await fsp.symlink(path.resolve(dist), path.join(subpathRoot, SUBPATH.replaceAll('/', '')));
    const conf = path.join(dir, 'nginx.conf');
    await fsp.writeFile(
      conf,
      mainConfig({ dir, site, subpathPort, subpathRoot, subpathRules: path.join(dist, 'nginx', 'klaster-subpath.conf') }),
    );
    // -e: the error log from the first moment, before nginx has read its configuration.
    const args = ['-p', `${dir}/`, '-c', conf, '-e', path.join(dir, 'error.log')];
    const test = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
    const configTest = { status: test.status, output: `${test.stdout}${test.stderr}`.trim() };
    if (test.status !== 0) throw new Error(`nginx -t failed:\n${configTest.output}`);

    child = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    process.on('exit', kill);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    await waitForPorts([port, subpathPort], child, () => stderr);
    return {
      url: `http://127.0.0.1:${port}/`,
      subpathUrl: `http://127.0.0.1:${subpathPort}${SUBPATH}`,
      configTest,
      errorLog: () => fs.readFileSync(path.join(dir, 'error.log'), 'utf8'),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForPorts(ports, child, stderr) {
  const deadline = Date.now() + START_WAIT_MS;
  for (const port of ports) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr()}`);
      const open = await new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (open) break;
      if (Date.now() > deadline) throw new Error(`nginx did not listen on 127.0.0.1:${port} within ${START_WAIT_MS} ms: ${stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
