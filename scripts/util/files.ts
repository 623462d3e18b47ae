// The generator's output in memory: path inside the output folder → text.
// Render produces it, format and write consume it; it lives here so that no
// stage imports another stage for the type.
export type FileMap = Map<string, string>;
