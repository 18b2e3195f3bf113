// The team's speaker registry (`attribution-lens.yaml`): data, never code. Parsed with the `yaml`
// package's core schema (no custom tags), size-limited, validated with positions so that the
// editor can underline the exact key. A broken file yields problems, never an exception.
import { isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { Span } from '../analysis/types';
import type { IdentityHints } from './identity';

export const REGISTRY_FILE = 'attribution-lens.yaml';
export const MAX_REGISTRY_BYTES = 1024 * 1024;

export interface RegistrySpeaker {
  name: string;
  aliases: string[];
  role?: string;
  organization?: string;
  note?: string;
  distinctFrom: string[];
}

export interface Registry {
  speakers: RegistrySpeaker[];
  cueVerbs: string[];
  ignore: string[];
  defaultYear?: number;
  /** Per-rule severity: `unattributed-quote: error`, or `off`. */
  severity: Record<string, RuleSeverity>;
}

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
export const RULES = ['unattributed-quote', 'malformed-quote-marks', 'inconsistent-spelling', 'weekday-mismatch'] as const;

export interface RegistryProblem {
  span: Span;
  message: string;
  severity: 'error' | 'warning';
}

export interface RegistryParse {
  /** The registry, or undefined when the file cannot be read as one at all. */
  registry?: Registry;
  problems: RegistryProblem[];
}

const TOP_KEYS = new Set(['speakers', 'cue_verbs', 'ignore', 'default_year', 'severity']);
const SPEAKER_KEYS = new Set(['name', 'aliases', 'role', 'organization', 'note', 'distinct_from']);

export function emptyRegistry(): Registry {
  return { speakers: [], cueVerbs: [], ignore: [], defaultYear: undefined, severity: {} };
}

/** Parses and validates a registry's text. */
export function parseRegistry(text: string): RegistryParse {
  const problems: RegistryProblem[] = [];
  if (text.length > MAX_REGISTRY_BYTES) {
    return { problems: [{ span: { start: 0, end: 0 }, message: `The registry is larger than ${MAX_REGISTRY_BYTES} bytes and was not read`, severity: 'error' }] };
  }
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) problems.push({ span: { start: err.pos[0], end: Math.max(err.pos[1], err.pos[0] + 1) }, message: err.message.split('\n')[0], severity: 'error' });
  if (doc.errors.length > 0) return { problems };
  const tagged = foreignTags(doc);
  if (tagged.length > 0) return { problems: tagged };
  const registry = emptyRegistry();
  const root = doc.contents;
  if (root === null || root === undefined) return { registry, problems };
  if (!isMap(root)) {
    problems.push({ span: spanOf(root), message: 'The registry must be a mapping with keys such as `speakers:`', severity: 'error' });
    return { problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keySpan = spanOf(pair.key as YamlNode);
    if (!TOP_KEYS.has(key)) {
      problems.push({ span: keySpan, message: `Unknown key '${key}' (expected speakers, cue_verbs, ignore, default_year or severity)`, severity: 'warning' });
      continue;
    }
    const value = pair.value as YamlNode | null;
    if (key === 'speakers') readSpeakers(value, keySpan, registry, problems);
    else if (key === 'cue_verbs') registry.cueVerbs = stringList(value, keySpan, 'cue_verbs', problems);
    else if (key === 'ignore') registry.ignore = stringList(value, keySpan, 'ignore', problems);
    else if (key === 'severity') readSeverity(value, keySpan, registry, problems);
    else if (key === 'default_year') {
      const year = isScalar(value) ? value.value : undefined;
      if (typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999) registry.defaultYear = year;
      else problems.push({ span: value ? spanOf(value) : keySpan, message: '`default_year` must be a four-digit year', severity: 'error' });
    }
  }
  checkClaims(registry, root, problems);
  return { registry, problems };
}

function readSpeakers(value: YamlNode | null, keySpan: Span, registry: Registry, problems: RegistryProblem[]): void {
  if (value === null || value === undefined) return;
  if (!isSeq(value)) {
    problems.push({ span: spanOf(value) ?? keySpan, message: '`speakers` must be a list', severity: 'error' });
    return;
  }
  for (const item of value.items as YamlNode[]) {
    if (!isMap(item)) {
      problems.push({ span: spanOf(item), message: 'Each speaker must be a mapping with at least `name:`', severity: 'error' });
      continue;
    }
    const speaker: RegistrySpeaker = { name: '', aliases: [], distinctFrom: [] };
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const span = spanOf(pair.key as YamlNode);
      const v = pair.value as YamlNode | null;
      if (!SPEAKER_KEYS.has(key)) {
        problems.push({ span, message: `Unknown speaker key '${key}' (expected name, aliases, role, organization, note or distinct_from)`, severity: 'warning' });
        continue;
      }
      if (key === 'aliases') speaker.aliases = stringList(v, span, 'aliases', problems);
      else if (key === 'distinct_from') speaker.distinctFrom = stringList(v, span, 'distinct_from', problems);
      else {
        const s = isScalar(v) && typeof v.value === 'string' ? v.value.trim() : undefined;
        if (s === undefined) {
          problems.push({ span: v ? spanOf(v) : span, message: `\`${key}\` must be text`, severity: 'error' });
          continue;
        }
        if (key === 'name') speaker.name = s;
        else if (key === 'role') speaker.role = s;
        else if (key === 'organization') speaker.organization = s;
        else if (key === 'note') speaker.note = s;
      }
    }
    if (!speaker.name) {
      problems.push({ span: spanOf(item), message: 'A speaker needs a `name:`', severity: 'error' });
      continue;
    }
    registry.speakers.push(speaker);
  }
}

function readSeverity(value: YamlNode | null, keySpan: Span, registry: Registry, problems: RegistryProblem[]): void {
  if (value === null || value === undefined) return;
  if (!isMap(value)) {
    problems.push({ span: spanOf(value) ?? keySpan, message: '`severity` must map rule names to error, warning, information, hint or off', severity: 'error' });
    return;
  }
  for (const pair of value.items) {
    const rule = isScalar(pair.key) ? String(pair.key.value) : '';
    const level = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!(RULES as readonly string[]).includes(rule)) {
      problems.push({ span: spanOf(pair.key as YamlNode), message: `Unknown rule '${rule}' (expected ${RULES.join(', ')})`, severity: 'warning' });
    } else if (!(RULE_SEVERITIES as readonly string[]).includes(level)) {
      problems.push({ span: spanOf(pair.value as YamlNode), message: `Severity must be one of ${RULE_SEVERITIES.join(', ')}`, severity: 'error' });
    } else registry.severity[rule] = level as RuleSeverity;
  }
}

function stringList(value: YamlNode | null, keySpan: Span, key: string, problems: RegistryProblem[]): string[] {
  if (value === null || value === undefined) return [];
  if (!isSeq(value)) {
    problems.push({ span: spanOf(value) ?? keySpan, message: `\`${key}\` must be a list of text`, severity: 'error' });
    return [];
  }
  const out: string[] = [];
  for (const item of value.items as YamlNode[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) out.push(item.value.trim());
    else problems.push({ span: spanOf(item), message: `Each entry of \`${key}\` must be text`, severity: 'error' });
  }
  return out;
}

/** Duplicate speakers, and an alias claimed by two speakers. */
function checkClaims(registry: Registry, root: YamlNode, problems: RegistryProblem[]): void {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  // Owners by speaker position, so that two entries with the same name are told apart.
  const owner = new Map<string, number>();
  registry.speakers.forEach((speaker, index) => {
    const names = [speaker.name, ...speaker.aliases];
    for (const [i, name] of names.entries()) {
      const key = fold(name);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== index) {
        const previousName = registry.speakers[previous].name;
        problems.push({
          span: findScalar(root, name, i === 0 ? 'name' : 'aliases') ?? { start: 0, end: 0 },
          message:
            i === 0 && fold(previousName) === key
              ? `Duplicate speaker '${speaker.name}'`
              : `The name '${name}' is claimed by both '${previousName}' and '${speaker.name}'`,
          severity: 'error',
        });
      } else owner.set(key, index);
    }
  });
}

/** The span of the last scalar with this value under a key of that name (for duplicate reports). */
function findScalar(root: YamlNode, value: string, key: string): Span | undefined {
  let found: Span | undefined;
  const visit = (node: unknown, underKey: string | undefined): void => {
    if (isMap(node)) for (const pair of node.items) visit(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
    else if (isSeq(node)) for (const item of node.items) visit(item, underKey);
    else if (isScalar(node) && underKey === key && node.value === value) found = spanOf(node as YamlNode);
  };
  visit(root, undefined);
  return found;
}

/** The YAML core schema's own tags; anything else (`!!js/function`, `!custom`) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function foreignTags(doc: ReturnType<typeof parseDocument>): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag && !CORE_TAGS.has(tag)) {
        const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
        const span = spanOf(node as YamlNode);
        problems.push({ span, message: `The tag ${shown} is not allowed: the registry is plain data (strings, numbers, lists, mappings), so the file was not used`, severity: 'error' });
      }
    },
  });
  return problems;
}

function spanOf(node: YamlNode | null | undefined): Span {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** What the workspace model takes from a registry: identity hints, hover facts, extra cues. */
export function registryHints(registry: Registry): {
  identity: IdentityHints;
  speakerNotes: Map<string, { role?: string; note?: string; organization?: string }>;
} {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const identity: IdentityHints = {
    aliases: registry.speakers.map((s) => [s.name, ...s.aliases]),
    distinct: registry.speakers.flatMap((s) => s.distinctFrom.map((d) => [s.name, d] as [string, string])),
  };
  const speakerNotes = new Map(registry.speakers.map((s) => [fold(s.name), { role: s.role, note: s.note, organization: s.organization }]));
  return { identity, speakerNotes };
}
