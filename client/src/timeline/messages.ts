// The extension's side of the Speaker Timeline conversation, pure: what to do with a message from
// the webview. VS Code calls are injected, so the handling is tested without VS Code.
import type { Range } from 'vscode-languageserver-protocol';
import { parseFromWebview } from './timelineView';

export interface TimelineHost {
  /** Sends the current timeline data to the webview. */
  sendData(): Promise<void> | void;
  /** Opens an article with the statement selected. */
  open(uri: string, range: Range): Promise<void> | void;
  /** Which URIs the webview may ask to open: the ones it was sent. */
  isKnownUri(uri: string): boolean;
}

/** Handles one message from the webview; returns what it did (for logs and tests). */
export async function handleTimelineMessage(raw: unknown, host: TimelineHost): Promise<'data' | 'opened' | 'ignored'> {
  const message = parseFromWebview(raw);
  if (!message) return 'ignored';
  if (message.type === 'ready') {
    await host.sendData();
    return 'data';
  }
  // Only articles the timeline showed: a webview must not make the editor open arbitrary files.
  if (!host.isKnownUri(message.uri)) return 'ignored';
  await host.open(message.uri, message.range);
  return 'opened';
}
