// The values the server takes from vscode-languageserver, imported from the package here only (its
// types are imported where they are used: they vanish in the build). In the packaged server each
// module's import of this CommonJS package became a copy of its 300-odd exports as getters
// (esbuild's `__toESM`): thirteen modules importing it cost some 10 ms of every start.
export {
  CodeActionKind,
  CodeLensRefreshRequest,
  CompletionItemKind,
  CreateFile,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentHighlightKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  SymbolKind,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver/node';
