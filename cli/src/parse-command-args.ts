// Argument parsing shared by the subcommands: node:util parseArgs with --help everywhere, and a
// wrong command line answered with the command's usage and exit code 2 rather than a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_OK, EXIT_USAGE } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** The parsed arguments, or the exit code when help was asked for or the arguments are wrong. */
export function parseCommandArgs(args: string[], options: Options, usage: string, positionalCount: number): Parsed | number {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as Parsed;
  } catch (err) {
    console.error(`错误：${(err as Error).message}\n\n${usage}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    console.log(usage);
    return EXIT_OK;
  }
  if (parsed.positionals.length !== positionalCount) {
    console.error(`错误：需要 ${positionalCount} 个参数，收到 ${parsed.positionals.length} 个\n\n${usage}`);
    return EXIT_USAGE;
  }
  return parsed;
}
