import { describe, expect, it } from 'vitest';
import { childElements, el, parseXml, serializeXml, textContent, XmlError } from './xml.js';

describe('xml', () => {
  it('parses elements, attributes, entities, CDATA, comments and keeps lines', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2" y=\'&#x1F600;\'>\n  <b>t &lt;&gt;</b><![CDATA[<raw>]]>\n  <c/>\n</a>\n');
    expect(doc.attributes).toEqual({ x: '1 & 2', y: '😀' });
    expect(childElements(doc).map((e) => [e.name, e.line])).toEqual([['b', 4], ['c', 5]]);
    expect(textContent(doc)).toContain('t <><raw>');
  });
  it('rejects malformed input with the line', () => {
    const cases: [string, number, RegExp][] = [
      ['<a>\n<b>\n</a>', 3, /does not match <b>/],
      ['<a x="1" x="2"/>', 1, /duplicate attribute/],
      ['<a>&nope;</a>', 1, /unknown entity/],
      ['<a>\n\n', 3, /unclosed element <a>/],
      ['<a/><b/>', 1, /after the root/],
      ['', 1, /empty document/],
      ['<a x=1/>', 1, /quoted value/],
      ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', 1, /internal subset/],
    ];
    for (const [src, line, msg] of cases) {
      let err: XmlError | undefined;
      try {
        parseXml(src);
      } catch (e) {
        err = e as XmlError;
      }
      expect(err, src).toBeInstanceOf(XmlError);
      expect(err!.line, src).toBe(line);
      expect(err!.message, src).toMatch(msg);
    }
  });
  it('serialises and reads back exactly', () => {
    const tree = el('r', { a: 'x"<&\n' }, [el('t', {}, [' keep  spaces & <tags> ']), el('e')]);
    const back = parseXml(serializeXml(tree));
    expect(back.attributes.a).toBe('x"<&\n');
    expect(textContent(childElements(back)[0]!)).toBe(' keep  spaces & <tags> ');
  });
});
