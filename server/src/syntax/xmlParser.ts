/**
 * Text -> XmlDocument: a tolerant, single-pass XML scanner that keeps exact spans for every element,
 * element name, end-tag name, attribute name and attribute value, and never throws.
 *
 * WHY HAND-WRITTEN and not fast-xml-parser (which the issue first named): fast-xml-parser gives only the
 * start offset of each element (`captureMetaData`), no attribute name/value spans and no end-tag spans,
 * so all of those would have to be re-scanned anyway; it stops at the first malformed construct
 * (XMLValidator reports just the first error and gives no tree), while an editor needs a tree of what is
 * still there; and it is slower on large WSDLs: on the 3.3 MB merged ONVIF WSDL (bench/build-wsdl.mjs) this
 * scanner builds the full spanned, namespace-resolved tree in ~80 ms CPU (54-90 ms wall when the machine
 * was quiet) against ~140 ms CPU (140-210 ms wall) for fast-xml-parser's object tree without spans, and
 * ~150 ms with its start-offset metadata. Reproduce: `node bench/build-wsdl.mjs /tmp/large.wsdl &&
 * npx tsc -p . && node out/bench/xmlParser.bench.js`. After an edit inside one top-level element only that
 * element is re-scanned (reparseXml, 7-25 ms CPU on the same file).
 *
 * Safety: DOCTYPE is skipped and never interpreted. Entities declared in it are NOT expanded and no external
 * entity is ever read (no XXE, no billion laughs); a DOCTYPE that declares entities is reported once
 * (xml-doctype-entities). Only the five predefined entities and character references are decoded. The scan
 * is iterative (no recursion); elements nested deeper than MAX_DEPTH are checked for well-formedness but not
 * put in the tree (xml-too-deep), so every consumer can walk the tree safely.
 */
import type { Span } from '../core/text';
import type { XmlAttribute, XmlComment, XmlDocument, XmlElement, XmlSyntaxError } from './xmlTree';

export const MAX_DEPTH = 256;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Open {
  /** null when beyond MAX_DEPTH (scanned only). */
  el: XmlElement | null;
  name: string;
  nameSpan: Span;
  textParts?: string[];
  textStart: number;
  textEnd: number;
}

export function parseXml(text: string): XmlDocument {
  return new Scanner(text).run();
}

class Scanner {
  private pos = 0;
  private readonly errors: XmlSyntaxError[] = [];
  private readonly comments: XmlComment[] = [];
  private readonly stack: Open[] = [];
  private root: XmlElement | undefined;
  private rootClosed = false;
  private declaredEntities = new Set<string>();
  /** The DOCTYPE has an external subset or parameter entities: any entity may be declared where we do not look. */
  private opaqueDoctype = false;
  private tooDeepReported = false;
  private readonly maxErrors = 200;

  constructor(private readonly text: string) {}

  private error(message: string, start: number, end = start + 1, code = 'xml-syntax'): void {
    if (this.errors.length >= this.maxErrors) return;
    end = Math.max(start, Math.min(end, this.text.length));
    this.errors.push({ message, span: { start, end }, code });
  }

  run(): XmlDocument {
    const t = this.text;
    const n = t.length;
    if (t.charCodeAt(0) === 0xfeff) this.pos = 1;
    while (this.pos < n) {
      const lt = t.indexOf('<', this.pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > this.pos) this.onText(this.pos, textEnd);
      if (lt < 0) break;
      this.step(lt);
    }
    // Unclosed elements at the end of the text.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const o = this.stack[i];
      this.error(`<${o.name}> is never closed: expected </${o.name}> before the end of the document.`, o.nameSpan.start, o.nameSpan.end);
      this.close(o, n, undefined);
    }
    this.stack.length = 0;
    if (!this.root) this.error('The document has no root element.', 0, Math.min(n, 1));
    return { root: this.root, comments: this.comments, errors: this.errors };
  }

  /** One construct starting with '<' at `lt`. */
  private step(lt: number): void {
    const t = this.text;
    this.pos = lt;
    const c1 = t.charCodeAt(lt + 1);
    if (c1 === 0x2f /* / */) this.endTag();
    else if (c1 === 0x3f /* ? */) this.pi();
    else if (c1 === 0x21 /* ! */) {
      if (t.startsWith('<!--', lt)) this.comment();
      else if (t.startsWith('<![CDATA[', lt)) this.cdata();
      else if (t.startsWith('<!DOCTYPE', lt)) this.doctype();
      else { this.error("'<!' must start a comment (<!-- -->), a CDATA section (<![CDATA[ ]]>) or a DOCTYPE.", lt, lt + 2); this.pos = lt + 2; }
    } else this.startTag();
  }

  /**
   * Scans exactly one element starting at `start` as a child of `root` (whose subtree this replaces), and
   * succeeds only when it ends exactly at `expectedEnd` having seen nothing else: then the result is what a
   * full scan would have produced there. The root is stood in for by a holder with its name and namespace
   * declarations, so end-tag recovery and prefix lookups behave as in a full scan.
   */
  fragment(root: XmlElement, start: number, expectedEnd: number): { el: XmlElement; errors: XmlSyntaxError[]; comments: XmlComment[] } | undefined {
    const holder: XmlElement = {
      name: root.name, prefix: root.prefix, localName: root.localName, span: root.span, nameSpan: root.nameSpan,
      startTagSpan: root.startTagSpan, attributes: [], children: [], text: '', parent: root.parent, nsDecls: root.nsDecls, ns: root.ns, depth: 0,
    };
    const holderOpen: Open = { el: holder, name: root.name, nameSpan: root.nameSpan, textStart: -1, textEnd: -1 };
    this.root = root;
    this.stack.push(holderOpen);
    this.pos = start;
    const t = this.text;
    while (this.pos < expectedEnd) {
      const lt = t.indexOf('<', this.pos);
      if (lt < 0 || lt >= expectedEnd) return undefined;
      if (lt > this.pos) this.onText(this.pos, lt);
      this.step(lt);
      if (this.stack.length <= 1) break;
    }
    if (this.stack.length !== 1 || this.pos !== expectedEnd || holder.children.length !== 1 || holderOpen.textParts) return undefined;
    const el = holder.children[0];
    el.parent = root;
    return { el, errors: this.errors, comments: this.comments };
  }

  // ---- text --------------------------------------------------------------------------------------

  private onText(start: number, end: number): void {
    const t = this.text;
    let s = start, e = end;
    while (s < e && isSpace(t.charCodeAt(s))) s++;
    while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
    if (s === e) return;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.error(this.root ? 'Text after the root element is not allowed: the document must end with the root\'s end tag.' : 'Text before the root element is not allowed.', s, Math.min(e, s + 80));
      return;
    }
    const raw = t.slice(s, e);
    const value = raw.indexOf('&') >= 0 ? this.decode(raw, s) : raw;
    this.addText(top, value, s, e);
  }

  private addText(top: Open, value: string, s: number, e: number): void {
    if (!top.el) return;
    (top.textParts ??= []).push(value);
    if (top.textStart < 0) top.textStart = s;
    top.textEnd = e;
  }

  /** Decodes the predefined entities and character references; reports unknown ones. Linear in `raw`. */
  private decode(raw: string, offset: number): string {
    let out = '';
    let last = 0;
    for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
      let semi = -1;
      for (let j = i + 1; j < raw.length && j <= i + 33; j++) {
        const c = raw.charCodeAt(j);
        if (c === 0x3b) { semi = j; break; }
        if (c === 0x26 || c === 0x3c || isSpace(c)) break;
      }
      const report = this.errors.length < this.maxErrors;
      if (semi < 0) {
        if (report) this.error("'&' must start an entity reference such as &amp; (write &amp; for a literal '&').", offset + i, offset + i + 1);
        continue;
      }
      const name = raw.slice(i + 1, semi);
      const m = raw.slice(i, semi + 1);
      let rep: string | undefined;
      if (name.startsWith('#')) {
        const cp = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.test(name) ? (name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
        if (Number.isFinite(cp) && cp >= 1 && cp <= 0x10ffff) rep = String.fromCodePoint(cp);
        else if (report) this.error(`'${m}' is not a valid character reference.`, offset + i, offset + semi + 1);
      } else {
        rep = Object.prototype.hasOwnProperty.call(PREDEFINED, name) ? PREDEFINED[name] : undefined;
        // DOCTYPE-declared entities are deliberately not expanded.
        if (rep === undefined && report && !this.opaqueDoctype && !this.declaredEntities.has(name)) this.error(`Unknown entity '${m}': only &lt; &gt; &amp; &quot; &apos; and character references are defined in XML without a DTD.`, offset + i, offset + semi + 1);
      }
      if (rep !== undefined) {
        out += raw.slice(last, i) + rep;
        last = semi + 1;
      }
      i = semi;
    }
    return last === 0 ? raw : out + raw.slice(last);
  }

  // ---- markup other than elements ---------------------------------------------------------------------

  private pi(): void {
    const start = this.pos;
    const end = this.text.indexOf('?>', start + 2);
    if (end < 0) {
      this.error("Processing instruction is not closed: expected '?>'.", start, start + 2);
      this.pos = this.text.length;
      return;
    }
    const target = /^<\?([^\s?]*)/.exec(this.text.slice(start, Math.min(end, start + 40)))?.[1] ?? '';
    if (target.toLowerCase() === 'xml' && start > (this.text.charCodeAt(0) === 0xfeff ? 1 : 0)) {
      this.error("The XML declaration '<?xml ...?>' must be the very first thing in the document (nothing, not even a blank line, before it).", start, start + 5);
    }
    this.pos = end + 2;
  }

  private comment(): void {
    const start = this.pos;
    const end = this.text.indexOf('-->', start + 4);
    if (end < 0) {
      this.error("Comment is not closed: expected '-->'.", start, start + 4);
      this.comments.push({ span: { start, end: this.text.length }, text: this.text.slice(start + 4) });
      this.pos = this.text.length;
      return;
    }
    this.comments.push({ span: { start, end: end + 3 }, text: this.text.slice(start + 4, end) });
    this.pos = end + 3;
  }

  private cdata(): void {
    const start = this.pos;
    const end = this.text.indexOf(']]>', start + 9);
    const stop = end < 0 ? this.text.length : end;
    if (end < 0) this.error("CDATA section is not closed: expected ']]>'.", start, start + 9);
    const top = this.stack[this.stack.length - 1];
    if (!top) this.error('CDATA outside the root element is not allowed.', start, start + 9);
    else this.addText(top, this.text.slice(start + 9, stop), start + 9, stop);
    this.pos = end < 0 ? this.text.length : end + 3;
  }

  /** Skips a DOCTYPE (with its internal subset); entity declarations are reported, never interpreted. */
  private doctype(): void {
    const t = this.text;
    const start = this.pos;
    let i = start + 9;
    let inSubset = false;
    let quote = 0;
    let entities = 0;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (quote) { if (c === quote) quote = 0; continue; }
      if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x5b /* [ */) inSubset = true;
      else if (c === 0x5d /* ] */) inSubset = false;
      else if (c === 0x3c && inSubset && t.startsWith('<!ENTITY', i)) {
        entities++;
        const m = /^<!ENTITY\s+(%\s+)?([^\s>]+)/.exec(t.slice(i, i + 200));
        if (m && !m[1]) this.declaredEntities.add(m[2]);
      } else if (c === 0x3c && inSubset && t.startsWith('<!--', i)) {
        const e = t.indexOf('-->', i + 4);
        i = e < 0 ? t.length : e + 2;
      } else if (c === 0x3e /* > */ && !inSubset) break;
    }
    if (i >= t.length) this.error("DOCTYPE is not closed: expected '>'.", start, start + 9);
    if (this.root) this.error('A DOCTYPE must come before the root element.', start, start + 9);
    const external = /^<!DOCTYPE\s+[^\s[>]+\s+(SYSTEM|PUBLIC)\b/.test(t.slice(start, Math.min(i, start + 300)));
    if (external || /<!ENTITY\s+%/.test(t.slice(start, i))) this.opaqueDoctype = true;
    if (external && entities === 0) {
      this.error('This DOCTYPE names an external DTD. API Lens never reads it (external DTDs are how XXE attacks read files or reach internal URLs), so entities it may declare stay unexpanded.',
        start, start + 9, 'xml-doctype-entities');
    }
    if (entities > 0) {
      this.error(`This DOCTYPE declares ${entities} entit${entities === 1 ? 'y' : 'ies'}. API Lens never expands DTD entities or reads external ones (they can hide content, blow up memory or read local files: XXE); references to them are left as written.`,
        start, start + 9, 'xml-doctype-entities');
    }
    this.pos = Math.min(t.length, i + 1);
  }

  // ---- elements ------------------------------------------------------------------------------------

  /** Next quote character at or after `from`; remembers when there is none left (keeps bad input linear). */
  private noMore = new Set<number>();
  private findQuote(q: number, from: number): number {
    if (this.noMore.has(q)) return -1;
    const i = this.text.indexOf(q === 0x22 ? '"' : "'", from);
    if (i < 0) this.noMore.add(q);
    return i;
  }

  /** An XML Name at `at` (char codes, no regex: this runs for every element and attribute). */
  private readName(at: number): string | undefined {
    const t = this.text;
    const c0 = t.charCodeAt(at);
    if (!(isNameStart(c0))) return undefined;
    let i = at + 1;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (!(isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7)) break;
    }
    return t.slice(at, i);
  }

  private startTag(): void {
    const t = this.text;
    const lt = this.pos;
    const name = this.readName(lt + 1);
    if (!name) {
      this.error("'<' must start a tag; to write a literal '<' in text use &lt;.", lt, lt + 1);
      const top = this.stack[this.stack.length - 1];
      if (top) this.addText(top, '<', lt, lt + 1);
      this.pos = lt + 1;
      return;
    }
    const nameSpan = { start: lt + 1, end: lt + 1 + name.length };
    if (this.stack.length === 0 && this.root) {
      this.error(this.rootClosed ? `A second root element <${name}> is not allowed: an XML document has exactly one root element.` : `Unexpected element <${name}>.`, nameSpan.start, nameSpan.end);
    }
    // Attributes.
    const attributes: XmlAttribute[] = [];
    const seen = new Set<string>();
    let i = nameSpan.end;
    let selfClosing = false;
    let closed = false;
    while (i < t.length) {
      const ws = i;
      while (i < t.length && isSpace(t.charCodeAt(i))) i++;
      const c = t.charCodeAt(i);
      if (c === 0x3e /* > */) { i++; closed = true; break; }
      if (c === 0x2f /* / */ && t.charCodeAt(i + 1) === 0x3e) { i += 2; closed = true; selfClosing = true; break; }
      if (c === 0x3c /* < */ || i >= t.length) break; // missing '>' -- recover at the next tag
      const an = this.readName(i);
      if (!an) {
        this.error(`Unexpected character '${t[i]}' in the start tag of <${name}>; expected an attribute name, '>' or '/>'.`, i, i + 1);
        i++;
        continue;
      }
      if (ws === i) this.error(`Attributes must be separated by white space (before '${an}').`, i, i + an.length);
      const anSpan = { start: i, end: i + an.length };
      i = anSpan.end;
      while (i < t.length && isSpace(t.charCodeAt(i))) i++;
      if (t.charCodeAt(i) !== 0x3d /* = */) {
        this.error(`Attribute '${an}' has no value: write ${an}="...".`, anSpan.start, anSpan.end);
        attributes.push({ name: an, nameSpan: anSpan, value: '', valueSpan: { start: anSpan.end, end: anSpan.end } });
        continue;
      }
      i++;
      while (i < t.length && isSpace(t.charCodeAt(i))) i++;
      const q = t.charCodeAt(i);
      let vStart: number, vEnd: number;
      if (q === 0x22 || q === 0x27) {
        vStart = i + 1;
        const close = this.findQuote(q, vStart);
        const lt2 = close >= 0 ? indexOfIn(t, 0x3c, vStart, close) : -1;
        if (close < 0 || (lt2 >= 0 && indexOfIn(t, 0x0a, vStart, lt2) >= 0)) {
          // Unterminated value: stop at the end of the line so the rest of the document still parses.
          let e = vStart;
          while (e < t.length && t.charCodeAt(e) !== 10 && t.charCodeAt(e) !== 13 && t.charCodeAt(e) !== 0x3e) e++;
          this.error(`The value of '${an}' is not closed: expected a closing ${q === 0x22 ? '"' : "'"}.`, i, i + 1);
          vEnd = e;
          i = e;
        } else {
          vEnd = close;
          i = close + 1;
          if (lt2 >= 0) this.error(`'<' is not allowed in an attribute value; write &lt;.`, lt2, lt2 + 1);
        }
      } else {
        this.error(`The value of '${an}' must be in quotes: ${an}="...".`, i, i + 1);
        vStart = i;
        while (i < t.length && !isSpace(t.charCodeAt(i)) && t.charCodeAt(i) !== 0x3e && !(t.charCodeAt(i) === 0x2f && t.charCodeAt(i + 1) === 0x3e)) i++;
        vEnd = i;
      }
      const raw = t.slice(vStart, vEnd);
      let value = raw.indexOf('&') >= 0 ? this.decode(raw, vStart) : raw;
      // Attribute-value normalisation (XML 1.0 §3.3.3): literal white space characters become spaces.
      if (/[\t\r\n]/.test(value)) value = value.replace(/\r\n|[\t\r\n]/g, ' ');
      if (seen.has(an)) this.error(`Attribute '${an}' appears twice on <${name}>.`, anSpan.start, anSpan.end);
      seen.add(an);
      attributes.push({ name: an, nameSpan: anSpan, value, valueSpan: { start: vStart, end: vEnd } });
    }
    if (!closed) this.error(`The start tag of <${name}> is not closed: expected '>' or '/>'.`, nameSpan.start, nameSpan.end);
    this.pos = i;
    const depth = this.stack.length;
    let el: XmlElement | null = null;
    const parentOpen = this.stack[depth - 1];
    if (depth < MAX_DEPTH && (depth === 0 || parentOpen.el)) {
      const colon = name.indexOf(':');
      // One object for both until close() replaces `span` (never mutated in place).
      const tagSpan = { start: lt, end: i };
      el = {
        name, prefix: colon > 0 ? name.slice(0, colon) : '', localName: colon > 0 ? name.slice(colon + 1) : name,
        span: tagSpan, nameSpan, startTagSpan: tagSpan, attributes, children: [], text: '',
        parent: parentOpen?.el ?? undefined, depth,
      };
      for (const a of attributes) {
        if (a.name === 'xmlns') (el.nsDecls ??= new Map()).set('', a.value);
        else if (a.name.startsWith('xmlns:')) {
          const p = a.name.slice(6);
          if (!a.value) this.error(`The namespace prefix '${p}' cannot be bound to an empty URI (XML Namespaces 1.0).`, a.valueSpan.start, a.valueSpan.end + 1);
          (el.nsDecls ??= new Map()).set(p, a.value);
        }
      }
      el.ns = lookupNamespace(el, el.prefix);
      if (el.ns === undefined) this.error(`The namespace prefix '${el.prefix}' is not declared (add xmlns:${el.prefix}="..." on this element or an ancestor).`, nameSpan.start, nameSpan.start + el.prefix.length);
      for (const a of attributes) {
        const ac = a.name.indexOf(':');
        if (ac <= 0) continue;
        const p = a.name.slice(0, ac);
        if (p !== 'xmlns' && lookupNamespace(el, p) === undefined) this.error(`The namespace prefix '${p}' of attribute '${a.name}' is not declared (add xmlns:${p}="..." on this element or an ancestor).`, a.nameSpan.start, a.nameSpan.start + ac);
      }
      if (parentOpen?.el) parentOpen.el.children.push(el);
      else if (depth === 0 && !this.root) this.root = el;
    } else if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.error(`Elements are nested more than ${MAX_DEPTH} levels deep here; API Lens checks the rest for well-formedness but does not analyse it.`, nameSpan.start, nameSpan.end, 'xml-too-deep');
    }
    const open: Open = { el, name, nameSpan, textStart: -1, textEnd: -1 };
    if (selfClosing || !closed) {
      // An unclosed start tag is treated as empty so that the siblings after it keep their structure.
      this.close(open, i, undefined);
      if (depth === 0) this.rootClosed = true;
    } else this.stack.push(open);
  }

  private endTag(): void {
    const t = this.text;
    const lt = this.pos;
    const name = this.readName(lt + 2);
    const nameSpan = { start: lt + 2, end: lt + 2 + (name?.length ?? 0) };
    let i = nameSpan.end;
    while (i < t.length && isSpace(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) === 0x3e) i++;
    else this.error(`The end tag </${name ?? ''}> is not closed: expected '>'.`, lt, nameSpan.end);
    this.pos = i;
    if (!name) {
      this.error("'</' must be followed by the name of the element to close.", lt, lt + 2);
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top && top.name === name) {
      this.stack.pop();
      this.close(top, i, nameSpan);
      if (this.stack.length === 0) this.rootClosed = true;
      return;
    }
    // Mismatch: if an ancestor has this name, close everything up to it; otherwise ignore the end tag.
    let k = this.stack.length - 1;
    const limit = Math.max(0, this.stack.length - 64);
    while (k >= limit && this.stack[k].name !== name) k--;
    if (k >= limit && k >= 0) {
      for (let j = this.stack.length - 1; j > k; j--) {
        const o = this.stack[j];
        this.error(`<${o.name}> is not closed: expected </${o.name}> before </${name}>.`, o.nameSpan.start, o.nameSpan.end);
        this.close(o, lt, undefined);
      }
      this.stack.length = k + 1;
      const o = this.stack.pop()!;
      this.close(o, i, nameSpan);
      if (this.stack.length === 0) this.rootClosed = true;
    } else if (top) {
      // Most often a misspelt end tag: treat it as closing the open element, so the siblings that follow
      // keep their place in the tree instead of all nesting inside it.
      this.error(`Unexpected end tag </${name}>: the open element is <${top.name}>, so </${top.name}> is expected here.`, nameSpan.start, nameSpan.end);
      this.stack.pop();
      this.close(top, i, undefined);
      if (this.stack.length === 0) this.rootClosed = true;
    } else {
      this.error(`Unexpected end tag </${name}>: no element is open.`, nameSpan.start, nameSpan.end);
    }
  }

  private close(o: Open, end: number, endNameSpan: Span | undefined): void {
    const el = o.el;
    if (!el) return;
    el.span = { start: el.span.start, end: Math.max(end, el.startTagSpan.end) };
    if (endNameSpan) el.endNameSpan = endNameSpan;
    if (o.textParts) {
      el.text = o.textParts.join(o.textParts.length > 1 ? ' ' : '').trim();
      el.textSpan = { start: o.textStart, end: o.textEnd };
    }
  }
}

/** Index of char code `c` in t[from, to), or -1. */
function indexOfIn(t: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === c) return i;
  return -1;
}

/** A replacement of [start, end) by `text`; offsets refer to the text left by the edits before it. */
export interface XmlEdit { start: number; end: number; text: string }

/**
 * Incremental re-parse after editor edits: when every edit falls strictly inside one child of the root
 * element (a message, a binding, a schema...), only that element is re-scanned and the spans after it are
 * shifted; the result equals a full parse of `newText`. Returns undefined when that cannot be guaranteed
 * (edits across elements, errors elsewhere in the old tree, a re-scan that ends elsewhere): parse fully then.
 * On success the old tree is reused and updated in place (the previous analysis must not be used again).
 */
export function reparseXml(old: XmlDocument, oldLength: number, newText: string, edits: readonly XmlEdit[]): Reparsed | undefined {
  const root = old.root;
  if (!root || !root.endNameSpan || edits.length === 0) return undefined;
  // The edited range in the old text: each edit's ends mapped back through the edits before it.
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < edits.length; i++) {
    let s = edits[i].start, e = edits[i].end;
    for (let j = i - 1; j >= 0; j--) { s = mapBack(s, edits[j], true); e = mapBack(e, edits[j], false); }
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  const kids = root.children;
  let a = 0, b = kids.length - 1, idx = -1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const k = kids[mid];
    if (hi >= k.span.end) a = mid + 1;
    else if (lo <= k.span.start) b = mid - 1;
    else { idx = mid; break; }
  }
  if (idx < 0) return undefined;
  const target = kids[idx];
  const oldStart = target.span.start, oldEnd = target.span.end;
  if (!(lo > oldStart && hi < oldEnd)) return undefined;
  for (const e of old.errors) if (e.span.start < oldStart || e.span.end > oldEnd) return undefined;
  const delta = newText.length - oldLength;
  const frag = new Scanner(newText).fragment(root, oldStart, oldEnd + delta);
  if (!frag) return undefined;
  // Commit: splice the new element in and shift every span after the old one.
  const shift = (sp: Span | undefined) => {
    if (!sp) return;
    if (sp.start >= oldEnd) sp.start += delta;
    if (sp.end >= oldEnd) sp.end += delta;
  };
  const shiftElement = (el: XmlElement) => {
    shift(el.span);
    if (el.startTagSpan !== el.span) shift(el.startTagSpan);
    shift(el.nameSpan);
    shift(el.endNameSpan);
    shift(el.textSpan);
    for (const at of el.attributes) { shift(at.nameSpan); shift(at.valueSpan); }
  };
  if (delta !== 0) {
    shiftElement(root);
    const stack: XmlElement[] = kids.slice(idx + 1);
    while (stack.length) {
      const el = stack.pop()!;
      shiftElement(el);
      for (const k of el.children) stack.push(k);
    }
  }
  kids[idx] = frag.el;
  const before = old.comments.filter((c) => c.span.end <= oldStart);
  const after = old.comments.filter((c) => c.span.start >= oldEnd);
  for (const c of after) shift(c.span);
  return { doc: { root, comments: [...before, ...frag.comments, ...after], errors: frag.errors }, oldEnd, delta };
}

/** An incremental re-parse: the updated document, where the re-scanned element ended in the old text, and the shift after it. */
export interface Reparsed { doc: XmlDocument; oldEnd: number; delta: number }

function mapBack(p: number, e: XmlEdit, isStart: boolean): number {
  const inserted = e.text.length;
  if (p <= e.start) return p;
  if (p >= e.start + inserted) return p - inserted + (e.end - e.start);
  return isStart ? e.start : e.end;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0xc0;
}

function isSpace(c: number): boolean { return c === 32 || c === 10 || c === 13 || c === 9; }

/** Namespace URI bound to `prefix` in scope at `el` (XML Namespaces §6.1); '' for no namespace; undefined if undeclared. */
export function lookupNamespace(el: XmlElement | undefined, prefix: string): string | undefined {
  if (prefix === 'xml') return XML_NS;
  if (prefix === 'xmlns') return XMLNS_NS;
  for (let e = el; e; e = e.parent) {
    const v = e.nsDecls?.get(prefix);
    if (v !== undefined) return v;
  }
  return prefix === '' ? '' : undefined;
}

/** Value of an attribute by qualified name as written (unprefixed attributes are in no namespace). */
export function attr(el: XmlElement, name: string): XmlAttribute | undefined {
  for (const a of el.attributes) if (a.name === name) return a;
  return undefined;
}

/** An attribute by namespace URI + local name (for prefixed extension attributes such as whttp:method). */
export function attrNS(el: XmlElement, ns: string, local: string): XmlAttribute | undefined {
  for (const a of el.attributes) {
    const colon = a.name.indexOf(':');
    if (colon < 0 || a.name.slice(colon + 1) !== local) continue;
    const p = a.name.slice(0, colon);
    if (p !== 'xmlns' && lookupNamespace(el, p) === ns) return a;
  }
  return undefined;
}

/** The innermost element whose span contains `offset` (iterative; children are in document order). */
export function elementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  let cur = root && offset >= root.span.start && offset <= root.span.end ? root : undefined;
  while (cur) {
    const kids = cur.children;
    let lo = 0, hi = kids.length - 1, found: XmlElement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = kids[mid];
      if (offset < k.span.start) hi = mid - 1;
      else if (offset > k.span.end) lo = mid + 1;
      else { found = k; break; }
    }
    if (!found) return cur;
    cur = found;
  }
  return cur;
}
