import type { OpenedBundle } from '@shared/bundles.schema';
import { Icon } from '../../../components/Icon';

const PROBLEMS: Record<string, string> = {
  modified: 'changed',
  missing: 'missing',
  unexpected: 'added',
  unreadable: 'unreadable',
  unverifiable: 'unverifiable',
};

/**
 * Whether the file still holds what was exported. Green names how many members were checked; a
 * warning names every member that differs, so a reader knows which figures not to trust.
 */
export function IntegrityBanner({ bundle }: { bundle: OpenedBundle }) {
  const { integrity, manifest } = bundle;
  // Every member listed in the manifest, and manifest.json itself.
  const checked = manifest.members.length + 1;
  if (integrity.verified) {
    return (
      <div
        className="integrity integrity-ok"
        role="status"
        data-testid="bundle-integrity"
        data-verified="true"
      >
        <Icon name="shield" size={20} className="integrity-icon" />
        <div className="integrity-text">
          <strong>Verified: {checked} members match their checksums</strong>
          <span>
            Every file in this report is exactly as Lakedesk exported it (SHA-256). Checksums show accidental
            or casual changes; they are not a signature.
          </span>
        </div>
      </div>
    );
  }
  const count = integrity.problems.length;
  return (
    <div
      className="integrity integrity-warn"
      role="alert"
      data-testid="bundle-integrity"
      data-verified="false"
    >
      <Icon name="alert" size={20} className="integrity-icon" />
      <div className="integrity-text">
        <strong>
          This report does not match its checksums: {count} member{count === 1 ? '' : 's'} differ
          {count === 1 ? 's' : ''}
        </strong>
        <span>
          Something changed the file after it was exported. Figures read from the members below may not be the
          ones exported; ask for a fresh export. Excel and PDF copies are refused until then.
        </span>
        <ul className="integrity-problems">
          {integrity.problems.map((p) => (
            <li key={`${p.member}:${p.problem}`} data-testid="integrity-problem" data-member={p.member}>
              <code>{p.member}</code>
              <span className="integrity-kind">{PROBLEMS[p.problem] ?? p.problem}</span>
              <span className="integrity-message">{withoutMember(p.message, p.member)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The core's message names the member first; the code beside it already does. */
function withoutMember(message: string, member: string): string {
  return message.startsWith(`${member} `) ? message.slice(member.length + 1) : message;
}
