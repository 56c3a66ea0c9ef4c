// Entry point of the language server (`dist/server.js`). VS Code starts it with --node-ipc; any other
// editor can run `node dist/server.js --stdio`. All protocol work happens in ./lsp.
import { startServer } from './lsp/server.js';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const named = process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)));

if (named) {
  startServer();
} else {
  // Without a transport the connection library would throw a stack trace; say plainly what to do.
  process.stderr.write(
    'The Corefile Lens language server talks LSP to an editor. Start it with a transport, for example:\n' +
    '  node dist/server.js --stdio\n' +
    'Other transports: --node-ipc (when started by VS Code), --socket=PORT, --pipe=NAME.\n' +
    'To lint files from a shell, use the CLI instead: corefile lint PATH...\n',
  );
  process.exitCode = 2;
}
