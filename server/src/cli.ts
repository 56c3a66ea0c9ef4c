// Entry point of the `corefile` command (`dist/cli.js`, package.json `bin`). The work is in ./cli; this
// file only connects it to the process.
import { runCli } from './cli/main.js';
import { processIo } from './cli/io.js';

// `corefile lint . | head` closes the pipe early; that is the reader's choice, not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Reaching here is a bug in Corefile Lens, not a problem in the user's files: say so, and exit 2.
    process.stderr.write(`corefile: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this with the command you ran.\n`);
    process.exitCode = 2;
  },
);
