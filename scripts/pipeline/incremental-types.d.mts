/** The cache file for the spec whose root file is `rootFile`, in the generation's cache folder. */
export declare function rawTypesCacheFile(cacheDir: string, rootFile: string): string;
