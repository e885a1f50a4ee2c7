// One subcommand of `bianmin`: its name, a one-line summary for the group's usage, its full help
// and what it does. `run` returns the exit code instead of exiting so tests and main decide.
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Exit codes: 0 done, 1 the plugin has problems (or a fixture failed), 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
