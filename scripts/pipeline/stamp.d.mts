export declare const STAMP_FILE: '.generate-stamp.json';
export declare function filesUnder(dir: string, skip?: string): string[];
export declare function inputsHash(specFile: string, projectRoot: string, outDir?: string): string;
export declare function makeStamp(
  provenance: { banner: string; generator: string; specHash: string },
  fileNames: Iterable<string>,
): string;
export declare function readStamp(outDir: string): { files: string[] } | null;
export declare function recordCache(
  projectRoot: string,
  outDir: string,
  inputs: string,
  files: Map<string, string>,
  warnings?: string[],
): void;
export declare function upToDate(projectRoot: string, outDir: string, inputs: string): string[] | null;
