/**
 * Hostile and broken documents, generated (never committed: some are 100 MB). Each case says what the
 * user must see: a diagnostic with a code at a place, or at least no harm (bounded time and memory,
 * no internal error, nothing read that should not be).
 */
export const WSDL_OPEN = '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" targetNamespace="urn:h" xmlns:tns="urn:h" name="H">';
export const WSDL_CLOSE = '</wsdl:definitions>';
export const OAS_YAML = 'openapi: 3.0.3\ninfo:\n  title: H\n  version: "1"\n';
export const OAS_JSON_OPEN = '{"openapi": "3.0.3", "info": {"title": "H", "version": "1"}, "paths": {}, "x-h": ';

/** A secret on disk next to the document: no output of API Lens may ever contain it (XXE). */
export const SECRET = 'TOP-SECRET-7c1f3e-not-for-hover';

export interface HostileCase {
  name: string;
  /** File name of the main document (inside a fresh temporary folder that is the workspace root). */
  file: string;
  /** Generates the main document's text; `dir` is the temporary folder (for absolute references). */
  text(dir: string): string;
  /** Other files in the folder (bytes or text), e.g. $ref targets, imports, the secret. */
  files?: (dir: string) => Record<string, string | Buffer>;
  /** The main document is also written to disk (and opened as the editor's text), for cycles through disk. */
  onDisk?: boolean;
  settings?: { maxFileSizeMB?: number };
  /** A diagnostic whose code matches must exist; `at` gives the offsets its start must fall in. */
  expect?: { code: RegExp; message?: RegExp; at?: (text: string) => [number, number] };
  /** Wall-clock budget of the analysis plus the features (ms). */
  budgetMs?: number;
  /** Peak RSS budget of the probe process (MB), generation of the input included. */
  rssMb?: number;
  /** A known failure, reported to the owner of the code at fault: the case runs as a todo until fixed. */
  todo?: string;
}

const lolEntities = (levels: number) => {
  let s = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= levels; i++) s += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return s;
};
const spanOf = (needle: string, len = needle.length) => (t: string): [number, number] => {
  const i = t.indexOf(needle);
  return [i, i + len];
};
/** Offset of the n-th occurrence (1-based) of `needle`, as a one-character window. */
const nth = (needle: string, n: number) => (t: string): [number, number] => {
  let i = -1;
  for (let k = 0; k < n; k++) i = t.indexOf(needle, i + 1);
  return [i, i + needle.length];
};

const MB = 1024 * 1024;

export const CASES: HostileCase[] = [
  // ---- XML entity expansion and external entities -------------------------------------------
  {
    name: 'xml-billion-laughs', file: 'laughs.wsdl',
    text: () => `<?xml version="1.0"?>\n<!DOCTYPE wsdl:definitions [${lolEntities(9)}]>\n${WSDL_OPEN}<wsdl:documentation>&lol9;</wsdl:documentation>${WSDL_CLOSE}\n`,
    expect: { code: /^xml-doctype/, message: /entit/i, at: spanOf('<!DOCTYPE', 200) },
  },
  {
    name: 'xml-quadratic-blowup', file: 'quadratic.wsdl',
    text: () => `<!DOCTYPE d [<!ENTITY a "${'x'.repeat(100_000)}">]>\n${WSDL_OPEN}<wsdl:documentation>${'&a;'.repeat(30_000)}</wsdl:documentation>${WSDL_CLOSE}`,
    expect: { code: /^xml-doctype/, at: spanOf('<!DOCTYPE', 40) },
  },
  {
    name: 'xml-xxe-file-entity', file: 'xxe.wsdl',
    files: () => ({ 'secret.txt': SECRET }),
    text: (dir) => `<?xml version="1.0"?>\n<!DOCTYPE wsdl:definitions [<!ENTITY xxe SYSTEM "file://${dir}/secret.txt"><!ENTITY rel SYSTEM "secret.txt">]>\n${WSDL_OPEN}\n<wsdl:documentation>&xxe; &rel;</wsdl:documentation>\n<wsdl:service name="&xxe;"/>${WSDL_CLOSE}\n`,
    expect: { code: /^xml-doctype/, at: spanOf('<!DOCTYPE', 200) },
  },
  {
    name: 'xml-xxe-parameter-entity', file: 'xxe-param.wsdl',
    files: () => ({ 'secret.dtd': `<!ENTITY leak "${SECRET}">` }),
    text: (dir) => `<!DOCTYPE wsdl:definitions [<!ENTITY % ext SYSTEM "file://${dir}/secret.dtd"> %ext;]>\n${WSDL_OPEN}<wsdl:documentation>&leak;</wsdl:documentation>${WSDL_CLOSE}\n`,
    expect: { code: /^xml-doctype/, at: spanOf('<!DOCTYPE', 120) },
  },
  {
    name: 'xml-external-dtd', file: 'external-dtd.wsdl',
    files: () => ({ 'secret.dtd': `<!ENTITY leak "${SECRET}">` }),
    text: () => `<!DOCTYPE wsdl:definitions SYSTEM "secret.dtd">\n${WSDL_OPEN}<wsdl:documentation>&leak;</wsdl:documentation>${WSDL_CLOSE}\n`,
  },
  // ---- Nesting -------------------------------------------------------------------------------
  {
    name: 'xml-nesting-100k', file: 'deep.wsdl',
    text: () => `${WSDL_OPEN}<wsdl:types>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</wsdl:types>${WSDL_CLOSE}`,
    expect: { code: /^xml-/, message: /deep|nest/i, at: nth('<a>', 255) },
  },
  {
    name: 'xml-nesting-100k-unclosed', file: 'deep-open.wsdl',
    text: () => `${WSDL_OPEN}<wsdl:types>${'<a>'.repeat(100_000)}`,
    expect: { code: /^xml-/ },
  },
  {
    name: 'json-nesting-100k-arrays', file: 'deep.json',
    text: () => `${OAS_JSON_OPEN}${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    expect: { code: /^json-/, message: /nest|deep/i, at: (t) => { const i = t.indexOf('['); return [i, i + 100_000]; } },
  },
  {
    name: 'json-nesting-100k-objects', file: 'deep-objects.json',
    text: () => `${OAS_JSON_OPEN}${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    expect: { code: /^json-/, message: /nest|deep/i },
  },
  {
    name: 'json-nesting-100k-unclosed', file: 'deep-open.json',
    text: () => `${OAS_JSON_OPEN}${'['.repeat(100_000)}`,
    expect: { code: /^json-/ },
  },
  {
    name: 'yaml-nesting-100k-flow', file: 'deep-flow.yaml',
    text: () => `${OAS_YAML}paths: {}\nx-h: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    expect: { code: /^yaml-/, message: /nest|deep/i },
  },
  {
    name: 'yaml-nesting-100k-block-sequences', file: 'deep-block.yaml',
    text: () => `${OAS_YAML}paths: {}\nx-h: ${'- '.repeat(100_000)}a\n`,
    expect: { code: /^yaml-/, message: /nest|deep/i },
  },
  {
    name: 'yaml-nesting-3k-indentation', file: 'deep-indent.yaml',
    text: () => { let s = `${OAS_YAML}paths: {}\nx-h:\n`; for (let i = 1; i <= 3000; i++) s += `${' '.repeat(i)}k:\n`; return s + ' '.repeat(3001) + 'v: 1\n'; },
    expect: { code: /^yaml-/, message: /nest|deep/i },
  },
  // ---- YAML alias bombs ----------------------------------------------------------------------
  {
    name: 'yaml-alias-bomb', file: 'aliases.yaml',
    text: () => {
      let s = `${OAS_YAML}paths: {}\nx-a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
      for (let i = 1; i <= 12; i++) s += `x-a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
      return s;
    },
    expect: { code: /^yaml-/, message: /alias/i },
  },
  {
    name: 'yaml-alias-bomb-merge-keys', file: 'merge.yaml',
    text: () => {
      let s = `${OAS_YAML}paths: {}\nx-m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n`;
      for (let i = 1; i <= 12; i++) s += `x-m${i}: &m${i}\n${Array.from({ length: 8 }, (_, k) => `  k${k}: *m${i - 1}`).join('\n')}\n`;
      return s;
    },
    expect: { code: /^yaml-/, message: /alias/i },
  },
  // ---- Long lines and big files --------------------------------------------------------------
  {
    name: 'xml-line-10MB', file: 'long-line.wsdl',
    text: () => `${WSDL_OPEN}<wsdl:documentation>${'lorem ipsum '.repeat(10 * MB / 12)}</wsdl:documentation><wsdl:portType name="P"/>${WSDL_CLOSE}`,
  },
  {
    name: 'xml-attribute-10MB', file: 'long-attr.wsdl',
    text: () => `${WSDL_OPEN}<wsdl:portType name="${'p'.repeat(10 * MB)}"/>${WSDL_CLOSE}`,
  },
  {
    name: 'json-line-10MB', file: 'long-line.json',
    text: () => `${OAS_JSON_OPEN}"${'lorem ipsum '.repeat(10 * MB / 12)}"}`,
  },
  {
    name: 'yaml-line-10MB', file: 'long-line.yaml',
    text: () => `${OAS_YAML}paths: {}\nx-h: "${'lorem ipsum '.repeat(10 * MB / 12)}"\n`,
  },
  {
    name: 'yaml-file-100MB', file: 'huge.yaml',
    text: () => `${OAS_YAML}paths: {}\n${'# padding padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil(100 * MB / 74))}`,
    expect: { code: /^lens-file-too-large$/, message: /apiLens\.maxFileSizeMB/, at: () => [0, 0] },
    budgetMs: 2000, rssMb: 700,
  },
  {
    name: 'xml-file-100MB-one-line', file: 'huge.wsdl',
    text: () => `${WSDL_OPEN}<wsdl:documentation>${'x'.repeat(100 * MB)}</wsdl:documentation>${WSDL_CLOSE}`,
    expect: { code: /^lens-file-too-large$/, at: () => [0, 0] },
    budgetMs: 2000, rssMb: 700,
  },
  {
    name: 'size-limit-setting', file: 'limit.json', settings: { maxFileSizeMB: 1 },
    text: () => `${OAS_JSON_OPEN}"${'y'.repeat(2 * MB)}"}`,
    expect: { code: /^lens-file-too-large$/, message: /1\.0 MB/ },
  },
  {
    // 1M lines (5.7 MB) took 2.4 s on an idle machine (linear, ~2 us a line): the suite keeps 300k.
    name: 'many-lines-300k', file: 'many-lines.yaml',
    text: () => `${OAS_YAML}paths: {}\nx-h:\n${'  - a\n'.repeat(300_000)}`,
  },
  {
    name: 'many-errors-json', file: 'many-errors.json',
    text: () => `${OAS_JSON_OPEN}[${',,'.repeat(500_000)}]}`,
    expect: { code: /^json-/ },
  },
  {
    name: 'many-errors-xml', file: 'many-errors.wsdl',
    text: () => `${WSDL_OPEN}${'<a x=>'.repeat(200_000)}${WSDL_CLOSE}`,
    expect: { code: /^xml-/ },
  },
  // ---- Encodings -----------------------------------------------------------------------------
  {
    name: 'bom-utf8-json-open', file: 'bom.json',
    text: () => `\ufeff{"openapi": "3.0.3", "info": {"title": "B", "version": "1"}, "paths": {}}`,
  },
  {
    name: 'bom-utf8-yaml-open', file: 'bom.yaml',
    text: () => `\ufeff${OAS_YAML}paths: {}\n`,
  },
  {
    name: 'bom-and-broken-encodings-on-disk', file: 'main.yaml',
    files: () => ({
      'utf16le.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('components:\n  schemas:\n    A: {type: string}\n', 'utf16le')]),
      'utf16be.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('components:\n  schemas:\n    A: {type: string}\n', 'utf16le').swap16()]),
      'utf8bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"components": {"schemas": {"A": {"type": "string"}}}}')]),
      'invalid-utf8.yaml': Buffer.concat([Buffer.from('components:\n  schemas:\n    A:\n      description: "'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"\n')]),
      'odd-bytes.yaml': Buffer.from([0xfe, 0xff, 0x00]),
    }),
    text: () => `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                oneOf:\n${['utf16le.yaml', 'utf16be.yaml', 'utf8bom.json', 'invalid-utf8.yaml', 'odd-bytes.yaml'].map((f) => `                  - $ref: './${f}#/components/schemas/A'\n`).join('')}`,
  },
  {
    name: 'lone-surrogates-and-nul', file: 'nul.yaml',
    text: () => `${OAS_YAML}paths:\n  /\u0000\ud800:\n    get:\n      summary: "\udfff\u0000\u001b[31m"\n      responses: {}\n`,
  },
  // ---- Cycles --------------------------------------------------------------------------------
  {
    name: 'oas-ref-self', file: 'self.yaml',
    text: () => `${OAS_YAML}paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/A'\n    B:\n      $ref: '#/components/schemas/C'\n    C:\n      $ref: '#/components/schemas/B'\n    R:\n      $ref: '#'\n    T:\n      type: object\n      properties:\n        child:\n          $ref: '#/components/schemas/T'\n`,
  },
  {
    name: 'oas-ref-cycle-across-files', file: 'a.yaml', onDisk: true,
    files: () => ({
      'b.yaml': `components:\n  schemas:\n    B:\n      $ref: './a.yaml#/components/schemas/A'\n    C:\n      $ref: './b.yaml#/components/schemas/C'\n`,
    }),
    text: () => `${OAS_YAML}paths:\n  /a:\n    $ref: './a.yaml#/paths/~1a'\ncomponents:\n  schemas:\n    A:\n      $ref: './b.yaml#/components/schemas/B'\n    D:\n      $ref: './b.yaml#/components/schemas/C'\n`,
  },
  {
    name: 'wsdl-import-cycle', file: 'a.wsdl', onDisk: true,
    files: () => ({
      'b.wsdl': `${WSDL_OPEN}<wsdl:import namespace="urn:h" location="a.wsdl"/><wsdl:import namespace="urn:h" location="b.wsdl"/>${WSDL_CLOSE}`,
    }),
    text: () => `${WSDL_OPEN}<wsdl:import namespace="urn:h" location="b.wsdl"/><wsdl:import namespace="urn:h" location="a.wsdl"/><wsdl:portType name="P"><wsdl:operation name="o"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>${WSDL_CLOSE}`,
  },
  {
    name: 'xsd-self-include', file: 'self-include.wsdl', onDisk: true,
    files: () => ({
      's.xsd': '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:h"><xsd:include schemaLocation="s.xsd"/><xsd:include schemaLocation="t.xsd"/><xsd:element name="e" type="xsd:string"/></xsd:schema>',
      't.xsd': '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:h"><xsd:include schemaLocation="s.xsd"/><xsd:import namespace="urn:h" schemaLocation="self-include.wsdl"/></xsd:schema>',
    }),
    text: () => `${WSDL_OPEN}<wsdl:types><xsd:schema targetNamespace="urn:h"><xsd:include schemaLocation="self-include.wsdl"/><xsd:include schemaLocation="s.xsd"/><xsd:import namespace="urn:h" schemaLocation="#"/></xsd:schema></wsdl:types><wsdl:message name="M"><wsdl:part name="p" element="tns:e"/></wsdl:message>${WSDL_CLOSE}`,
  },
  {
    name: 'oas-ref-chain-5k', file: 'chain.yaml',
    text: () => {
      let s = `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/S0'}\ncomponents:\n  schemas:\n`;
      for (let i = 0; i < 5000; i++) s += `    S${i}: {$ref: '#/components/schemas/S${i + 1}'}\n`;
      return s + `    S5000: {$ref: '#/components/schemas/S0'}\n`;
    },
  },
  {
    // A generated description repeating one mistake 3,000 times: the service lists 500 per code and
    // summarises the rest with lens-too-many-diagnostics where the first omitted one is.
    name: 'many-findings-of-one-code', file: 'generated.yaml',
    text: () => `${OAS_YAML}paths:\n${Array.from({ length: 3000 }, (_, i) => `  /r${i}:\n    get:\n      responses: {}\n`).join('')}`,
    expect: { code: /^lens-too-many-diagnostics$/, message: /more oas-[a-z-]+ diagnostics from here on/ },
  },
  {
    name: 'oas-allof-cycle-and-chain', file: 'allof.yaml',
    text: () => {
      let s = `${OAS_YAML}paths: {}\ncomponents:\n  schemas:\n    A: {allOf: [{$ref: '#/components/schemas/B'}], properties: {a: {$ref: '#/components/schemas/A'}}}\n    B: {allOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: t, mapping: {x: '#/components/schemas/A'}}}\n`;
      for (let i = 0; i < 3000; i++) s += `    C${i}: {allOf: [{$ref: '#/components/schemas/C${i + 1}'}], properties: {p${i}: {type: string}}}\n`;
      return s + `    C3000: {type: object}\n`;
    },
  },
  {
    name: 'wsdl-import-chain-2000-files', file: 'w0.wsdl', onDisk: true,
    files: () => Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`w${i + 1}.wsdl`,
      `${WSDL_OPEN}<wsdl:import namespace="urn:h" location="w${i + 2}.wsdl"/><wsdl:message name="M${i + 1}"/>${WSDL_CLOSE}`])),
    text: () => `${WSDL_OPEN}<wsdl:import namespace="urn:h" location="w1.wsdl"/><wsdl:portType name="P"><wsdl:operation name="o"><wsdl:input message="tns:M2000"/></wsdl:operation></wsdl:portType>${WSDL_CLOSE}`,
  },
  {
    name: 'oas-file-ref-chain-2000-files', file: 'f0.yaml', onDisk: true,
    files: () => Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i + 1}.yaml`,
      `components:\n  schemas:\n    S:\n      $ref: './f${i + 2}.yaml#/components/schemas/S'\n`])),
    text: () => `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './f1.yaml#/components/schemas/S'}\n`,
  },
  {
    name: 'xsd-derivation-cycle-and-chain', file: 'derive.wsdl',
    text: () => {
      let types = '<xsd:complexType name="A"><xsd:complexContent><xsd:extension base="tns:B"/></xsd:complexContent></xsd:complexType><xsd:complexType name="B"><xsd:complexContent><xsd:extension base="tns:A"/></xsd:complexContent></xsd:complexType>';
      types += '<xsd:simpleType name="R"><xsd:restriction base="tns:R"/></xsd:simpleType><xsd:element name="E" substitutionGroup="tns:E" type="tns:A"/><xsd:group name="G"><xsd:sequence><xsd:group ref="tns:G"/></xsd:sequence></xsd:group>';
      for (let i = 0; i < 3000; i++) types += `<xsd:complexType name="T${i}"><xsd:complexContent><xsd:extension base="tns:T${i + 1}"/></xsd:complexContent></xsd:complexType>`;
      return `${WSDL_OPEN}<wsdl:types><xsd:schema targetNamespace="urn:h">${types}<xsd:complexType name="T3000"/></xsd:schema></wsdl:types><wsdl:message name="M"><wsdl:part name="p" element="tns:E"/><wsdl:part name="q" type="tns:T0"/></wsdl:message>${WSDL_CLOSE}`;
    },
  },
  // ---- Pathological text for detection and scanners --------------------------------------------
  {
    name: 'detect-unclosed-processing-instructions', file: 'pis.xml',
    text: () => '<?'.repeat(500_000),
  },
  {
    name: 'detect-unclosed-comments', file: 'comments.xml',
    text: () => '<!--'.repeat(250_000),
  },
  {
    name: 'xml-unclosed-comments-after-root', file: 'comments-in.wsdl',
    text: () => `${WSDL_OPEN}${'<!--'.repeat(250_000)}`,
    expect: { code: /^xml-/ },
  },
  {
    name: 'xml-unclosed-cdata-and-pi', file: 'cdata.wsdl',
    text: () => `${WSDL_OPEN}${'<![CDATA[<?x '.repeat(100_000)}`,
    expect: { code: /^xml-/ },
  },
  {
    name: 'xml-many-attributes', file: 'attrs.wsdl',
    text: () => `${WSDL_OPEN}<wsdl:portType ${Array.from({ length: 100_000 }, (_, i) => `a${i % 1000}="${i}"`).join(' ')}/>${WSDL_CLOSE}`,
    expect: { code: /^xml-/ },
  },
  {
    name: 'yaml-unclosed-quotes', file: 'quotes.yaml',
    text: () => `${OAS_YAML}paths: {}\nx-h: "${'\\"'.repeat(500_000)}`,
    expect: { code: /^yaml-/ },
  },
  {
    name: 'json-unclosed-strings', file: 'strings.json',
    text: () => `${OAS_JSON_OPEN}"${'\\"'.repeat(1_000_000)}`,
    expect: { code: /^json-/ },
  },
];
