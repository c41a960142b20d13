// Test pages for the runtime tests (runtime*.test.mjs): written into a temporary folder next to
// copies of the site's runtime (mml/mml.js, mml.wasm, the side modules, mml-figure.js, figures/),
// never into the site itself (other tests list the site's pages), and served with the site's
// server and CSP.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { startServer } from "../../web/site/serve.mjs";
import { siteDir } from "./harness.mjs";

const NAMES = ["basis-images", "entropy", "cross-entropy", "expected-value"];

export function page(title, body, head = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script src="mml/mml-figure.js"></script>${head}
<style>body { margin: 0 auto; max-width: 640px; padding: 16px; font: 16px/1.5 system-ui, sans-serif; }
figure { margin: 0 0 48px; } p { margin: 0 0 16px; }
@media (prefers-color-scheme: dark) { body { background: #121417; color: #e7e6e2; } }</style></head>
<body><main>${body}</main></body></html>`;
}

// `count` figures (several kinds, each in <figure id="f-N">), two per row.
export function stressPage(count) {
  let body = `<style>body { max-width: 1240px; } .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }</style>
<h1>Many figures</h1><div class="grid">`;
  for (let i = 1; i <= count; ++i) {
    body += `<figure id="f-${i}"><mml-figure name="${NAMES[(i - 1) % NAMES.length]}"></mml-figure>` +
            `<figcaption>Figure ${i}</figcaption></figure>\n`;
  }
  return page("Many figures", body + "</div>");
}

// Writes `pages` ({"name.html": html}) next to the runtime and serves them.
export async function servePages(pages) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "mml-runtime-"));
  fs.mkdirSync(path.join(root, "mml"));
  // The runtime: mml.js, mml.wasm, mml-figure.js and, in the split runtime, the side modules.
  for (const f of fs.readdirSync(path.join(siteDir, "mml"))) {
    if (/^mml.*\.(js|wasm)$/.test(f)) fs.copyFileSync(path.join(siteDir, "mml", f), path.join(root, "mml", f));
  }
  // The figures' descriptions (title, parameters) and their posters.
  for (const dir of ["figures", "posters"]) {
    const from = path.join(siteDir, "mml", dir);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(root, "mml", dir), { recursive: true });
  }
  for (const [name, html] of Object.entries(pages)) fs.writeFileSync(path.join(root, name), html);
  const server = await startServer({ root, port: 0, host: "127.0.0.1", quiet: true });
  return {
    url: server.url, root,
    async close() { await server.close(); fs.rmSync(root, { recursive: true, force: true }); },
  };
}

// Where basis-images draws A·e₁'s handle in a screenshot of its canvas: the centre of the
// largest solid patch of the handle's orange (#E69F00), in screenshot pixels.
export function findOrangeHandle(pngBuffer) {
  const png = PNG.sync.read(pngBuffer);
  const { width, height, data } = png;
  const orange = (x, y) => {
    const i = (y * width + x) * 4;
    return Math.abs(data[i] - 230) < 28 && Math.abs(data[i + 1] - 159) < 28 && data[i + 2] < 70;
  };
  // A handle is a disc: keep pixels whose whole 7×7 neighbourhood is orange (arrows are thinner).
  let sx = 0, sy = 0, n = 0;
  for (let y = 3; y < height - 3; ++y) {
    for (let x = 3; x < width - 3; ++x) {
      let solid = true;
      for (let dy = -3; dy <= 3 && solid; dy += 3) for (let dx = -3; dx <= 3 && solid; dx += 3) solid = orange(x + dx, y + dy);
      if (solid) { sx += x; sy += y; n++; }
    }
  }
  return n ? { x: sx / n, y: sy / n, pixels: n } : null;
}
