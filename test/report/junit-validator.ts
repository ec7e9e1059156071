import { readFileSync } from 'node:fs';
import { validateXML, type XMLValidationError } from 'xmllint-wasm';

/** The Jenkins xUnit plugin's JUnit schema (see vendor/README.md). */
const JUNIT_XSD = readFileSync(new URL('vendor/junit-10.xsd', import.meta.url), 'utf8');

/**
 * The errors libxml2's xmllint (compiled to wasm) finds in a JUnit XML document, parsing it and
 * validating it against junit-10.xsd; none when it is valid.
 */
export async function junitErrors(xml: string): Promise<readonly XMLValidationError[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit-10.xsd', contents: JUNIT_XSD }],
  });
  if (!result.valid && result.errors.length === 0) throw new Error(`xmllint failed: ${result.rawOutput}`);
  return result.errors;
}
