/**
 * Characters XML 1.0 cannot carry at all, not even as a reference (§2.2 Char): C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. A tenant's body or
 * header can hold any of them, and one of them makes the whole report unreadable to a CI server.
 */
const ILLEGAL_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes every character XML 1.0 cannot represent. */
export function stripIllegalXmlChars(value: string): string {
  return value.replace(ILLEGAL_IN_XML, '');
}

/** Character data: `<` and `&` escaped, and `>` so that a `]]>` from a tenant stays text. */
export function xmlText(value: string): string {
  return stripIllegalXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser normalizes a literal tab or line break in an attribute to a space; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** An attribute value, for use between double quotes; line breaks survive the round trip. */
export function xmlAttribute(value: string): string {
  return stripIllegalXmlChars(value).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}
