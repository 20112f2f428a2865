/**
 * Where the data lives: `--data-dir=PATH` first (workshops, portable installs), then
 * `DICHTBIJ_DATA_DIR` (tests), then the platform's app-data folder.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length)
      return arg.slice('--data-dir='.length)
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1]
  }
  if (env.DICHTBIJ_DATA_DIR) return env.DICHTBIJ_DATA_DIR
  return defaultDir
}
