/**
 * Warm-up of a worker held in reserve for large documents: small samples of each syntax and dialect are
 * analysed and edited in a throw-away service, so the parsers, model builders, rules and incremental paths are
 * compiled. What it buys is measured on the first edits of a large document (bench/FINDINGS.md, 18:00 status);
 * a large document's first analysis is not shorter after it. The samples are built in code: nothing is read from disk.
 */
import { LineIndex } from '../core/text';
import { LanguageService } from '../service/languageService';

function openApiSample(paths: number, version: string): object {
  const p: Record<string, unknown> = {};
  for (let i = 0; i < paths; i++) {
    p[`/items${i}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: `getItem${i}`, summary: 'Get', description: 'Returns the item with the given identifier, with its tags and its counts, when the caller may read it.', tags: ['items'],
        parameters: [{ $ref: '#/components/parameters/limit' }],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' }, example: { id: 'a', n: 1 } } } }, default: { $ref: '#/components/responses/Error' } },
      },
      put: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, responses: { 204: { description: 'done' } } },
    };
  }
  return {
    openapi: version, info: { title: 'warm-up', version: '1' }, servers: [{ url: 'https://api.example.com' }], paths: p,
    components: {
      schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, n: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string' } } } } },
      parameters: { limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
      responses: { Error: { description: 'error', content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } } } },
      securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    },
    security: [{ key: [] }],
  };
}

function swaggerSample(paths: number): object {
  const p: Record<string, unknown> = {};
  for (let i = 0; i < paths; i++) {
    p[`/items${i}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
      get: {
        operationId: `getItem${i}`, summary: 'Get', description: 'Returns the item with the given identifier, with its tags and its counts, when the caller may read it.', tags: ['items'], produces: ['application/json'],
        parameters: [{ $ref: '#/parameters/limit' }],
        responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/Item' }, examples: { 'application/json': { id: 'a', n: 1 } } }, default: { $ref: '#/responses/Error' } },
      },
      put: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Item' } }], responses: { 204: { description: 'done' } } },
    };
  }
  return {
    swagger: '2.0', info: { title: 'warm-up', version: '1' }, host: 'api.example.com', schemes: ['https'], paths: p,
    definitions: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, n: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string' } } } } },
    parameters: { limit: { name: 'limit', in: 'query', type: 'integer' } },
    responses: { Error: { description: 'error', schema: { type: 'object', properties: { message: { type: 'string' } } } } },
    securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    security: [{ key: [] }],
  };
}

const PLAIN = /^[A-Za-z$/][\w$/{}.-]*$/;
const NOT_A_STRING = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A key or string the way large descriptions (Stripe's, GitHub's) write them: plain where YAML reads it back as
 * the same string, long prose folded (`>-`), anything else single-quoted; so the warm-up compiles the parser's paths
 * those documents take (plain keys and values, folded scalars), not only the quoted ones. */
function yamlString(x: string, indent: string): string {
  if (PLAIN.test(x) && !NOT_A_STRING.test(x)) return x;
  if (x.length > 50 && /^\S+(?: \S+)*$/.test(x)) {
    const lines: string[] = [];
    for (const word of x.split(' ')) {
      if (lines.length && lines[lines.length - 1].length + word.length < 40) lines[lines.length - 1] += ' ' + word;
      else lines.push(word);
    }
    return '>-' + lines.map((l) => `\n${indent}  ${l}`).join(''); // folded: each line break reads back as one space
  }
  return `'${x.replace(/'/g, "''")}'`;
}

/** YAML rendering of a plain JSON value (enough for the samples: block mappings and sequences, scalars). */
function toYaml(v: unknown, indent = ''): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => `\n${indent}- ${toYaml(x, indent + '  ').trimStart()}`).join('') : ' []';
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    if (!entries.length) return ' {}';
    return entries.map(([k, x]) => `\n${indent}${yamlString(k, indent)}:${x && typeof x === 'object' ? toYaml(x, indent + '  ') : ` ${typeof x === 'string' ? yamlString(x, indent) : JSON.stringify(x)}`}`).join('');
  }
  return typeof v === 'string' ? yamlString(v, indent) : JSON.stringify(v);
}

const WSDL = `<?xml version="1.0"?>
<definitions name="W" targetNamespace="urn:w" xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="urn:w"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <types><xsd:schema targetNamespace="urn:w" elementFormDefault="qualified">
    <xsd:element name="Get"><xsd:complexType><xsd:sequence><xsd:element name="id" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
    <xsd:element name="GetResponse" type="xsd:string"/>
  </xsd:schema></types>
  <message name="GetIn"><part name="p" element="tns:Get"/></message>
  <message name="GetOut"><part name="p" element="tns:GetResponse"/></message>
  <portType name="P"><operation name="Get"><input message="tns:GetIn"/><output message="tns:GetOut"/></operation></portType>
  <binding name="B" type="tns:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Get"><soap:operation soapAction="urn:w#Get"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
  </binding>
  <service name="S"><port name="Port" binding="tns:B"><soap:address location="https://example.com/w"/></port></service>
</definitions>
`;

/** The shape of warmUpDocuments(), so the steps can be made before the samples are. */
const WARM_UP_PASSES = 3;
const WARM_UP_SAMPLES_PER_PASS = 3;

/** The samples, pass by pass. Each version has its own official schema, normalised on first use (~10-30 ms), and
 * its own tables: the passes cover 3.0 (most large public descriptions: GitHub, Stripe), 3.1, 3.2 and Swagger 2.0,
 * in both syntaxes, and WSDL. */
export function warmUpDocuments(): { uri: string; text: string }[][] {
  const passes: ['json' | 'yaml', object][][] = [
    [['json', openApiSample(40, '3.0.3')], ['yaml', openApiSample(40, '3.0.3')]],
    [['json', openApiSample(40, '3.1.0')], ['yaml', swaggerSample(40)]],
    [['json', swaggerSample(40)], ['yaml', openApiSample(40, '3.2.0')]],
  ];
  return passes.map((docs) => [
    ...docs.map(([syntax, sample]) => ({ uri: `untitled:api-lens-warm-up.${syntax}`, text: syntax === 'json' ? JSON.stringify(sample, null, 2) : toYaml(sample).trimStart() + '\n' })),
    { uri: 'untitled:api-lens-warm-up.wsdl', text: WSDL },
  ]);
}

/** The path item the warm-up edits (the samples have 40). */
const EDITED_PATH = '/items20/';

/**
 * Where the warm-up types one character in a sample, in order: inside a description of one path item, then
 * inside that path's key (WSDL: inside a soapAction), as a user types. These edits run the incremental paths
 * (entries reused, one entry re-checked), which are what the first real edit of a large document runs; an
 * edit in `info` would not: it is outside every entry, so it runs the full analysis again.
 */
export function warmUpEditOffsets(uri: string, text: string): number[] {
  if (uri.endsWith('.wsdl')) return [text.indexOf('urn:w#Get') + 1];
  const path = text.indexOf(EDITED_PATH);
  if (path < 0) return [];
  // The description comes after the key in the text: typing there first leaves the key's offset as it was.
  return [text.indexOf('Returns the item', path) + 1, path + 2].filter((o) => o > 0);
}

/**
 * The warm-up as small steps (one sample analysed, edited and closed each: 50-130 ms cold, 10-40 ms once
 * compiled), so that a worker can stop between two of them when real work arrives (lsp/analysisWorker.ts
 * resumes the rest when idle). A few passes: the hottest functions reach the optimizing compiler.
 */
export function warmUpSteps(docsDir: string): (() => void)[] {
  const service = new LanguageService({ docsDir, log: () => undefined });
  const steps: (() => void)[] = [];
  // The samples are made by the first step, not here: the worker builds its steps when it starts, and a large
  // document that arrives then should not wait for them (10-15 ms of cold code).
  let documents: ReturnType<typeof warmUpDocuments> | undefined;
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    for (let index = 0; index < WARM_UP_SAMPLES_PER_PASS; index++) {
      steps.push(() => {
        const { uri, text } = (documents ??= warmUpDocuments())[pass][index];
        service.open(uri, text, pass + 1);
        service.diagnostics(uri);
        const lines = new LineIndex(text);
        for (const [k, offset] of warmUpEditOffsets(uri, text).entries()) {
          const at = lines.positionAt(offset);
          service.edit(uri, [{ range: { start: at, end: at }, text: 'x' }], 100 + pass * 10 + k);
          service.diagnostics(uri);
        }
        service.close(uri);
      });
    }
  }
  return steps;
}
