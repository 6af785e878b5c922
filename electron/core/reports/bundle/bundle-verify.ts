import type { BundleChecksums, BundleManifest } from '@shared/bundle-manifest.schema';
import type { BundleIntegrity, IntegrityProblem } from '@shared/bundles.schema';
import { CHECKSUMS, MANIFEST } from './bundle-names';
import type { ZipReader } from './zip-archive';

/** Where members are copied while they are hashed, and what to forget when a copy fails. */
export interface ExtractTargets {
  copyTo(member: string): string | undefined;
  failed(member: string): void;
}

function problem(member: string, kind: IntegrityProblem['problem'], detail?: string): IntegrityProblem {
  const message = {
    modified: `${member} differs from its checksum: it was changed after the report was exported.`,
    missing: `${member} is missing from the bundle.`,
    unexpected: `${member} is in the bundle but not in its checksums: it was added after the report was exported.`,
    unreadable: `${member} cannot be read${detail ? ` (${detail})` : ''}.`,
    unverifiable: `${member} is missing or unreadable: nothing in this bundle can be verified.`,
  }[kind];
  return { member, problem: kind, message };
}

/**
 * Hashes every member (copying those `targets` asks for) and compares them with checksums.json and
 * the manifest's member list. Nothing stops at the first difference: the person sees them all.
 */
export async function verifyMembers(
  zip: ZipReader,
  manifest: BundleManifest,
  checksums: BundleChecksums | undefined,
  manifestHash: string,
  targets: ExtractTargets,
): Promise<BundleIntegrity> {
  const problems: IntegrityProblem[] = [];
  if (!checksums) problems.push(problem(CHECKSUMS, 'unverifiable'));
  const expected = checksums?.files ?? {};
  if (checksums && expected[MANIFEST] !== manifestHash) {
    problems.push(problem(MANIFEST, MANIFEST in expected ? 'modified' : 'unexpected'));
  }
  for (const name of zip.entries.keys()) {
    if (name === MANIFEST || name === CHECKSUMS) continue;
    let digest: string | undefined;
    try {
      digest = await zip.hash(name, targets.copyTo(name));
    } catch (error) {
      targets.failed(name);
      problems.push(problem(name, 'unreadable', (error as Error).message));
      continue;
    }
    if (!checksums) continue;
    if (!(name in expected)) problems.push(problem(name, 'unexpected'));
    else if (expected[name] !== digest) problems.push(problem(name, 'modified'));
  }
  const listed = new Set([...Object.keys(expected), ...manifest.members.map((m) => m.path)]);
  for (const name of listed) {
    if (name !== MANIFEST && !zip.entries.has(name)) problems.push(problem(name, 'missing'));
  }
  return { verified: problems.length === 0, problems };
}
