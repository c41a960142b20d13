// The build-time parameter validator must accept and refuse exactly what core/params.cpp does,
// with the same sentences. The cases follow tests/unit/test_params.cpp.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { checkManifest, describeValid, formatNumberAscii, isReservedName, parseNumber, parseParam, validateFigureParams } from '../../web/site/params.mjs';

const manifest = JSON.parse(fs.readFileSync(new URL('./fixtures/manifest.json', import.meta.url), 'utf8'));
const figure = manifest.figures.find((f) => f.id === 'every-type');
const spec = (name) => figure.params.find((p) => p.name === name);
const refuse = (name, text) => {
  const r = parseParam(spec(name), text);
  assert.equal(r.ok, false, `${name}=${JSON.stringify(text)} should be refused`);
  return r.error;
};
const accept = (name, text) => {
  const r = parseParam(spec(name), text);
  assert.equal(r.ok, true, `${name}=${JSON.stringify(text)} should be accepted: ${r.error}`);
  return r.value;
};

test('describeValid matches the sentences the native manifest carries', () => {
  for (const f of manifest.figures) {
    for (const p of f.params) assert.equal(describeValid(p), p.valid, `${f.id}.${p.name}`);
  }
});

test('formatNumberAscii follows printf %.6g', () => {
  const cases = [[3, '3'], [-3, '-3'], [0.5, '0.5'], [1e-5, '1e-05'], [123456, '123456'], [1234567, '1.23457e+06'],
    [0.0001, '0.0001'], [1e-10, '0'], [2.5e20, '2.5e+20'], [-0.30000000000000004, '-0.3'], [100, '100']];
  for (const [v, s] of cases) assert.equal(formatNumberAscii(v), s, String(v));
  assert.equal(formatNumberAscii(9007199254740991, 17), '9007199254740991');
});

test('valid attribute text is accepted', () => {
  assert.deepEqual(accept('a', '0.5, -1.25'), [0.5, -1.25]);
  assert.deepEqual(accept('rate', '1e-1'), [0.1]);
  assert.deepEqual(accept('rate', ' 2 '), [2]); // ranges are inclusive; spaces and tabs are trimmed
  assert.deepEqual(accept('rate', '.5'), [0.5]);
  assert.deepEqual(accept('rate', '1.'), [1]);
  assert.deepEqual(accept('rate', '+0'), [0]);
  assert.deepEqual(accept('preset', 'shear'), [2]);
  assert.deepEqual(accept('grid', 'false'), [0]);
  assert.deepEqual(accept('grid', '1'), [1]);
  assert.deepEqual(accept('seed', '9007199254740991'), [9007199254740991]);
  assert.deepEqual(accept('k', '8'), [8]);
  assert.deepEqual(accept('k', '2e0'), [2]);
  assert.deepEqual(accept('p', '-0.5,0,1e-5'), [-0.5, 0, 1e-5]);
  assert.equal(accept('f', 'sin(x) + 1'), 'sin(x) + 1');
  assert.equal(accept('f', 'x'.repeat(100)).length, 100);
});

test('bad values are refused with a message naming what is valid', () => {
  assert.equal(refuse('a', '5,0'), 'a: 5 is out of range; expected two numbers in [-3, 3], like "1,0.5"');
  assert.equal(refuse('a', '1'), 'a: "1" has the wrong number of components; expected two numbers in [-3, 3], like "1,0.5"');
  assert.match(refuse('a', '1,2,3'), /wrong number of components/);
  assert.match(refuse('a', '1,0,'), /wrong number of components/);
  for (const bad of ['nan', 'NaN', 'inf', '-inf', '1e999', '0x10', '1.2.3', '', ' ', '1e', '--1', '.', '1_000', '١'])
    assert.match(refuse('rate', bad), /is not a finite number/, JSON.stringify(bad));
  assert.match(refuse('rate', '2.0000001'), /out of range/);
  assert.equal(refuse('preset', 'spin'), 'preset: "spin" is not an option; expected one of none, rotation, shear');
  assert.match(refuse('preset', 'Shear'), /is not an option/);
  assert.match(refuse('grid', 'yes'), /expected true or false/);
  assert.match(refuse('k', '2.5'), /is not a whole number/);
  assert.match(refuse('k', '9'), /out of range/);
  assert.match(refuse('seed', '-1'), /out of range/);
  assert.match(refuse('seed', '9007199254740992'), /out of range/);
  assert.match(refuse('f', ''), /empty/);
  assert.match(refuse('f', 'x'.repeat(101)), /too long/);
  assert.match(refuse('f', 'a\tb'), /control characters/);
  assert.match(refuse('rate', '1'.repeat(1001)), /too long/);
  assert.match(refuse('rate', '1'.repeat(65)), /is not a finite number/);
  assert.match(refuse('p', '0,0,0.1'), /0.1 is out of range; expected three numbers in \[-0.5, 1e-05\]/);
});

test('numbers follow the C++ grammar exactly', () => {
  assert.equal(parseNumber('1e+3'), 1000);
  assert.equal(parseNumber('-.5E-1'), -0.05);
  assert.equal(parseNumber('\t7 '), 7);
  for (const bad of ['1 2', '1e+', '+', '-', 'e5', '1,5', 'Infinity', '0b1', '1f']) assert.equal(parseNumber(bad), null, bad);
});

test('validateFigureParams names unknown parameters and lists the valid ones', () => {
  assert.deepEqual(validateFigureParams(figure, { a: '1,1', rate: '7', nope: '1' }), [
    'rate: 7 is out of range; expected a number in [0, 2]',
    'unknown parameter "nope"; valid parameters: a, rate, preset, grid, seed, f, k, p',
  ]);
  assert.deepEqual(validateFigureParams(figure, {}), []);
});

test('a former name (alias) is read as the parameter it names, with its messages', () => {
  assert.deepEqual(validateFigureParams(figure, { eta: '0.5' }), []);
  assert.deepEqual(validateFigureParams(figure, { eta: '7' }), ['rate: 7 is out of range; expected a number in [0, 2]']);
});

test('reserved names come from the manifest (core/params.cpp), prefixes too, in any case', () => {
  for (const name of ['name', 'theme', 'state', 'class', 'Title', 'data-x', 'ARIA-label']) assert.ok(isReservedName(manifest, name), name);
  for (const name of ['a', 'rate', 'named', 'database']) assert.ok(!isReservedName(manifest, name), name);
  const { reservedNames, ...without } = manifest;
  assert.throws(() => checkManifest(without), /"reservedNames" must be a list/);
});
