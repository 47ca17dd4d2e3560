import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../package-root.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

interface Asset {
  readonly url: string;
  readonly body: Buffer;
  readonly type: string;
}

/** The static files of `public/`, each served under a content-hash name so it can be cached for a year. */
export interface Assets {
  /** `assets.url('site.css')` → `/assets/site.3f2a9c1b.css`. */
  url(name: string): string;
}

/** Reads `public/` once and serves it from memory with immutable cache headers. */
export function registerAssets(app: FastifyInstance, folder = join(PACKAGE_ROOT, 'public')): Assets {
  const byName = new Map<string, Asset>();
  for (const name of readdirSync(folder)) {
    const body = readFileSync(join(folder, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const ext = extname(name);
    byName.set(name, { url: `/assets/${name.slice(0, -ext.length)}.${hash}${ext}`, body, type: TYPES[ext] ?? 'application/octet-stream' });
  }
  const byUrl = new Map([...byName.values()].map((a) => [a.url, a]));
  app.get('/assets/:file', (request, reply) => {
    const asset = byUrl.get(request.url.split('?')[0] ?? '');
    if (!asset) return reply.callNotFound();
    return reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
  return {
    url(name) {
      const asset = byName.get(name);
      if (!asset) throw new Error(`Fichier statique inconnu : ${name}`);
      return asset.url;
    },
  };
}
