/** Where the CLI writes. Tests swap it; nothing else in the engine writes to the console. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNUSABLE = 2;
