// Where the benchmark hovers, asks for definitions and edits: deterministic positions spread over the document.

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
function lineAt(text, starts, i) { return text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : text.length).replace(/\r$/, ''); }

/** `n` positions on evenly spaced non-blank lines, just inside the first token (a key, a tag name). */
export function hoverPositions(text, format, n) {
  const starts = lineStarts(text);
  const out = [];
  const step = Math.max(1, Math.floor(starts.length / n));
  for (let l = Math.floor(step / 2); l < starts.length && out.length < n; l += step) {
    for (let k = l; k < Math.min(starts.length, l + step); k++) {
      const line = lineAt(text, starts, k);
      const c = line.search(/\S/);
      if (c < 0 || line[c] === '}' || line[c] === ']' || line.startsWith('</', c) || line.startsWith('<!--', c)) continue;
      out.push({ line: k, character: Math.min(line.length, c + (format === 'xml' ? 2 : format === 'yaml' && line[c] === '-' ? 3 : 2)) });
      break;
    }
  }
  return out;
}

/** Up to `n` positions inside reference values: `$ref` in JSON/YAML, QName attributes in WSDL. */
export function definitionPositions(text, format, n) {
  const re = format === 'xml'
    ? /\b(?:message|binding|type|element|base|ref)="((?!xs:|xsd:)[A-Za-z_][\w.\-]*:[^"]+)"/g
    : format === 'yaml' ? /\$ref:\s*["']?(#[^"'\n]*)/g : /"\$ref"\s*:\s*"(#[^"]*)"/g;
  const offsets = [];
  for (const m of text.matchAll(re)) offsets.push(m.index + m[0].indexOf(m[1]) + Math.min(4, m[1].length - 1));
  const starts = lineStarts(text);
  const k = Math.min(n, offsets.length);
  const out = [];
  for (let i = 0; i < k; i++) out.push(positionAt(starts, offsets[Math.floor(((i + 0.5) * offsets.length) / k)]));
  return out;
}

/** Where the one-character edits go: inside a description near the middle, and inside a path key (WSDL: an operation name). */
export function editPositions(text, format) {
  const starts = lineStarts(text);
  const mid = Math.floor(text.length * 0.45);
  const find = (re, from = 0) => { re.lastIndex = from; const m = re.exec(text) ?? (from ? (re.lastIndex = 0, re.exec(text)) : null); return m; };
  let desc, key;
  if (format === 'xml') {
    desc = find(/<(?:xs|xsd|wsdl):documentation>(?=\w)/g, mid);
    key = find(/<wsdl:portType\b[^>]*>\s*<wsdl:operation name="(?=\w)/g, mid);
  } else if (format === 'yaml') {
    desc = find(/^\s+description: (?=\w)/gm, mid);
    const paths = text.search(/^paths:/m);
    key = paths >= 0 ? find(/^ {2}\/(?=\w)/gm, paths + Math.floor((text.indexOf('\ncomponents:') - paths) / 2 || 0)) : null;
  } else {
    desc = find(/"description": "(?=\w)/g, mid);
    const paths = text.indexOf('"paths": {');
    const comps = text.indexOf('"components": {');
    key = paths >= 0 ? find(/^ {4}"\/(?=\w)/gm, paths + Math.max(0, Math.floor((comps > paths ? comps - paths : 0) / 2))) : null;
  }
  return {
    description: desc ? positionAt(starts, desc.index + desc[0].length + 1) : undefined,
    'path key': key ? positionAt(starts, key.index + key[0].length + 1) : undefined,
  };
}

function positionAt(starts, offset) {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const m = (lo + hi + 1) >> 1; if (starts[m] <= offset) lo = m; else hi = m - 1; }
  return { line: lo, character: offset - starts[lo] };
}
