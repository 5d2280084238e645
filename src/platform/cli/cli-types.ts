import type { OpenDatabase } from '../db/engine.js';

/** What a command gets: its own arguments (after `<module> <command>`) and a way to reach the database. */
export interface CliContext {
  args: string[];
  /** Opens the configured database (DATABASE_URL or DATA_DIR), migrated. The caller closes it. */
  openDatabase(): Promise<OpenDatabase>;
  // Properties, not methods: commands pass them on detached (`write = context.err`).
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(context: CliContext): Promise<number>;
}

/** A module's commands by name: `npm run cli -- <module> <name> ...`. */
export type CliModule = Record<string, CliCommand>;
