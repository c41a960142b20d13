#!/usr/bin/env node
// What one figure costs in the split runtime (web/CMakeLists.txt, mml-split): its code as a side
// module of its own, linked from the objects of an mml-split build exactly as the chapter modules
// are (registry.cpp compiled with MML_FIGURE_PART and a figure_list.inc naming only this figure,
// the figure's object, the figures' own core math archive; -Oz -flto -sSIDE_MODULE=2; its C++
// import names shortened by web/app/short_names.mjs, as the shipped modules are). An empty
// side module (no figure) is linked too: its size is what any side module costs, so a figure's
// own share is the difference. Each figure's marginal in its chapter's module (that module linked
// with and without it, the split runtime's counterpart of figure_sizes.sh) and the chapter modules
// of the build are listed beside them, gzip -9.
//
//   node tests/bench/side_sizes.mjs [--build DIR] [--names] [figure-stem …]
//     --build DIR  an mml-split build (default build/wasm-release; build the target first)
//     --names      link with --profiling-funcs too (into DIR/side-sizes/names/), for
//                  tests/bench/wasm_symbols.mjs, which then says where each module's bytes go;
//                  the chapter modules are linked there again too, with their names
// Prints a Markdown table; the modules stay in DIR/side-sizes/.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync, execSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : null; };
const flag = (name) => { const i = args.indexOf(name); return i >= 0 && args.splice(i, 1).length > 0; };
const build = path.resolve(repo, option("--build") || "build/wasm-release");
const names = flag("--names");
const env = { ...process.env, NODE_PATH: ["/usr/share/nodejs", process.env.NODE_PATH].filter(Boolean).join(":") };

const commands = JSON.parse(fs.readFileSync(path.join(build, "compile_commands.json"), "utf8"));
const registry = commands.find((c) => /mml_registry_[^/]+\.dir\/figures\/registry\.cpp\.o/.test(c.command) && / -DMML_FIGURE_PART /.test(c.command));
if (!registry) throw new Error(`no side-module registry compile command in ${build}: configure a wasm build`);
const objectOf = new Map();  // figure stem → its object file in the build
for (const c of commands) {
  const m = c.command.match(/-o (web\/CMakeFiles\/mml_figures_[^ ]+\.dir\/figures\/([a-z0-9_]+)\.cpp\.o)/);
  if (m) objectOf.set(m[2], path.join(build, m[1]));
}
const coreMath = path.join(build, "web/libmml_core_math.a");
for (const f of [coreMath, ...objectOf.values()])
  if (!fs.existsSync(f)) throw new Error(`${f} missing: cmake --build ${path.relative(repo, build)} --target mml-split`);
const stems = args.length ? args : [...objectOf.keys()].sort();

const split = path.join(build, "web/split");
// A build whose modules ship with short names keeps the modules as linked in split/link/ (an
// older build, measured for comparison, has none and ships the names as linked).
const shortens = fs.existsSync(path.join(split, "link"));
const out = path.join(build, "side-sizes");
fs.mkdirSync(out, { recursive: true });
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const emxx = (argv) => execFileSync("em++", argv, { cwd: build, env, stdio: ["ignore", "ignore", "inherit"] });

// The compile command (a shell line: its definitions may hold quoted spaces), with this module's
// include folder and object instead.
const registryCommand = (dir, object) =>
  registry.command.replace(/ -o \S+/, ` -o ${object}`).replace(/-I\S*figure_modules\S*/, `-I${dir}`);
function link(label, stemsIn, withNames = names) {
  const dir = path.join(out, label);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "figure_list.inc"), stemsIn.map((s) => `MML_FIGURE_ENTRY(${s})\n`).join(""));
  const registryObject = path.join(dir, "registry.o");
  execSync(registryCommand(dir, registryObject), { cwd: build, env, stdio: ["ignore", "ignore", "inherit"] });
  const inputs = [registryObject, ...stemsIn.map((s) => objectOf.get(s)), coreMath];
  const wasm = path.join(out, `mml-${label}.wasm`);
  emxx(["-Oz", "-flto", "-sSIDE_MODULE=2", ...inputs, "-o", wasm]);
  if (shortens) execFileSync("node", [path.join(repo, "web/app/short_names.mjs"), wasm], { stdio: "ignore" });  // as shipped
  if (withNames) {
    fs.mkdirSync(path.join(out, "names"), { recursive: true });
    emxx(["-Oz", "-flto", "-sSIDE_MODULE=2", "--profiling-funcs", ...inputs, "-o", path.join(out, "names", `mml-${label}.wasm`)]);
  }
  return { label, raw: fs.statSync(wasm).size, gz: gz(wasm) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const modules = fs.existsSync(path.join(split, "modules.json")) ? JSON.parse(fs.readFileSync(path.join(split, "modules.json"), "utf8")).figures : {};
const byFile = new Map();
for (const [id, file] of Object.entries(modules)) byFile.set(file, [...(byFile.get(file) || []), id]);
const stemsOf = (file) => byFile.get(file).map((id) => id.replace(/-/g, "_"));

const empty = link("none", []);
const chapters = new Map();  // module file → its figures linked as the build links them
const rows = stems.map((s) => {
  if (!objectOf.has(s)) throw new Error(`no figure ${s} in ${build}`);
  process.stderr.write(`${s} `);
  const row = link(s, [s]);
  // Its marginal in its chapter's module: that module linked with and without it.
  const file = modules[s.replace(/_/g, "-")];
  if (file) {
    if (!chapters.has(file)) chapters.set(file, link(`chapter-${file.replace(/^mml-|\.wasm$/g, "")}`, stemsOf(file)));
    row.marginal = chapters.get(file).gz - link(`without-${s}`, stemsOf(file).filter((t) => t !== s), false).gz;
  }
  return row;
});
process.stderr.write("\n");
console.log(`Side modules linked from ${path.relative(repo, build)} (gzip -9; an empty side module: ${kb(empty.raw)} raw, ${kb(empty.gz)} gzip)\n`);
console.log("| figure | side module alone, raw | gzip | its chapter's module with − without it, gzip |");
console.log("|---|---|---|---|");
for (const r of rows) console.log(`| ${r.label.replace(/_/g, "-")} | ${kb(r.raw)} | ${kb(r.gz)} | ${r.marginal === undefined ? "" : kb(r.marginal)} |`);

if (byFile.size) {
  console.log("\n| chapter module | figures | raw | gzip | gzip per figure |");
  console.log("|---|---|---|---|---|");
  for (const [file, ids] of [...byFile].sort()) {
    const f = path.join(split, file);
    if (!fs.existsSync(f)) continue;
    console.log(`| ${file} | ${ids.length} | ${kb(fs.statSync(f).size)} | ${kb(gz(f))} | ${kb(gz(f) / ids.length)} |`);
    if (names) link(file.replace(/^mml-|\.wasm$/g, ""), stemsOf(file));
  }
}
