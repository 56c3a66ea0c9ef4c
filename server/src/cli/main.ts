// The `corefile` command: picks the subcommand and answers --help and --version. Each subcommand lives in
// its own module and returns its exit status.
import { COMMANDS, MAIN_HELP } from './help.js';
import type { CliIo } from './io.js';
import { runFmt } from './fmt.js';
import { EXIT_CLEAN, EXIT_USAGE, runLint } from './lint.js';
import { runResolve } from './resolve.js';
import { runTest } from './test-command.js';
import { PRODUCT_VERSION } from './version.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(MAIN_HELP);
    return EXIT_USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(MAIN_HELP);
    return EXIT_CLEAN;
  }
  if (command === '--version') {
    io.stdout(`${PRODUCT_VERSION}\n`);
    return EXIT_CLEAN;
  }
  if (command === 'lint') return runLint(rest, io);
  if (command === 'fmt') return runFmt(rest, io);
  if (command === 'resolve') return runResolve(rest, io);
  if (command === 'test') return runTest(rest, io);
  const what = command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`;
  io.stderr(`corefile: ${what}. Available commands: ${COMMANDS.join(', ')}.\nRun 'corefile --help' for usage.\n`);
  return EXIT_USAGE;
}
