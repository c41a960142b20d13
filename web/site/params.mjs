// Figure parameter validation at build time. This mirrors core/params.cpp (parse_param,
// describe_valid) rule for rule, so a chapter that builds is a chapter whose attributes the
// runtime accepts; the messages are the runtime's too: "<name>: <what is wrong>; expected <valid>".

const MAX_SEED = 9007199254740991; // 2⁵³ − 1: every seed round-trips through a double
const MAX_INPUT = 1000; // longer attribute values are refused outright (bytes, as in C++)
const DEFAULT_MAX_LENGTH = 200; // ParamSpec::max_length

export const PARAM_TYPES = ['float', 'int', 'vec2', 'vec3', 'enum', 'bool', 'seed', 'string'];

const byteLength = (text) => Buffer.byteLength(text, 'utf8');

// C++ trim(): spaces and tabs only.
function trim(s) {
  return s.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
}

// A plain decimal number: optional sign, digits with an optional point, optional exponent.
// No hex, no "inf"/"nan", no trailing junk. Returns the value or null.
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
export function parseNumber(text) {
  const s = trim(text);
  if (s.length === 0 || byteLength(s) > 64 || !NUMBER.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

// printf("%.*g") as core/format.cpp's format_number_ascii uses it.
export function formatNumberAscii(value, digits = 6) {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Math.abs(value) < 1e-9) return '0';
  const p = Math.max(1, digits);
  const [mantissa, expText] = value.toExponential(p - 1).split('e');
  const exp = Number(expText);
  const stripZeros = (t) => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);
  if (exp < -4 || exp >= p) {
    const sign = exp < 0 ? '-' : '+';
    const e = String(Math.abs(exp)).padStart(2, '0');
    return `${stripZeros(mantissa)}e${sign}${e}`;
  }
  return stripZeros(value.toFixed(Math.max(0, p - 1 - exp)));
}

function rangeText(min, max) {
  return `[${formatNumberAscii(min)}, ${formatNumberAscii(max)}]`;
}

function components(type) {
  return type === 'vec2' ? 2 : type === 'vec3' ? 3 : 1;
}

// Maximum length of a string parameter: the manifest carries it in "maxLength" when the native
// side adds it; until then it can be read back from describe_valid's sentence.
function maxLength(spec) {
  if (Number.isInteger(spec.maxLength)) return spec.maxLength;
  const m = /^text of 1 to (\d+) characters$/.exec(spec.valid ?? '');
  return m ? Number(m[1]) : DEFAULT_MAX_LENGTH;
}

// Human description of the valid values, e.g. 'two numbers in [-3, 3], like "1,0.5"'.
export function describeValid(spec) {
  switch (spec.type) {
    case 'float': return `a number in ${rangeText(spec.min, spec.max)}`;
    case 'int': return `a whole number in ${rangeText(spec.min, spec.max)}`;
    case 'vec2': return `two numbers in ${rangeText(spec.min, spec.max)}, like "1,0.5"`;
    case 'vec3': return `three numbers in ${rangeText(spec.min, spec.max)}, like "1,0,0.5"`;
    case 'enum': return `one of ${(spec.options ?? []).join(', ')}`;
    case 'bool': return 'true or false';
    case 'seed': return 'a whole number from 0 to 9007199254740991';
    case 'string': return `text of 1 to ${maxLength(spec)} characters`;
    default: return '';
  }
}

// Range and options in a short form for the embedding guide's table.
export function describeRange(spec) {
  switch (spec.type) {
    case 'float': case 'int': case 'vec2': case 'vec3': return rangeText(spec.min, spec.max);
    case 'enum': return (spec.options ?? []).join(' | ');
    case 'bool': return 'true | false';
    case 'seed': return '0 … 9007199254740991';
    case 'string': return `1 to ${maxLength(spec)} characters`;
    default: return '';
  }
}

function quoted(text) {
  // The C++ cuts at 40 bytes; cutting at 40 code points keeps the message valid text.
  const chars = Array.from(text);
  return `"${chars.slice(0, 40).join('')}${chars.length > 40 ? '…' : ''}"`;
}

// Returns {ok: true, value} or {ok: false, error}.
export function parseParam(spec, text) {
  const fail = (what) => ({ ok: false, error: `${spec.name}: ${what}; expected ${describeValid(spec)}` });
  if (byteLength(text) > MAX_INPUT) return fail('value is too long');
  switch (spec.type) {
    case 'float': case 'int': case 'vec2': case 'vec3': case 'seed': {
      const n = components(spec.type);
      const value = [];
      let rest = text;
      for (let i = 0; i < n; ++i) {
        const comma = rest.indexOf(',');
        const last = i === n - 1;
        if (last !== (comma === -1)) return fail(`${quoted(text)} has the wrong number of components`);
        const part = last ? rest : rest.slice(0, comma);
        const v = parseNumber(part);
        if (v === null) return fail(`${quoted(part)} is not a finite number`);
        const whole = spec.type === 'int' || spec.type === 'seed';
        if (whole && v !== Math.floor(v)) return fail(`${quoted(part)} is not a whole number`);
        const lo = spec.type === 'seed' ? 0 : spec.min;
        const hi = spec.type === 'seed' ? MAX_SEED : spec.max;
        if (v < lo || v > hi) return fail(`${formatNumberAscii(v)} is out of range`);
        value.push(v);
        if (!last) rest = rest.slice(comma + 1);
      }
      return { ok: true, value };
    }
    case 'enum': {
      const t = trim(text);
      const index = (spec.options ?? []).indexOf(t);
      return index >= 0 ? { ok: true, value: [index] } : fail(`${quoted(text)} is not an option`);
    }
    case 'bool': {
      const t = trim(text);
      if (t === 'true' || t === '1') return { ok: true, value: [1] };
      if (t === 'false' || t === '0') return { ok: true, value: [0] };
      return fail(`${quoted(text)} is not a boolean`);
    }
    case 'string': {
      if (text.length === 0) return fail('value is empty');
      if (byteLength(text) > maxLength(spec)) return fail('value is too long');
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(text)) return fail('value contains control characters');
      return { ok: true, value: text };
    }
    default:
      return fail('unknown type');
  }
}

// Whether `name` is an attribute the page keeps for itself (the manifest's reservedNames and
// reservedPrefixes, from core/params.cpp), never a parameter.
export function isReservedName(manifest, name) {
  const lower = name.toLowerCase();
  return manifest.reservedNames.includes(lower) || manifest.reservedPrefixes.some((p) => lower.startsWith(p));
}

// Checks a figure's attributes ({name: text}) against its manifest entry; a parameter's former
// names (aliases) are read as it, as the runtime does.
// Returns a list of error sentences, empty when every attribute is valid.
export function validateFigureParams(figure, attributes) {
  const errors = [];
  const names = figure.params.map((p) => p.name);
  for (const [name, text] of Object.entries(attributes)) {
    const spec = figure.params.find((p) => p.name === name) ?? figure.params.find((p) => (p.aliases ?? []).includes(name));
    if (!spec) {
      errors.push(`unknown parameter ${quoted(name)}; valid parameters: ${names.join(', ') || '(none)'}`);
      continue;
    }
    const parsed = parseParam(spec, text);
    if (!parsed.ok) errors.push(parsed.error);
  }
  return errors;
}

// Checks the manifest's own shape, so a broken manifest fails loudly rather than as odd pages.
// The numbers mml-figure.js and the module share (manifest "host", web/app/figure_host.hpp).
const HOST_TABLES = { keys: 'object', modifiers: 'object', pointer: 'object', buttons: 'array', cursors: 'array' };
const POINTER_EVENTS = ['move', 'down', 'up', 'leave'];

export function checkManifest(manifest) {
  if (!manifest || !Array.isArray(manifest.figures)) throw new Error('manifest: expected {"figures": [...]}');
  for (const key of ['reservedNames', 'reservedPrefixes'])
    if (!Array.isArray(manifest[key])) throw new Error(`manifest: "${key}" must be a list (the attribute names no parameter may have)`);
  const host = manifest.host;
  for (const [name, kind] of Object.entries(HOST_TABLES)) {
    const table = host?.[name];
    if (kind === 'array' ? !Array.isArray(table) : !table || typeof table !== 'object' || Array.isArray(table)) {
      throw new Error(`manifest: "host.${name}" must be ${kind === 'array' ? 'a list' : 'an object'} (the constants the element shares with the module; run a current mml-manifest)`);
    }
  }
  const missing = POINTER_EVENTS.filter((e) => !Number.isInteger(host.pointer[e]));
  if (missing.length) throw new Error(`manifest: "host.pointer" has no ${missing.join(', ')}`);
  const seen = new Set();
  for (const [i, f] of manifest.figures.entries()) {
    const where = `manifest: figure ${i + 1}${f && f.id ? ` (${f.id})` : ''}`;
    if (!f || typeof f.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(f.id)) throw new Error(`${where}: "id" must be lower-case letters, digits and dashes`);
    if (seen.has(f.id)) throw new Error(`${where}: duplicate id`);
    seen.add(f.id);
    if (typeof f.title !== 'string' || !f.title) throw new Error(`${where}: missing "title"`);
    if (!(typeof f.aspect === 'number' && f.aspect > 0)) throw new Error(`${where}: "aspect" must be a positive number`);
    if (!Array.isArray(f.params)) throw new Error(`${where}: "params" must be a list`);
    for (const p of f.params) {
      if (!p || typeof p.name !== 'string' || !p.name) throw new Error(`${where}: a parameter has no name`);
      if (!PARAM_TYPES.includes(p.type)) throw new Error(`${where}: parameter ${p.name} has unknown type "${p.type}"; valid types: ${PARAM_TYPES.join(', ')}`);
    }
  }
  return manifest;
}
