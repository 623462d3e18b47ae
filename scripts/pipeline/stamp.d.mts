export declare const STAMP_FILE: '.generate-stamp.json';
export declare function inputsHash(specFile: string, projectRoot: string): string;
export declare function makeStamp(inputs: string, files: Map<string, string>, banner: string): string;
export declare function isUpToDate(outDir: string, inputs: string): boolean;
