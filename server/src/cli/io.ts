// What a command may do to the outside world besides reading files: write to the two output streams and
// read standard input. Commands receive it as a parameter so they never reach for `process` themselves.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input as UTF-8 text. */
  readStdin(): Promise<string>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
};
