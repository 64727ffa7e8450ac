/**
 * Structural rules of WSDL 1.1 and 2.0 that need no SOAP knowledge: unique names, binding operations
 * that match their portType / interface, parts, operations, ports and endpoint addresses.
 */
import type { Span } from '../../core/text';
import type { XmlAttribute } from '../../syntax/xmlTree';
import { MEP, NS, type Binding, type BindingOperation, type Component, type Interface, type InterfaceOperation, type PortType } from '../model';
import {
  BINDING_OPERATION_UNKNOWN, DUPLICATE_NAME, ENDPOINT_NOT_HTTPS, HTTP_METHOD_INVALID, OLD_SCHEMA_NAMESPACE,
  OPERATION_WITHOUT_MESSAGES, PART_TYPE_MISSING, PORT_WITHOUT_ADDRESS, R2303, R2304, R2306, R2711, R2718, UNKNOWN_MEP,
} from './catalog';
import { Collector, fixes, listNames, q, styleOf } from './util';
import { closest } from './references';

export function checkStructure(c: Collector): void {
  checkDuplicates(c);
  checkParts(c);
  checkOperations(c);
  checkBindingOperations(c);
  checkPorts(c);
  checkWsdl20(c);
}

interface Named { name: string; nameSpan: Span }

function duplicates<T extends Named>(c: Collector, items: T[], what: string, scope: string, rule = DUPLICATE_NAME): void {
  const first = new Map<string, T>();
  for (const it of items) {
    if (!it.name) continue;
    const prev = first.get(it.name);
    if (!prev) { first.set(it.name, it); continue; }
    c.add(rule, it.nameSpan, `${what} ${q(it.name)} is defined twice ${scope}; the second definition conflicts with the first. Rename or remove one.`,
      { related: [c.related(c.model.doc.uri, prev.nameSpan, `first ${what} ${it.name}`)] });
  }
}

function checkDuplicates(c: Collector): void {
  const d = c.model.doc;
  const scope = `in namespace ${q(d.targetNamespace)}`;
  duplicates(c, d.messages, 'The message', scope);
  duplicates(c, d.portTypes, 'The portType', scope);
  duplicates(c, d.interfaces, 'The interface', scope);
  duplicates(c, d.bindings, 'The binding', scope);
  duplicates(c, d.services, 'The service', scope);
  if (d.version === '1.1') {
    for (const s of d.services) duplicates(c, s.ports, 'The port', `in service ${q(s.name)}`);
    // WSDL 1.1 §2.6 makes port names unique in the whole document, but WSDL4J, JAX-WS and .NET key ports by
    // service: the same port name in two services is a warning, not a broken contract.
    const seenPort = new Map<string, { service: string; span: Span }>();
    for (const s of d.services) {
      const local = new Set<string>();
      for (const p of s.ports) {
        if (!p.name || local.has(p.name)) continue;
        local.add(p.name);
        const prev = seenPort.get(p.name);
        if (!prev) { seenPort.set(p.name, { service: s.name, span: p.nameSpan }); continue; }
        c.add(DUPLICATE_NAME, p.nameSpan,
          `The port name ${q(p.name)} is also used in service ${q(prev.service)}; WSDL 1.1 §2.6 wants port names unique in the whole document, and tools that index ports by name alone pick one of them. Give this port its own name.`,
          { severity: 'warning', related: [c.related(d.uri, prev.span, `port ${p.name} of service ${prev.service}`)] });
      }
    }
  } else {
    for (const s of d.services) duplicates(c, s.ports, 'The endpoint', `in service ${q(s.name)}`);
  }
  for (const m of d.messages) duplicates(c, m.parts, 'The part', `in message ${q(m.name)}`);
  for (const pt of d.portTypes) {
    duplicates(c, pt.operations, 'The operation', `in portType ${q(pt.name)} (WS-I forbids overloading)`, R2304);
    for (const op of pt.operations) duplicates(c, op.faults.filter(hasName), 'The fault', `in operation ${q(op.name)}`);
  }
  for (const itf of d.interfaces) {
    duplicates(c, itf.operations, 'The operation', `in interface ${q(itf.name)}`);
    duplicates(c, itf.faults, 'The fault', `in interface ${q(itf.name)}`);
  }
  for (const b of d.bindings) for (const op of b.operations) duplicates(c, op.faults.filter(hasName), 'The fault', `in binding operation ${q(op.name)}`);
  // Global schema components of one kind in one target namespace (e.g. two embedded schemas declaring the same element).
  const schemaItems = new Map<string, Component>();
  for (const s of d.schemas) {
    for (const comp of s.components) {
      if (comp.el.parent && comp.el.parent.localName === 'redefine') continue;
      const key = `${comp.kind} {${comp.ns}}${comp.name}`;
      const prev = schemaItems.get(key);
      if (!prev) { schemaItems.set(key, comp); continue; }
      c.add(DUPLICATE_NAME, comp.nameSpan,
        `The schema ${comp.el.localName} ${q(comp.name)} is declared twice in namespace ${q(comp.ns)}; a schema processor rejects the second declaration. Remove or rename one.`,
        { related: [c.related(prev.uri, prev.nameSpan, `first declaration of ${comp.name}`)] });
    }
  }
}

function hasName<T extends { name?: string; nameSpan?: Span }>(x: T): x is T & Named { return !!x.name && !!x.nameSpan; }

function checkParts(c: Collector): void {
  for (const m of c.model.doc.messages) {
    for (const p of m.parts) {
      if (p.element && p.type) {
        c.add(R2306, p.nameSpan,
          `Part ${q(p.name)} of message ${q(m.name)} has both element=${q(p.element.raw)} and type=${q(p.type.raw)}; a part is described by exactly one of them. Keep element= for document style, type= for rpc style.`);
      } else if (!p.element && !p.type) {
        c.add(PART_TYPE_MISSING, p.nameSpan,
          `Part ${q(p.name)} of message ${q(m.name)} has neither element= nor type=, so its content is undefined. Add element="prefix:GlobalElement" (document style) or type="prefix:Type" (rpc style).`);
      }
    }
  }
}

function checkOperations(c: Collector): void {
  for (const pt of c.model.doc.portTypes) {
    for (const op of pt.operations) {
      if (!op.input && !op.output) {
        c.add(OPERATION_WITHOUT_MESSAGES, op.nameSpan,
          `Operation ${q(op.name)} of portType ${q(pt.name)} has neither <input> nor <output>, so it exchanges no message. Add an input (one-way) or an input and an output (request-response).`);
      } else if (op.primitive === 'solicit-response' || op.primitive === 'notification') {
        c.add(R2303, op.nameSpan,
          `Operation ${q(op.name)} is a ${op.primitive} operation (the service sends first): Basic Profile allows only one-way and request-response, and most SOAP stacks cannot generate it. Put <input> first, or model the callback as an operation of a portType the client implements.`);
      }
    }
  }
  // WSDL 2.0 operations may leave their pattern's messages implicit (Woden accepts them), so only WSDL 1.1 is checked.
}

/** Binding operations must name an operation of the portType (WSDL 1.1) / interface (WSDL 2.0) and bind only what it has; R2718: and bind all of them. */
function checkBindingOperations(c: Collector): void {
  const m = c.model;
  for (const b of m.doc.bindings) {
    if (!b.type) continue;
    const r = c.resolve(b.type);
    if (r.status !== 'found') continue;
    if (r.target.kind === 'portType') checkAgainstPortType(c, b, r.target as PortType);
    else if (r.target.kind === 'interface') checkAgainstInterface(c, b, r.target as Interface);
  }
}

function checkAgainstPortType(c: Collector, b: Binding, pt: PortType): void {
  const names = pt.operations.map((o) => o.name);
  for (const op of b.operations) {
    const ptOp = c.ptOp(b, op.name);
    if (!ptOp) {
      const near = closest(op.name, names);
      const free = near && !b.operations.some((o) => o.name === near);
      c.add(BINDING_OPERATION_UNKNOWN, op.nameSpan,
        `Binding ${q(b.name)} binds operation ${q(op.name)}, but portType ${q(pt.name)} has no such operation${near ? ` (did you mean ${q(near)}?)` : ''}. Its operations: ${listNames(names)}.`,
        free ? fixes({ title: `Rename to '${near}'`, edits: [{ start: op.nameSpan.start, end: op.nameSpan.end, newText: near }], preferred: true }) : {});
      continue;
    }
    for (const dir of ['input', 'output'] as const) {
      const bm = op[dir];
      if (bm && !ptOp[dir]) {
        c.add(BINDING_OPERATION_UNKNOWN, bm.el.nameSpan,
          `Binding operation ${q(op.name)} binds an ${dir}, but the portType operation has no ${dir}${ptOp.primitive ? ` (it is ${ptOp.primitive})` : ''}. Remove this <${bm.el.name}> or add the ${dir} to the portType operation.`);
      }
    }
    for (const f of op.faults) {
      if (f.name && !ptOp.faults.some((pf) => pf.name === f.name)) {
        c.add(BINDING_OPERATION_UNKNOWN, f.nameSpan ?? f.el.nameSpan,
          `Binding operation ${q(op.name)} binds fault ${q(f.name)}, but portType operation ${q(ptOp.name)} declares ${ptOp.faults.length ? `only the faults ${listNames(ptOp.faults.map((x) => x.name ?? ''))}` : 'no faults'}.`);
      }
    }
  }
  if (b.protocol !== 'soap11' && b.protocol !== 'soap12') return;
  const bound = new Set(b.operations.map((o) => o.name));
  for (const ptOp of pt.operations) {
    if (bound.has(ptOp.name)) continue;
    if (!c.wants(R2718)) break;
    c.add(R2718, b.nameSpan,
      `Binding ${q(b.name)} does not bind operation ${q(ptOp.name)} of portType ${q(pt.name)}; a binding must cover every operation of its portType. Add a <operation name="${ptOp.name}"> to the binding, or move the operation to another portType.`,
      skeletonFix(c, b, ptOp.name, !!ptOp.input, !!ptOp.output, ptOp.faults.map((f) => f.name).filter((n): n is string => !!n)));
  }
}

/** Quick fix for R2718: a binding operation skeleton, literal use, in the binding's style and prefixes. */
function skeletonFix(c: Collector, b: Binding, name: string, input: boolean, output: boolean, faults: string[]) {
  if (!b.el.endNameSpan || !b.soap) return {};
  const closeStart = b.el.endNameSpan.start - 2; // '</'
  const w = b.el.prefix ? `${b.el.prefix}:` : '';
  const s = b.soap.el.prefix ? `${b.soap.el.prefix}:` : '';
  const tns = c.model.doc.targetNamespace;
  const rpc = (b.soap.style?.value ?? 'document') === 'rpc';
  const body = `<${s}body use="literal"${rpc ? ` namespace="${escAttr(tns)}"` : ''}/>`;
  const lines = [`<${w}operation name="${escAttr(name)}">`, `  <${s}operation soapAction="${escAttr(actionFor(tns, name))}"/>`];
  if (input) lines.push(`  <${w}input>`, `    ${body}`, `  </${w}input>`);
  if (output) lines.push(`  <${w}output>`, `    ${body}`, `  </${w}output>`);
  for (const f of faults) lines.push(`  <${w}fault name="${escAttr(f)}">`, `    <${s}fault name="${escAttr(f)}" use="literal"/>`, `  </${w}fault>`);
  lines.push(`</${w}operation>`);
  const indentLike = b.el.children.find((ch) => ch.localName === 'operation')?.span.start ?? b.el.children[0]?.span.start;
  return fixes({
    title: `Add a binding operation skeleton for '${name}' (literal use)`,
    edits: [{ start: closeStart, end: closeStart, newText: lines.join('\n'), block: { indentLike } }], preferred: true,
  });
}

export function escAttr(s: string): string { return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); }

/** A soapAction for an operation: targetNamespace + "/" + name (no doubled separator). */
export function actionFor(tns: string, name: string): string {
  if (!tns) return name;
  return /[/#:]$/.test(tns) ? tns + name : `${tns}/${name}`;
}

function checkAgainstInterface(c: Collector, b: Binding, itf: Interface): void {
  const m = c.model;
  // Operations of the interface and of every interface it extends (WSDL 2.0 §2.2.1).
  const ops: InterfaceOperation[] = [];
  const seen = new Set<Interface>();
  const walk = (i: Interface) => {
    if (seen.has(i)) return;
    seen.add(i);
    ops.push(...i.operations);
    for (const e of i.extends) {
      const r = c.resolve(e);
      if (r.status === 'found' && r.target.kind === 'interface') walk(r.target as Interface);
    }
  };
  walk(itf);
  for (const op of b.operations) {
    if (!op.ref) continue;
    const r = c.resolve(op.ref);
    if (r.status !== 'found') continue;
    if (!ops.some((o) => o.el === r.target.el)) {
      c.add(BINDING_OPERATION_UNKNOWN, op.ref.span,
        `Binding ${q(b.name)} is for interface ${q(itf.name)}, but ref=${q(op.ref.raw)} names an operation of another interface. Operations of ${q(itf.name)}: ${listNames(ops.map((o) => o.name))}.`);
    }
  }
}

function checkPorts(c: Collector): void {
  const d = c.model.doc;
  const byLocation = new Map<string, { span: Span; port: string }>();
  for (const s of d.services) {
    for (const p of s.ports) {
      // Any extension named address counts (soap:, soap12:, http:, and transports such as CXF's jms:address).
      const addresses = p.el.children.filter((e) => e.localName === 'address' && e.ns !== NS.WSDL11);
      if (d.version === '1.1' && !p.address && addresses.length === 0) {
        c.add(PORT_WITHOUT_ADDRESS, p.nameSpan,
          `Port ${q(p.name)} has no address, so clients do not know where to send requests. Add <soap:address location="https://..."/> (or soap12:address / http:address matching the binding).`);
      } else if (addresses.length > 1) {
        c.add(PORT_WITHOUT_ADDRESS, addresses[1].nameSpan,
          `Port ${q(p.name)} has ${addresses.length} addresses; a port has exactly one (WSDL 1.1 §2.6). Define one port per address.`);
      }
      const a = p.address;
      if (!a) continue;
      const loc = a.location.value.trim();
      if (/^http:\/\//i.test(loc)) {
        const loopback = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(?=[:/]|$)/i.test(loc);
        c.add(ENDPOINT_NOT_HTTPS, a.location.span,
          `${d.version === '1.1' ? 'Port' : 'Endpoint'} ${q(p.name)} is addressed with plain http://: requests and responses (including any credentials or WS-Security tokens in them) travel unencrypted and the server is not authenticated. Use an https:// address${loopback ? ' (this one is a loopback address, fine for local testing only)' : ''}.`,
          loopback ? { severity: 'information' } : {});
      }
      if (loc && !/^(https?:\/\/)?(localhost|REPLACE|YOUR)/i.test(loc)) {
        const prev = byLocation.get(loc);
        if (prev && d.version === '1.1') {
          c.add(R2711, a.location.span,
            `Port ${q(p.name)} has the same address as port ${q(prev.port)}; Basic Profile says ports should not share an endpoint, since the server must then tell the bindings apart by message content alone. Give each port its own address.`,
            { related: [c.related(d.uri, prev.span, `address of port ${prev.port}`)] });
        } else if (!prev) byLocation.set(loc, { span: a.location.span, port: p.name });
      }
    }
  }
}

const MEPS = new Set<string>(Object.values(MEP));
const STANDARD_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

function checkWsdl20(c: Collector): void {
  const d = c.model.doc;
  if (d.version !== '2.0') return;
  for (const itf of d.interfaces) {
    for (const op of itf.operations) {
      if (op.pattern && !MEPS.has(op.pattern.value)) {
        const local = /\/([a-z-]+)$/.exec(op.pattern.value)?.[1];
        const draft = /^http:\/\/www\.w3\.org\/200\d\/\d\d\/wsdl\//.test(op.pattern.value) && local && MEPS.has(`http://www.w3.org/ns/wsdl/${local}`);
        c.add(UNKNOWN_MEP, op.pattern.span, draft
          ? `pattern=${q(op.pattern.value)} is a draft-era URI; the WSDL 2.0 Recommendation names this pattern http://www.w3.org/ns/wsdl/${local}, and current tools know only that. Use the Recommendation URI.`
          : `pattern=${q(op.pattern.value)} is not one of the eight message exchange patterns WSDL 2.0 Adjuncts defines (e.g. http://www.w3.org/ns/wsdl/in-out); tools will not know which messages the operation exchanges. Use a predefined pattern URI.`,
          draft ? fixes({ title: `Use http://www.w3.org/ns/wsdl/${local}`, edits: [{ start: op.pattern.span.start, end: op.pattern.span.end, newText: `http://www.w3.org/ns/wsdl/${local}` }], preferred: true }) : {});
      }
    }
  }
  for (const b of d.bindings) {
    const methods = [b.whttpMethodDefault, ...b.operations.map((o: BindingOperation) => o.whttpMethod)];
    for (const mth of methods) {
      if (!mth) continue;
      const v = mth.value;
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v)) {
        c.add(HTTP_METHOD_INVALID, mth.span, `${q(v)} is not an HTTP method: a method is a token without spaces or separators (RFC 9110 §9). Use GET, POST, PUT or DELETE, for example.`, { severity: 'error' });
      } else if (!STANDARD_METHODS.has(v)) {
        const upper = v.toUpperCase();
        c.add(HTTP_METHOD_INVALID, mth.span, STANDARD_METHODS.has(upper)
          ? `HTTP methods are case-sensitive: ${q(v)} is not ${q(upper)}, and servers will answer 405 or 501. Write ${q(upper)}.`
          : `${q(v)} is not a method defined by RFC 9110 or RFC 5789; proxies and servers may reject it. Use a standard method unless the server really supports this extension method.`,
          STANDARD_METHODS.has(upper) ? fixes({ title: `Write the method as '${upper}'`, edits: [{ start: mth.span.start, end: mth.span.end, newText: upper }], preferred: true }) : {});
      }
    }
  }
}

const OLD_XSD = new Set(['http://www.w3.org/1999/XMLSchema', 'http://www.w3.org/2000/10/XMLSchema']);

/** Per attribute (called from the single tree walk in hygiene.ts). */
export function checkOldSchemaNamespaceAttr(c: Collector, a: XmlAttribute): void {
  if (!OLD_XSD.has(a.value)) return;
  c.add(OLD_SCHEMA_NAMESPACE, a.valueSpan,
    `${q(a.value)} is a draft XML Schema namespace from before the 2001 Recommendation; current tools do not know its types. Use http://www.w3.org/2001/XMLSchema (and check the schema for draft-only constructs).`,
    fixes({ title: 'Use the XML Schema 1.0 namespace http://www.w3.org/2001/XMLSchema', edits: [{ start: a.valueSpan.start, end: a.valueSpan.end, newText: NS.XSD }] }));
}

export { styleOf };
