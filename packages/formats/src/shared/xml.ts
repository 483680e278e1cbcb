/**
 * A small, strict XML parser and serializer (no DOM, no DTDs, no external entities).
 *
 * Enough for VOC, CVAT and Label Studio configs: elements, attributes, text, CDATA, comments,
 * processing instructions and the five predefined entities plus numeric character references.
 * Anything malformed throws an {@link XmlError} with the 1-based line (and column) where it was found.
 */

/** One XML element. `children` keeps text and elements in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}

/** An element or a run of text (entities already decoded). */
export type XmlNode = XmlElement | string;

/** Malformed XML, with the place it was found. */
export class XmlError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /\s*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses a document and returns its root element. Throws {@link XmlError} on malformed input. */
export function parseXml(text: string): XmlElement {
  let pos = 0;
  // Line starts, for turning an offset into a line/column only when an error or element needs it.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, at = pos): never => {
    const line = lineOf(at);
    throw new XmlError(message, line, at - lineStarts[line - 1]! + 1);
  };

  const decode = (raw: string, at: number): string =>
    !raw.includes('&') ? raw : raw.replace(/&([^;&<\s]*);?/g, (m, body: string, off: number) => {
      if (!m.endsWith(';')) fail(`unterminated entity "${m}"`, at + off);
      if (body.startsWith('#x') || body.startsWith('#X')) {
        const cp = Number.parseInt(body.slice(2), 16);
        if (!/^#[xX][0-9a-fA-F]+$/.test(body) || cp > 0x10ffff) fail(`bad character reference "${m}"`, at + off);
        return String.fromCodePoint(cp);
      }
      if (body.startsWith('#')) {
        const cp = Number.parseInt(body.slice(1), 10);
        if (!/^#[0-9]+$/.test(body) || cp > 0x10ffff) fail(`bad character reference "${m}"`, at + off);
        return String.fromCodePoint(cp);
      }
      const e = ENTITIES[body];
      if (e === undefined) fail(`unknown entity "${m}" (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`, at + off);
      return e!;
    });

  const skipSpace = () => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) fail(`expected a name, found ${text[pos] === undefined ? 'the end of the input' : JSON.stringify(text[pos])}`);
    pos += m![0].length;
    return m![0];
  };
  /** Skips comments, processing instructions, a doctype (without internal subset) and whitespace. */
  const skipMisc = (allowDoctype: boolean) => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
      } else if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos + 2);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else if (allowDoctype && text.startsWith('<!DOCTYPE', pos)) {
        const end = text.indexOf('>', pos);
        if (end < 0 || text.slice(pos, end).includes('[')) fail('DOCTYPE with an internal subset is not supported');
        pos = end + 1;
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    const start = pos;
    pos++; // '<'
    const name = readName();
    const el: XmlElement = { name, attributes: {}, children: [], line: lineOf(start) };
    for (;;) {
      const before = pos;
      skipSpace();
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return el;
      }
      if (text[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const attrAt = pos;
      const attr = readName();
      skipSpace();
      if (text[pos] !== '=') fail(`expected "=" after attribute "${attr}"`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`expected a quoted value for attribute "${attr}"`);
      const end = text.indexOf(quote!, pos + 1);
      if (end < 0) fail(`unterminated value of attribute "${attr}"`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" is not allowed in the value of attribute "${attr}"`, pos + 1 + raw.indexOf('<'));
      if (Object.prototype.hasOwnProperty.call(el.attributes, attr)) fail(`duplicate attribute "${attr}"`, attrAt);
      el.attributes[attr] = decode(raw, pos + 1);
      pos = end + 1;
    }
    // Content.
    for (;;) {
      if (pos >= text.length) fail(`unclosed element <${name}> (opened on line ${el.line})`);
      if (text.startsWith('</', pos)) {
        pos += 2;
        const closeAt = pos;
        const close = readName();
        if (close !== name) fail(`closing tag </${close}> does not match <${name}> (opened on line ${el.line})`, closeAt);
        skipSpace();
        if (text[pos] !== '>') fail(`expected ">" to end </${close}>`);
        pos++;
        return el;
      }
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
      } else if (text.startsWith('<![CDATA[', pos)) {
        const end = text.indexOf(']]>', pos + 9);
        if (end < 0) fail('unterminated CDATA section');
        pushText(el, text.slice(pos + 9, end));
        pos = end + 3;
      } else if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos + 2);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else if (text[pos] === '<') {
        el.children.push(parseElement());
      } else {
        const end = text.indexOf('<', pos);
        const stop = end < 0 ? text.length : end;
        pushText(el, decode(text.slice(pos, stop), pos));
        pos = stop;
      }
    }
  };

  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  skipMisc(true);
  if (text[pos] !== '<') fail(pos >= text.length ? 'empty document: expected a root element' : 'expected "<" to start the root element');
  const root = parseElement();
  skipMisc(false);
  if (pos < text.length) fail('unexpected content after the root element');
  return root;
}

function pushText(el: XmlElement, s: string): void {
  const last = el.children[el.children.length - 1];
  if (typeof last === 'string') el.children[el.children.length - 1] = last + s;
  else if (s) el.children.push(s);
}

/** Child elements, optionally only those with the given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The first child element with this name. */
export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The concatenated text content of an element and its descendants. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

/** Trimmed text of a child element, or undefined when there is no such child. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = childElement(el, name);
  return c === undefined ? undefined : textContent(c).trim();
}

/** Escapes text content. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value for double quotes. */
export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Builds an element: `el('box', { label: 'car' }, [el('attribute', ...)])`. Undefined attributes are skipped. */
export function el(name: string, attributes: Record<string, string | number | undefined> = {}, children: XmlNode[] = []): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[k] = String(v);
  return { name, attributes: attrs, children, line: 0 };
}

/** Serialises an element, pretty-printed with two-space indentation (text-only elements stay on one line). */
export function serializeXml(root: XmlElement, options: { declaration?: boolean; indent?: string } = {}): string {
  const indent = options.indent ?? '  ';
  const out: string[] = [];
  if (options.declaration !== false) out.push('<?xml version="1.0" encoding="utf-8"?>');
  const write = (e: XmlElement, depth: number) => {
    const pad = indent.repeat(depth);
    const attrs = Object.entries(e.attributes)
      .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
      .join('');
    if (e.children.length === 0) {
      out.push(`${pad}<${e.name}${attrs}/>`);
      return;
    }
    if (e.children.every((c) => typeof c === 'string')) {
      out.push(`${pad}<${e.name}${attrs}>${escapeText(e.children.join(''))}</${e.name}>`);
      return;
    }
    out.push(`${pad}<${e.name}${attrs}>`);
    for (const c of e.children) {
      if (typeof c === 'string') {
        if (c.trim()) out.push(pad + indent + escapeText(c.trim()));
      } else write(c, depth + 1);
    }
    out.push(`${pad}</${e.name}>`);
  };
  write(root, 0);
  return `${out.join('\n')}\n`;
}
