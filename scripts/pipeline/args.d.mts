export interface Args {
  check: boolean;
  force: boolean;
  help: boolean;
  /** Absolute path of the spec's root file. */
  spec: string;
  /** Absolute path of the output folder. */
  out: string;
}

export declare const DEFAULT_SPEC: string;
export declare const DEFAULT_OUT: string;
export declare const USAGE: string;
export declare class UsageError extends Error {}
export declare function parseArgs(argv: readonly string[]): Args;
export declare function fixCommand(args: Args): string;
