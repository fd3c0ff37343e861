import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its name, attributes, child elements and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, joined, with entities decoded. */
  text: string;
}

/**
 * Parses XML with saxes, a conforming XML 1.0 parser: unlike cheerio's
 * forgiving XML mode, or fast-xml-parser's and xmldom's checks, it refuses
 * whatever makes a document not well-formed, control characters and a
 * stray `]]>` included. Throws on the first such error, with its position.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  let error: Error | undefined;
  parser.on('error', (cause) => {
    error ??= cause;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(
        Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]),
      ),
      children: [],
      text: '',
    };
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  const [element] = root.children;
  if (!element) throw new Error('no root element');
  return element;
}

/** Every element under `element` (itself included) with the given name, in document order. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  return [
    ...(element.name === name ? [element] : []),
    ...element.children.flatMap((child) => elementsNamed(child, name)),
  ];
}

/** The text of the first child element with the given name, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text;
}
