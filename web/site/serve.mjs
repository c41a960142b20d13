#!/usr/bin/env node
// A tiny static server for the generated site, with the Content-Security-Policy the pages are
// built for, so local testing sees what production sees.
//
//   node web/site/serve.mjs <dir> [--port 8000] [--host 127.0.0.1] [--gzip]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_FOUND = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>';

// Maps a request path to a file under root, or null when it would leave root or is malformed.
function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Refuse any ".." segment outright rather than normalizing it away.
  if (decoded.split('/').some((seg) => seg === '..')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

// The embeddable runtime: pages on other origins load it (mml.wasm with a CORS fetch), so these
// files carry Access-Control-Allow-Origin, as the embedding guide asks of any static host.
const SHARED = /^\/mml\//;
// What a static host would compress (text and wasm; PNG and woff2 are compressed already).
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Starts the server. Options: root (folder), port (0 = ephemeral), host, headers (extra response
 * headers), gzip (compress text and wasm for clients that accept it, as static hosts do).
 * Resolves to {url, port, close()}.
 */
export function startServer({ root, port = 8000, host = '127.0.0.1', headers = {}, log = null, gzip = false } = {}) {
  const base = path.resolve(root);
  if (!fs.existsSync(base) || !fs.statSync(base).isDirectory()) {
    return Promise.reject(new Error(`${root} is not a folder`));
  }
  const common = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    ...headers,
  };

  const server = http.createServer((req, res) => {
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { ...common, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = (req.url ?? '/').split(/[?#]/)[0];
    let file = resolvePath(base, urlPath);
    if (!file) {
      send(400, 'text/plain; charset=utf-8', 'Bad request\n');
      return;
    }
    try {
      let stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          send(301, 'text/plain; charset=utf-8', 'Moved\n', { Location: `${urlPath}/` });
          return;
        }
        file = path.join(file, 'index.html');
        stat = fs.statSync(file, { throwIfNoEntry: false });
      }
      if (!stat?.isFile()) {
        const page404 = path.join(base, '404.html');
        const body = fs.existsSync(page404) ? fs.readFileSync(page404) : NOT_FOUND;
        send(404, 'text/html; charset=utf-8', body);
        return;
      }
      let body = fs.readFileSync(file);
      const type = mimeType(file);
      const extra = SHARED.test(urlPath) ? { 'Access-Control-Allow-Origin': '*' } : {};
      if (gzip && COMPRESSIBLE.test(type)) {
        extra.Vary = 'Accept-Encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          body = zlib.gzipSync(body);
          extra['Content-Encoding'] = 'gzip';
        }
      }
      send(200, type, body, extra);
    } catch (err) {
      send(500, 'text/plain; charset=utf-8', `Server error: ${err.message}\n`);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

function parseArgs(argv) {
  const options = { port: 8000, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--port') options.port = Number(argv[++i]);
    else if (a === '--gzip') options.gzip = true;
    else if (a === '--host') options.host = argv[++i];
    else if (a === '--help' || a === '-h') return null;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (!options.root) options.root = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!options.root) throw new Error('missing the folder to serve');
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port needs a number from 0 to 65535');
  return options;
}

async function main() {
  const usage = 'usage: node web/site/serve.mjs <dir> [--port 8000] [--host 127.0.0.1] [--gzip]';
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    console.log(usage);
    return;
  }
  try {
    const server = await startServer(options);
    console.log(`Serving ${options.root} at ${server.url}`);
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`cannot serve ${options.root}: ${err.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main();
}
