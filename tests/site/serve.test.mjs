// The static server: MIME types, the CSP header, no way out of the served folder, a 404 page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { CSP, startServer } from '../../web/site/serve.mjs';
import { removeAll, tempDir } from './helpers.mjs';

// A raw GET that sends the path exactly as written (fetch would normalize "../" away).
function get(url, rawPath, method = 'GET', headers = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve.mjs', () => {
  let root, parent, server;
  before(async () => {
    parent = tempDir('mml-serve-');
    root = path.join(parent, 'site');
    fs.mkdirSync(path.join(root, 'mml'), { recursive: true });
    fs.mkdirSync(path.join(root, 'assets', 'katex', 'fonts'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
    fs.writeFileSync(path.join(root, '404.html'), '<!doctype html><title>lost</title><h1>Page not found</h1>');
    fs.writeFileSync(path.join(root, 'mml', 'mml.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    fs.writeFileSync(path.join(root, 'mml', 'mml.js'), '// js');
    fs.writeFileSync(path.join(root, 'assets', 'site.css'), 'body{}');
    fs.writeFileSync(path.join(root, 'assets', 'katex', 'fonts', 'KaTeX_Main-Regular.woff2'), 'wOF2');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the site');
    server = await startServer({ root, port: 0, headers: { 'X-Test': 'yes' } });
  });
  after(async () => {
    await server.close();
    removeAll(parent);
  });

  test('listens on an ephemeral port on 127.0.0.1', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(server.port, 0);
  });

  test('serves wasm as application/wasm with the CSP header', async () => {
    const r = await get(server.url, '/mml/mml.wasm');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/wasm');
    assert.equal(r.headers['content-security-policy'], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:");
    assert.equal(r.headers['content-security-policy'], CSP);
    assert.equal(r.headers['x-test'], 'yes');
    assert.deepEqual([...r.body], [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });

  test('MIME types of the other assets', async () => {
    const cases = { '/mml/mml.js': 'text/javascript; charset=utf-8', '/assets/site.css': 'text/css; charset=utf-8',
      '/assets/katex/fonts/KaTeX_Main-Regular.woff2': 'font/woff2', '/index.html': 'text/html; charset=utf-8' };
    for (const [p, type] of Object.entries(cases)) {
      const r = await get(server.url, p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['content-type'], type, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  });

  test('a folder serves its index.html; query strings are ignored', async () => {
    const r = await get(server.url, '/?a=1,2');
    assert.equal(r.status, 200);
    assert.match(r.body.toString(), /<title>home<\/title>/);
    const redirect = await get(server.url, '/mml');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/mml/');
  });

  test('blocks ../ traversal, raw or percent-encoded', async () => {
    for (const p of ['/../secret.txt', '/mml/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/mml/..%2F..%2Fsecret.txt', '/%2e%2e%5csecret.txt', '/a%00b', '/%E0%A4%A']) {
      const r = await get(server.url, p);
      assert.ok(r.status === 400 || r.status === 404, `${p} → ${r.status}`);
      assert.ok(!r.body.toString().includes('outside the site'), `${p} leaked a file`);
    }
  });

  test('missing files get the 404 page with status 404', async () => {
    const r = await get(server.url, '/no-such-page.html');
    assert.equal(r.status, 404);
    assert.match(r.body.toString(), /Page not found/);
    assert.equal(r.headers['content-security-policy'], CSP);
  });

  test('HEAD has headers and no body; other methods are refused', async () => {
    const head = await get(server.url, '/mml/mml.wasm', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '8');
    assert.equal(head.body.length, 0);
    const post = await get(server.url, '/index.html', 'POST');
    assert.equal(post.status, 405);
  });

  test('the runtime under mml/ may be fetched from other origins; pages may not', async () => {
    for (const p of ['/mml/mml.wasm', '/mml/mml.js']) {
      assert.equal((await get(server.url, p)).headers['access-control-allow-origin'], '*', p);
    }
    for (const p of ['/index.html', '/assets/site.css']) {
      assert.equal((await get(server.url, p)).headers['access-control-allow-origin'], undefined, p);
    }
  });

  test('compresses text and wasm with --gzip, only for clients that accept it', async () => {
    const zipped = await startServer({ root, port: 0, gzip: true });
    try {
      const plain = await get(zipped.url, '/mml/mml.js');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), '// js');
      for (const p of ['/mml/mml.js', '/mml/mml.wasm', '/index.html']) {
        const r = await get(zipped.url, p, 'GET', { 'Accept-Encoding': 'gzip, deflate, br' });
        assert.equal(r.headers['content-encoding'], 'gzip', p);
        assert.equal(r.headers.vary, 'Accept-Encoding', p);
        assert.equal(Number(r.headers['content-length']), r.body.length, p);
        assert.deepEqual(zlib.gunzipSync(r.body), fs.readFileSync(path.join(root, p)), p);
      }
      const font = await get(zipped.url, '/assets/katex/fonts/KaTeX_Main-Regular.woff2', 'GET', { 'Accept-Encoding': 'gzip' });
      assert.equal(font.headers['content-encoding'], undefined, 'woff2 is compressed already');
    } finally {
      await zipped.close();
    }
  });
});
