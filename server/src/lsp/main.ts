// Entry point of the language server process (what the VS Code client launches, and what
// `attribution-lens lsp --stdio` runs). The transport comes from argv: --stdio, --node-ipc, --socket=N.
import { startServer } from './server';

startServer();
