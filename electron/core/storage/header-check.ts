import type { DatasetColumn, DatasetContract } from '@shared/storage.schema';
import type { FindingList } from './finding-list';

/**
 * Checks a header (line 1) against a contract and returns, per header position, the contract
 * column whose rules apply there (undefined for an unknown column). Every contract column must be
 * present, required or not, because the reports select them by name.
 */
export function checkHeader(
  header: readonly string[],
  contract: DatasetContract,
  findings: FindingList,
): Array<DatasetColumn | undefined> {
  const byName = new Map(contract.columns.map((c) => [c.name, c]));
  const present = new Set(header);
  for (const column of contract.columns) {
    if (present.has(column.name)) continue;
    findings.add({
      line: 1,
      column: column.name,
      rule: 'columns',
      value: '',
      message: `The header has no ${column.name} column, which ${contract.name} needs.`,
    });
  }
  const seen = new Set<string>();
  header.forEach((name) => {
    if (seen.has(name)) {
      findings.add({
        line: 1,
        column: name,
        rule: 'columns',
        value: '',
        message: `The column ${name} appears more than once.`,
      });
    } else if (!byName.has(name)) {
      const known = contract.columns.map((c) => c.name).join(', ');
      findings.add({
        line: 1,
        column: name,
        rule: 'columns',
        value: '',
        message: `${name ? `“${name}”` : 'An unnamed column'} is not a ${contract.name} column (expected ${known}).`,
      });
    }
    seen.add(name);
  });
  return header.map((name) => byName.get(name));
}
