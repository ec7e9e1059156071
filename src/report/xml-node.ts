import { xmlAttribute, xmlText } from './xml-escape.ts';

/** An XML element as a value: either child elements or text, never both (no mixed content). */
export interface XmlNode {
  readonly name: string;
  /** Written in this order; an undefined value leaves the attribute out. */
  readonly attributes?: Readonly<Record<string, string | number | undefined>>;
  readonly children?: readonly XmlNode[];
  readonly text?: string;
}

function attributesOf(node: XmlNode): string {
  return Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

/**
 * The element as text, indented two spaces a level. Text content is written as is (escaped, never
 * re-indented), so a failure's evidence keeps its lines.
 */
export function renderXmlNode(node: XmlNode, depth = 0): string {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${node.name}${attributesOf(node)}`;
  if (node.text !== undefined) return `${open}>${xmlText(node.text)}</${node.name}>`;
  if (!node.children || node.children.length === 0) return `${open}/>`;
  const children = node.children.map((child) => renderXmlNode(child, depth + 1)).join('\n');
  return `${open}>\n${children}\n${indent}</${node.name}>`;
}

/** A whole document: the UTF-8 declaration, the root element, a final line break. */
export function renderXmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXmlNode(root)}\n`;
}
