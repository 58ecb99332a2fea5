import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, startServer } from '../support/server';

const PAGE = '/de/residence-permit-extension/';

export interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Loads a URL as browsers would ask for it (they all accept gzip). */
export async function load(url: string, seconds: number, connections = 50, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Debian's nginx, installed by the bench when missing (root), serving dist/client on loopback. */
function ensureNginx(): string {
  const binary = '/usr/sbin/nginx';
  if (existsSync(binary)) return binary;
  process.stderr.write("nginx is missing: installing Debian's nginx-light for the comparison.\n");
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0 || !existsSync(binary)) throw new Error('Could not install nginx (apt-get install nginx-light, as root).');
  return binary;
}

async function startNginx(root: string) {
  const binary = ensureNginx();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr error;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { try_files $uri $uri/index.html =404; }
  }
}
`,
  );
  const child = spawn(binary, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url + PAGE)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same prerendered page from the Node server and from nginx, one after the other. */
export async function staticThroughput(seconds: number) {
  const server = await startServer();
  let node: Load;
  try {
    node = await load(server.url + PAGE, seconds);
  } finally {
    await server.stop();
  }
  const nginx = await startNginx(path.resolve('dist/client'));
  let viaNginx: Load;
  try {
    viaNginx = await load(nginx.url + PAGE, seconds);
  } finally {
    await nginx.stop();
  }
  return {
    page: PAGE,
    seconds,
    node,
    nginx: viaNginx,
    ratio: Math.round((node.requestsPerSecond / viaNginx.requestsPerSecond) * 100) / 100,
  };
}
