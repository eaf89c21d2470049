import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  network_mode?: string;
  depends_on?: Record<string, { condition: string }>;
}

const root = new URL('../../', import.meta.url);
const compose = parse(await readFile(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const nginxConf = await readFile(new URL('deploy/nginx.conf', root), 'utf8');
const { services } = compose;
/** The body of one `upstream` block of the nginx config. */
const upstream = (name: string) => new RegExp(`upstream ${name} \\{([^}]*)\\}`).exec(nginxConf)?.[1] ?? '';

describe('docker-compose.yml', () => {
  it('declares Redis, two app replicas, nginx and coturn', () => {
    expect(Object.keys(services).sort()).toEqual(['app1', 'app2', 'coturn', 'nginx', 'redis']);
  });

  it('runs Redis with append-only persistence on a volume', () => {
    expect(services.redis?.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(services.redis?.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('builds both replicas from this repository and points them at the Redis service', () => {
    for (const name of ['app1', 'app2']) {
      expect(services[name]?.build, name).toBe('.');
      expect(services[name]?.environment?.REDIS_URL, name).toBe('redis://redis:6379');
      expect(services[name]?.depends_on?.redis?.condition, name).toBe('service_healthy');
    }
  });

  it('gives every service a health check, the apps one on /healthz', () => {
    for (const [name, service] of Object.entries(services)) expect(service.healthcheck?.test.length, name).toBeGreaterThan(0);
    expect(services.app1?.healthcheck?.test.join(' ')).toContain('/healthz');
  });

  it('publishes only nginx, on port 8080 (coturn uses the host network for its relay ports)', () => {
    expect(services.nginx?.ports).toEqual(['8080:80']);
    for (const name of ['redis', 'app1', 'app2', 'coturn']) expect(services[name]?.ports, name).toBeUndefined();
    expect(services.coturn?.network_mode).toBe('host');
  });

  it('runs coturn with TURN REST credentials from the secret the apps sign with, never a static user', () => {
    const command = services.coturn?.command?.join(' ') ?? '';
    expect(command).toMatch(/--use-auth-secret/);
    expect(command).toContain('--static-auth-secret=${TURN_SECRET');
    expect(command).not.toMatch(/--user[= ]|--lt-cred-mech/);
    for (const name of ['app1', 'app2']) {
      expect(services[name]?.environment?.TURN_SECRET, name).toBe(services.coturn?.command?.find((arg) => arg.startsWith('--static-auth-secret='))?.split('=')[1]);
      expect(services[name]?.environment?.TURN_URLS, name).toMatch(/^turn:/);
    }
  });

  it('mounts an nginx config that balances both replicas with WebSocket upgrade', () => {
    expect(services.nginx?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(upstream('quorum')).toMatch(/server app1:3000[^;]*;\s*server app2:3000/);
    expect(upstream('quorum')).not.toMatch(/hash|sticky/);
    expect(nginxConf).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
    expect(nginxConf).toMatch(/proxy_http_version 1\.1/);
    expect(nginxConf).not.toMatch(/ip_hash|sticky/);
  });

  it('pins the document connections of a room to one replica by a consistent hash of the room id', () => {
    expect(upstream('quorum_documents')).toMatch(/hash \$document_room consistent;/);
    expect(upstream('quorum_documents')).toMatch(/server app1:3000[^;]*;\s*server app2:3000/);
    expect(nginxConf).toMatch(/location \/yjs\/ \{\s*proxy_pass http:\/\/quorum_documents;/);
    const [, pattern] = /map \$uri \$document_room \{\s*~(\S+)/.exec(nginxConf) ?? [];
    const room = new RegExp(pattern!).exec('/yjs/AbC_-12345/board')?.groups?.room;
    expect(room).toBe('AbC_-12345');
  });
});
