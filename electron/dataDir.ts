import path from 'node:path';

const FLAG = '--data-dir';

/** The value of `--data-dir <dir>` or `--data-dir=<dir>`, if given with a non-empty value. */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument.startsWith(`${FLAG}=`)) return argument.slice(FLAG.length + 1) || undefined;
    if (argument === FLAG) {
      const value = argv[index + 1];
      return value && !value.startsWith('--') ? value : undefined;
    }
  }
  return undefined;
}

/** The data folder: `--data-dir` (relative to the working directory) or else Electron's userData. */
export function resolveDataDir(argv: readonly string[], userDataDir: string, cwd: string = process.cwd()): string {
  const given = dataDirArgument(argv);
  return given ? path.resolve(cwd, given) : userDataDir;
}
