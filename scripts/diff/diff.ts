// `npm run diff`, the pipeline on one screen:
// load → normalise → structural diff → rules → (formatters, in format/).
import { type Finding, type Semver, classify, semverOf } from './classify.ts';
import { normalise, type NormalisedSpec } from './normalise.ts';
import { type SdkImpact, sdkImpact } from './sdk.ts';
import { type LoadedSource, loadSource } from './source.ts';
import { structuralDiff } from './structural/index.ts';
import { AccessorCollisionError } from '../model/build.ts';
import { SpecError } from '../util/diagnostics.ts';

export interface DiffReport {
  base: string;
  revision: string;
  breaking: boolean;
  semver: Semver;
  findings: Finding[];
  sdk: SdkImpact;
}

export async function diffSpecs(baseArg: string, revisionArg: string, cwd = process.cwd()): Promise<DiffReport> {
  const base = await loadSource(baseArg, cwd);
  const revision = await loadSource(revisionArg, cwd);
  const b = normaliseSource(base);
  const r = normaliseSource(revision);
  const findings = classify(structuralDiff(b, r));
  const semver = semverOf(findings);
  return {
    base: base.label,
    revision: revision.label,
    breaking: semver === 'major',
    semver,
    findings,
    sdk: sdkImpact(b, r, findings),
  };
}

/** The model refuses specs whose paths give one SDK method twice: a located error, like the generator's. */
function normaliseSource(source: LoadedSource): NormalisedSpec {
  try {
    return normalise(source.bundled);
  } catch (e) {
    if (e instanceof AccessorCollisionError)
      throw new SpecError(e.collisions.map((message) => ({ file: source.label, pointer: '#/paths', message })));
    throw e;
  }
}
