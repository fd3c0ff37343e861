import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The home page's structured data, as a JSON Schema: a schema.org ProfilePage
 * whose main entity is a Person with a name (what Google's profile-page
 * guidance requires), and the Person Casefolio writes (what it recommends:
 * image, sameAs, description; and jobTitle, knowsAbout). Nothing else, so a
 * misspelt property fails.
 */
const text = { type: 'string', minLength: 1 };

const person = {
  type: 'object',
  required: ['@type', '@id', 'name', 'jobTitle', 'url'],
  additionalProperties: false,
  properties: {
    '@type': { const: 'Person' },
    '@id': { type: 'string', format: 'uri-reference', pattern: '#person$' },
    name: text,
    jobTitle: text,
    url: { type: 'string', format: 'uri-reference' },
    description: text,
    email: { type: 'string', format: 'email' },
    homeLocation: {
      type: 'object',
      required: ['@type', 'name'],
      additionalProperties: false,
      properties: { '@type': { const: 'Place' }, name: text },
    },
    sameAs: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', format: 'uri', pattern: '^https?://' },
    },
    knowsAbout: { type: 'array', minItems: 1, uniqueItems: true, items: text },
    // Absolute: an image is only given when the site's address is known.
    image: { type: 'string', format: 'uri', pattern: '^https?://' },
  },
};

const profilePage = {
  type: 'object',
  required: ['@context', '@type', 'url', 'mainEntity'],
  additionalProperties: false,
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ProfilePage' },
    url: { type: 'string', format: 'uri-reference' },
    mainEntity: person,
  },
};

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(profilePage);

/** What is wrong with a home page's JSON-LD: one line per error. */
export function profilePageErrors(data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
