import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * What the published JSON Resume schema (@jsonresume/schema, formats such as
 * email and uri checked) says is wrong with a document: one line per error.
 */
export function jsonResumeErrors(document: unknown): string[] {
  const schema: object = createRequire(import.meta.url)('@jsonresume/schema/schema.json');
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
