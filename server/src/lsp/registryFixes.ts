// Quick fixes that write to the speaker registry from an article: "Add 'Grushkó' as an alias of
// Alexander Grushko" (on an `inconsistent-spelling` diagnostic or a differently spelled mention)
// and "Add Alexander Grushko to the registry" (on a mention of a speaker it does not list). They
// are WorkspaceEdits: an insertion into the registry, or creating the file when there is none.
// The server never writes the file itself.
import type { CancellationToken, CodeAction, CodeActionParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { CodeActionKind, CreateFile, TextDocumentEdit } from './languageServer';
import { LineIndex } from '../analysis/positions';
import { addAliasChange, addSpeakerChange, newRegistryText, type NewSpeaker, type TextChange } from '../workspace/registryEdits';
import { isNameMention, mentionNear, throwIfCancelled, type FeatureContext } from './context';
import type { DiagnosticData } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './protocol';
import type { FolderRegistry, RegistryManager } from './registry';

export function registryFixes(ctx: FeatureContext, params: CodeActionParams, token?: CancellationToken): CodeAction[] {
  throwIfCancelled(token);
  const registry = ctx.registry;
  const only = params.context.only;
  if (!registry || (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty))) return [];
  const uri = params.textDocument.uri;
  const entry = ctx.index.article(uri);
  const state = registry.registryFor(uri);
  if (!entry || !state) return [];
  const model = ctx.index.model;
  const lines = ctx.index.lineIndex(entry);
  const actions: CodeAction[] = [];
  const offered = new Set<string>();

  const offerAlias = (alias: string, speakerName: string, diagnostics?: CodeAction['diagnostics']) => {
    const key = `${alias}\u0000${speakerName}`;
    if (offered.has(key) || registry.isRegisteredSpelling(alias) || alias.toLowerCase() === speakerName.toLowerCase()) return;
    const edit = registryEdit(ctx, registry, state, (text) => addAliasChange(text, speakerName, alias), { name: speakerName, aliases: [alias] });
    if (!edit) return;
    offered.add(key);
    actions.push({ title: `Add '${alias}' as an alias of ${speakerName}`, kind: CodeActionKind.QuickFix, edit, ...(diagnostics ? { diagnostics } : {}) });
  };

  const current = ctx.index.version(uri);
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || data?.rule !== 'inconsistent-spelling' || data.version !== current) continue;
    const speaker = model.getSpeaker(data.speakerId);
    const spelling = entry.analysis.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
    if (speaker && spelling) offerAlias(spelling, speaker.name, [diagnostic]);
  }

  const found = mentionNear(ctx, entry, lines.offsetAt(params.range.start));
  if (found && isNameMention(found.mention)) {
    const id = found.speakerId ?? model.speakerIdOf(entry.uri, found.person.key);
    const speaker = id ? model.getSpeaker(id) : undefined;
    if (speaker && !speaker.isOrganization) {
      if (!registry.isRegisteredSpelling(speaker.name)) {
        const newSpeaker: NewSpeaker = { name: speaker.name, ...(speaker.roles[0] ? { role: speaker.roles[0] } : {}) };
        const edit = registryEdit(ctx, registry, state, (text) => addSpeakerChange(text, newSpeaker), newSpeaker);
        if (edit) actions.push({ title: `Add ${speaker.name} to the registry`, kind: CodeActionKind.QuickFix, edit });
      }
      // A full spelling that differs from the canonical one ("Alexandr Grushkó").
      if (found.mention.kind === 'name') offerAlias(found.mention.text, speaker.name);
    }
  }
  return actions;
}

/**
 * The edit that applies a change to the registry: an insertion into the buffer or file, versioned
 * when open; or, when the file does not exist, create it with a first speaker.
 */
function registryEdit(
  ctx: FeatureContext,
  registry: RegistryManager,
  state: FolderRegistry,
  change: (text: string) => TextChange | undefined,
  first: NewSpeaker,
): WorkspaceEdit | undefined {
  const { uri, version, text } = registry.documentOf(state);
  if (!state.exists) {
    if (!ctx.capabilities.documentChanges || !ctx.capabilities.createFiles) return undefined;
    return {
      documentChanges: [
        CreateFile.create(uri, { ignoreIfExists: true }),
        TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newRegistryText(first) }]),
      ],
    };
  }
  const c = change(text);
  if (!c) return undefined; // a registry that does not parse is fixed by hand first
  const positions = new LineIndex(text);
  const edit = { range: positions.rangeOf({ start: c.start, end: c.end }), newText: c.newText };
  if (ctx.capabilities.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri, version }, [edit])] };
  return { changes: { [uri]: [edit] } };
}
