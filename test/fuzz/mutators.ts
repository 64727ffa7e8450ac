/**
 * Mutations of real documents: what an editor meets while a user types, pastes, or opens a damaged
 * file. Each mutation is plain data (a whole text or a list of edits), so a finding is replayable.
 */
import type { Random } from './random';

/** One edit on the current text, as offsets [start, end) replaced by text (an LSP incremental change). */
export interface TextEdit { start: number; end: number; text: string }

export type Format = 'xml' | 'json' | 'yaml';

export function formatOf(file: string, text: string): Format {
  if (/\.(wsdl|xsd|xml)$/i.test(file)) return 'xml';
  if (/\.json$/i.test(file)) return 'json';
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  return first === '<' ? 'xml' : first === '{' ? 'json' : 'yaml';
}

const STRUCTURAL: Record<Format, string> = {
  xml: '<>/="\':&;![]?\n',
  json: '{}[]:,"\\\n',
  yaml: ':-?|>&*!#\'"[]{},\n',
};

/** Offsets of the characters where a document's structure turns: where truncation hurts most. */
export function structuralPoints(text: string, format: Format): number[] {
  const set = STRUCTURAL[format];
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (set.includes(text[i])) out.push(i, i + 1);
  return out;
}

/** Characters a byte flip may write: structure, controls, lone surrogates, non-BMP, BOMs, NUL. */
const NASTY_CHARS = [
  '\u0000', '\u0001', '\u001b', '\r', '\n', '\t', '\ufeff', '\ufffd', '\ud800', '\udfff', '\u2028', '\u0085',
  '😀', 'é', '\\', '%', '$', '#', '@', '`', ' ', '0', '-1', 'e999', 'Infinity',
];

/** Fragments that stress parsers and resolvers, by format. None may make the server read, fetch or hang. */
export const HOSTILE_FRAGMENTS: Record<Format, string[]> = {
  xml: [
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE d SYSTEM "file:///etc/passwd">', '<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>', '&x;', '&c;', '&#0;', '&#xD800;', '&#99999999;',
    '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<xsd:import schemaLocation="http://127.0.0.1:9/a.xsd"/>',
    '<wsdl:import location="./self.wsdl"/>', '<xsd:include schemaLocation="#"/>', 'xmlns:a="', ' a="1" a="2"', '</>', '<a:b:c>',
    '<'.repeat(200), '<a>'.repeat(500), '<wsdl:constructor/>', '<wsdl:__proto__ a="b"/>', ' toString="x" hasOwnProperty="y"', 'xmlns:constructor="urn:c"',
  ],
  json: [
    '{"$ref":"#"}', '{"$ref":"#/"}', '{"$ref":"http://127.0.0.1:9/x.json"}', '{"$ref":"../../../../etc/passwd"}', '"\\ud800"', '"\\u0000"',
    '1e999999', '-0', '[' .repeat(500), '{"a":'.repeat(300), '"'.repeat(3), '\\', ',,', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":1}}', '"toString": 1, "valueOf": {},',
  ],
  yaml: [
    'a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n', '*undefined_alias', '&anchor ',
    "$ref: '#'", "$ref: '#/'", "$ref: 'http://127.0.0.1:9/x.yaml'", "$ref: '../../../etc/passwd'", '<<: *a', '!!python/object:os.system ["x"]',
    '!!binary ~', '? [a, b]\n: c', '%YAML 1.1\n---\n', '---\n', '...\n', '|\n', '>-\n', '\t', '- '.repeat(300), '['.repeat(300), '__proto__: {x: 1}', 'constructor: {prototype: 1}\n', 'hasOwnProperty: x\n',
  ],
};

/** Text a user types, by format: keys, tags, references, half of each. */
const TYPED: Record<Format, string[]> = {
  xml: ['<wsdl:operation name="op">', '</wsdl:operation>', '<soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>',
    'type="tns:Foo"', 'element="xsd:string"', '<xsd:element name="a" type="b"/>', ' ', '\n    ', '"', '<', '>', '/', ':'],
  json: ['"paths": {}', ', "x": 1', '"$ref": "#/components/schemas/Pet"', '{', '}', '[', ']', ',', ':', '"', '\n  ', '"type": "object"'],
  yaml: ['  get:\n', '    responses:\n', "      $ref: '#/components/schemas/", 'type: string', '\n  ', '- ', ': ', '#', "'", '"',
    'openapi: 3.1.0', 'swagger: "2.0"', '      200:\n        description: ok\n'],
};

export type Mutation =
  | { kind: 'open'; label: string; text: string }
  | { kind: 'typing'; label: string; text: string; edits: TextEdit[] };

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) s.push(i + 1);
  return s;
}

export function byteFlips(text: string, r: Random): string {
  const chars = text.split('');
  const n = r.range(1, 8);
  for (let k = 0; k < n && chars.length; k++) chars[r.int(chars.length)] = r.pick(NASTY_CHARS);
  return chars.join('');
}

export function truncateAtStructuralPoint(text: string, format: Format, r: Random): string {
  const pts = structuralPoints(text, format);
  return pts.length ? text.slice(0, r.pick(pts)) : text.slice(0, r.int(text.length + 1));
}

export function deleteLines(text: string, r: Random): string {
  let lines = text.split('\n');
  const times = r.range(1, 4);
  for (let k = 0; k < times && lines.length > 1; k++) {
    const at = r.int(lines.length);
    lines = [...lines.slice(0, at), ...lines.slice(at + r.range(1, 5))];
  }
  return lines.join('\n');
}

export function duplicateLines(text: string, r: Random): string {
  const lines = text.split('\n');
  const from = r.int(lines.length);
  const block = lines.slice(from, from + r.range(1, 20));
  const to = r.chance(0.5) ? from : r.int(lines.length + 1);
  return [...lines.slice(0, to), ...block, ...lines.slice(to)].join('\n');
}

export function spliceSlice(text: string, r: Random): string {
  const a = r.int(text.length + 1);
  const slice = text.slice(a, a + r.range(1, 400));
  const at = r.int(text.length + 1);
  return text.slice(0, at) + slice + text.slice(at);
}

export function insertHostile(text: string, format: Format, r: Random): string {
  const frag = r.pick(HOSTILE_FRAGMENTS[format]);
  const starts = lineStarts(text);
  const at = r.chance(0.7) ? r.pick(starts) : r.int(text.length + 1);
  return text.slice(0, at) + frag + text.slice(at);
}

/** A typing session: the user goes somewhere, types a snippet character by character, sometimes deletes. */
export function typingSession(text: string, format: Format, r: Random): TextEdit[] {
  const edits: TextEdit[] = [];
  let len = text.length;
  let cur = text;
  const apply = (e: TextEdit) => { edits.push(e); cur = cur.slice(0, e.start) + e.text + cur.slice(e.end); len = cur.length; };
  const bursts = r.range(1, 6);
  for (let b = 0; b < bursts; b++) {
    const starts = lineStarts(cur);
    const line = r.int(starts.length);
    const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : len;
    let pos = r.chance(0.6) ? lineEnd : Math.min(len, starts[line] + r.int(Math.max(1, lineEnd - starts[line] + 1)));
    const act = r.int(10);
    if (act < 6) {
      const snippet = r.chance(0.85) ? r.pick(TYPED[format]) : r.pick(HOSTILE_FRAGMENTS[format]).slice(0, 200);
      for (const ch of Array.from(snippet)) { apply({ start: pos, end: pos, text: ch }); pos += ch.length; }
    } else if (act < 8) {
      const n = r.range(1, 30);
      for (let k = 0; k < n && pos > 0; k++) { apply({ start: pos - 1, end: pos, text: '' }); pos--; }
    } else if (act < 9) {
      const end = Math.min(len, pos + r.range(1, 2000));
      apply({ start: pos, end, text: '' });
    } else {
      const a = r.int(len + 1);
      apply({ start: pos, end: pos, text: cur.slice(a, a + r.range(1, 3000)) });
    }
  }
  return edits;
}

/** One fuzz case from a corpus document. */
export function mutate(file: string, text: string, r: Random): Mutation {
  const format = formatOf(file, text);
  const k = r.int(8);
  switch (k) {
    case 0: return { kind: 'open', label: 'byte-flips', text: byteFlips(text, r) };
    case 1: return { kind: 'open', label: 'truncate', text: truncateAtStructuralPoint(text, format, r) };
    case 2: return { kind: 'open', label: 'delete-lines', text: deleteLines(text, r) };
    case 3: return { kind: 'open', label: 'duplicate-lines', text: duplicateLines(text, r) };
    case 4: return { kind: 'open', label: 'splice', text: spliceSlice(text, r) };
    case 5: return { kind: 'open', label: 'hostile-fragment', text: insertHostile(text, format, r) };
    default: {
      // Typing on a damaged or a pristine start, as the user would after opening either.
      const start = r.chance(0.3) ? byteFlips(text, r) : text;
      return { kind: 'typing', label: 'typing', text: start, edits: typingSession(start, format, r) };
    }
  }
}
