import { LakeError } from '@shared/errors';

/** One `name = value` of a section; `nested` holds an indented block under an empty value. */
export interface IniValue {
  value: string;
  /** 1-based line of the key, for error messages. */
  line: number;
  /** 1-based last line the value spans (continuations, nested block). */
  endLine: number;
  nested?: Record<string, string>;
}

export interface IniSection {
  /** The text between the brackets, inner whitespace collapsed: `profile prod`, `default`. */
  header: string;
  line: number;
  values: Map<string, IniValue>;
}

const SECTION = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;
const COMMENT = /^\s*(?:[#;].*)?$/;

/**
 * The AWS shared config/credentials INI dialect, kept line for line so a write changes only what
 * it means to and every comment survives (no INI library on npm preserves comments on write).
 * Rules follow the AWS SDK for JavaScript: `#`/`;` start a comment at the start of a line or after
 * whitespace (so `…/start#/` stays intact), indented lines under an empty value are a nested block
 * (`s3 =\n  endpoint_url = …`), a repeated section adds to the first.
 */
export class IniDocument {
  private lines: string[];
  private readonly eol: string;
  private parsed: IniSection[] = [];

  private constructor(
    text: string,
    readonly file: string,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.lines = text.split(/\r?\n/);
    if (this.lines.length > 1 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    if (text === '') this.lines = [];
    this.parsed = parseLines(this.lines, file);
  }

  /** Parses `text`; a line that is not INI throws INVALID_DATA naming `file` and the line. */
  static parse(text: string, file: string): IniDocument {
    return new IniDocument(text, file);
  }

  /** Sections in file order, repeated headers merged into the first. */
  sections(): readonly IniSection[] {
    return this.parsed;
  }

  section(header: string): IniSection | undefined {
    const wanted = normaliseHeader(header);
    return this.parsed.find((s) => s.header === wanted);
  }

  /** Appends `[header]` with its values at the end, after a blank line. */
  appendSection(header: string, values: ReadonlyArray<readonly [string, string]>): void {
    if (this.section(header)) throw new Error(`Section [${header}] already exists in ${this.file}.`);
    if (this.lines.length > 0 && this.lines[this.lines.length - 1]!.trim() !== '') this.lines.push('');
    this.lines.push(`[${header}]`, ...values.map(([k, v]) => `${k} = ${v}`));
    this.parsed = parseLines(this.lines, this.file);
  }

  /** Sets one top-level value of an existing section, in place if present, else after its last value. */
  setValue(header: string, key: string, value: string): void {
    const section = this.section(header);
    if (!section) throw new Error(`No section [${header}] in ${this.file}.`);
    const existing = section.values.get(key);
    if (existing) {
      const old = this.lines[existing.line - 1]!;
      const indent = /^\s*/.exec(old)![0];
      this.lines[existing.line - 1] = `${indent}${key} = ${value}`;
    } else {
      const last = Math.max(section.line, ...[...section.values.values()].map((v) => v.endLine));
      this.lines.splice(last, 0, `${key} = ${value}`);
    }
    this.parsed = parseLines(this.lines, this.file);
  }

  toString(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join(this.eol)}${this.eol}`;
  }
}

function normaliseHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ');
}

function stripComment(text: string): string {
  return text.split(/(?:^|\s)[#;]/)[0]!.trim();
}

function splitAssignment(text: string): [string, string] | undefined {
  const at = [text.indexOf('='), text.indexOf(':')].filter((i) => i >= 0);
  if (at.length === 0) return undefined;
  const i = Math.min(...at);
  return [text.slice(0, i).trim(), stripComment(text.slice(i + 1))];
}

function parseLines(lines: readonly string[], file: string): IniSection[] {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  let lastKey: IniValue | undefined;
  const fail = (line: number, why: string): never => {
    throw new LakeError(
      'INVALID_DATA',
      `${file} line ${line}: ${why}`,
      'Fix that line in a text editor (or restore a backup), then try again.',
    );
  };
  lines.forEach((text, index) => {
    const line = index + 1;
    if (COMMENT.test(text)) return;
    const header = SECTION.exec(text);
    if (header) {
      const name = normaliseHeader(header[1]!);
      if (!name) fail(line, 'a section header needs a name, e.g. [profile NAME].');
      current = sections.find((s) => s.header === name);
      if (!current) sections.push((current = { header: name, line, values: new Map() }));
      lastKey = undefined;
      return;
    }
    const pair = splitAssignment(text);
    if (/^\s/.test(text) && lastKey) {
      if (lastKey.value !== '' && !lastKey.nested) {
        lastKey.value = `${lastKey.value}\n${stripComment(text)}`;
        lastKey.endLine = line;
        return;
      }
      if (!pair || !pair[0])
        return fail(line, `expected "name = value" in the nested settings above, found "${text.trim()}".`);
      lastKey.nested = { ...lastKey.nested, [pair[0]]: pair[1] };
      lastKey.endLine = line;
      return;
    }
    if (!pair) return fail(line, `expected "[section]" or "name = value", found "${text.trim()}".`);
    if (!pair[0]) return fail(line, `a setting needs a name before "=".`);
    if (!current) return fail(line, `"${pair[0]}" is set before any [section].`);
    lastKey = { value: pair[1], line, endLine: line };
    current.values.set(pair[0], lastKey);
  });
  return sections;
}
