import Ajv from 'ajv';
import jsYaml from 'js-yaml';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';

/**
 * Reading a model card as Hugging Face does: YAML front matter between `---`
 * lines, then Markdown (GFM, with math), and the `model-index` checked
 * against its spec.
 */

/**
 * The card metadata's `model-index`, as `huggingface/hub-docs`' `modelcard.md`
 * specifies it and `huggingface_hub`'s `model_index_to_eval_results` reads it:
 * each model a name and results; each result a task (type required), a
 * dataset (type and name required; config, split, revision, args optional)
 * and metrics (type and value required), and optionally a source (name, url).
 * No key outside the spec, so a misspelt one fails.
 */
const MODEL_INDEX_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'results'],
    properties: {
      name: { type: 'string', minLength: 1 },
      results: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['task', 'dataset', 'metrics'],
          properties: {
            task: {
              type: 'object',
              additionalProperties: false,
              required: ['type'],
              properties: { type: { type: 'string', minLength: 1 }, name: { type: 'string' } },
            },
            dataset: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'name'],
              properties: {
                type: { type: 'string', minLength: 1 },
                name: { type: 'string', minLength: 1 },
                config: { type: 'string' },
                split: { type: 'string' },
                revision: { type: 'string' },
                args: { type: 'object' },
              },
            },
            metrics: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['type', 'value'],
                properties: {
                  type: { type: 'string', minLength: 1 },
                  value: {},
                  name: { type: 'string' },
                  config: { type: 'string' },
                  args: { type: 'object' },
                  verified: { type: 'boolean' },
                },
              },
            },
            source: {
              type: 'object',
              additionalProperties: false,
              required: ['url'],
              properties: {
                name: { type: 'string' },
                url: { type: 'string', pattern: '^https?://' },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validateModelIndex = new Ajv({ allErrors: true }).compile(MODEL_INDEX_SCHEMA);

/** What is wrong with a `model-index` by the spec: one line per error. */
export function modelIndexErrors(modelIndex: unknown): string[] {
  if (validateModelIndex(modelIndex)) return [];
  return (validateModelIndex.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

export interface ReadModelCard {
  metadata: Record<string, unknown>;
  markdown: Root;
}

/** A model card's front matter and Markdown, or a thrown error when it has no front matter. */
export function readModelCard(text: string): ReadModelCard {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!match) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  const metadata = jsYaml.load(match[1] ?? '');
  if (typeof metadata !== 'object' || metadata === null)
    throw new Error('front matter is not a mapping');
  const markdown = fromMarkdown(text.slice(match[0].length), {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  return { metadata: metadata as Record<string, unknown>, markdown };
}

/** A node's text, as a reader sees it: `**Model:** x` -> `Model: x`. */
export function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

/** Every node of a tree, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => allNodes(child)) : [])];
}

/** The headings of a card, as `## Model details`. */
export function headings(tree: Root): string[] {
  return allNodes(tree)
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => `${'#'.repeat(node.depth)} ${textOf(node)}`);
}

/** The tables of a card, each as rows of cell text. */
export function tables(tree: Root): string[][][] {
  return allNodes(tree)
    .filter((node): node is Table => node.type === 'table')
    .map((node) => node.children.map((row) => row.children.map((cell) => textOf(cell))));
}

/** The Markdown section under a `##` heading, up to the next one. */
export function section(tree: Root, title: string): Root {
  const start = tree.children.findIndex(
    (node) => node.type === 'heading' && node.depth === 2 && textOf(node) === title,
  );
  if (start === -1) throw new Error(`no section "${title}"`);
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= 2);
  return { type: 'root', children: end === -1 ? rest : rest.slice(0, end) };
}
