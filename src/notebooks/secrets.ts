/**
 * Credentials by their published formats: each pattern is the shape its
 * issuer documents (a fixed prefix and a length), so ordinary text and code
 * does not match. The list follows the secret scanners' (GitHub secret
 * scanning, gitleaks, secretlint's recommended preset) for the services a
 * data-science notebook talks to; no small maintained library exports such
 * a list on its own (secretlint's preset needs its whole engine).
 */
const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'an AWS access key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/ },
  { name: 'a GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/ },
  { name: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  {
    name: 'a Slack webhook',
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/,
  },
  // OpenAI: project, service-account and admin keys, and the older `sk-` keys (48 letters and digits).
  { name: 'an OpenAI API key', pattern: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}/ },
  { name: 'an OpenAI API key', pattern: /\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/ },
  { name: 'an OpenAI API key', pattern: /\bsk-[A-Za-z0-9]{48}\b/ },
  { name: 'an Anthropic API key', pattern: /\bsk-ant-[a-z]+\d{2}-[A-Za-z0-9_-]{80,}/ },
  { name: 'a Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{34,}\b/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { name: 'a Stripe secret key', pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b/ },
  { name: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  {
    name: 'a private key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/,
  },
];

/** A credential found in a text: what it looks like, and its start with the rest hidden. */
export interface FoundSecret {
  name: string;
  /** The first characters only (`AKIA…`), so the warning does not publish the secret again. */
  hint: string;
}

/** The credentials a text holds, each kind once. */
export function findSecrets(text: string): FoundSecret[] {
  const found: FoundSecret[] = [];
  const names = new Set<string>();
  for (const { name, pattern } of SECRET_PATTERNS) {
    if (names.has(name)) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    names.add(name);
    const start = name === 'a private key' ? match[0] : `${match[0].slice(0, 4)}…`;
    found.push({ name, hint: start });
  }
  return found;
}
