import { describe, expect, it } from 'vitest';
import { IniDocument } from './ini-document';

const TEXT = [
  '# my AWS config — keep this comment',
  '[default]',
  'region = eu-west-1 ; trailing comment',
  'sso_start_url = https://d-123.awsapps.com/start#/',
  '',
  '[services local]',
  's3 =',
  '  endpoint_url = http://localhost:9000',
  '  # nested comment',
  'sts =',
  '  endpoint_url = http://localhost:4566',
  '',
  '[profile  dev]',
  'role_arn: arn:aws:iam::123456789012:role/dev',
  'source_profile = default',
  '[profile dev]',
  'region = us-east-1',
].join('\n');

describe('IniDocument (AWS config dialect)', () => {
  it('reads sections, values, nested blocks, inline comments and merges repeated sections', () => {
    const doc = IniDocument.parse(TEXT, '/home/me/.aws/config');
    expect(doc.sections().map((s) => s.header)).toEqual(['default', 'services local', 'profile dev']);
    const def = doc.section('default')!;
    expect(def.values.get('region')?.value).toBe('eu-west-1');
    expect(def.values.get('sso_start_url')?.value).toBe('https://d-123.awsapps.com/start#/');
    expect(doc.section('services local')!.values.get('s3')).toMatchObject({
      value: '',
      nested: { endpoint_url: 'http://localhost:9000' },
      line: 7,
    });
    const dev = doc.section('profile dev')!;
    expect([...dev.values.keys()]).toEqual(['role_arn', 'source_profile', 'region']);
    expect(dev.values.get('role_arn')?.value).toBe('arn:aws:iam::123456789012:role/dev');
  });

  it('names the file and line of a malformed line', () => {
    const bad = '[default]\nregion = eu-west-1\nthis line is not ini\n';
    expect(() => IniDocument.parse(bad, '/tmp/config')).toThrow(
      /^\/tmp\/config line 3: expected "\[section\]" or "name = value", found "this line is not ini"\.$/,
    );
    expect(() => IniDocument.parse('region = x\n', '/tmp/config')).toThrow(
      '/tmp/config line 1: "region" is set before any [section].',
    );
    expect(() => IniDocument.parse('[ ]\n', '/tmp/config')).toThrow(/line 1: a section header needs a name/);
    expect(() => IniDocument.parse('[default]\ns3 =\n  not a pair\n', '/tmp/config')).toThrow(
      /line 3: expected "name = value" in the nested settings/,
    );
    try {
      IniDocument.parse('[default]\n= x\n', '/tmp/config');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_DATA', hint: expect.stringContaining('backup') });
    }
  });

  it('writes back byte for byte, and edits only what it is asked to, keeping every comment', () => {
    const doc = IniDocument.parse(`${TEXT}\n`, 'config');
    expect(doc.toString()).toBe(`${TEXT}\n`);
    doc.appendSection('sso-session corp', [
      ['sso_start_url', 'https://corp.awsapps.com/start'],
      ['sso_region', 'eu-central-1'],
    ]);
    doc.setValue('default', 'region', 'eu-north-1');
    doc.setValue('services local', 'output', 'json');
    const text = doc.toString();
    expect(text).toContain('# my AWS config — keep this comment\n');
    expect(text).toContain('  # nested comment\n');
    expect(text).toContain('region = eu-north-1\nsso_start_url');
    expect(text).toContain('  endpoint_url = http://localhost:4566\noutput = json\n');
    expect(
      text.endsWith(
        'region = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n',
      ),
    ).toBe(true);
    expect(
      IniDocument.parse(text, 'config').section('sso-session corp')!.values.get('sso_region')?.value,
    ).toBe('eu-central-1');
  });

  it('keeps CRLF files CRLF and treats an empty file as no sections', () => {
    const doc = IniDocument.parse('[default]\r\nregion = x\r\n', 'c');
    doc.setValue('default', 'output', 'json');
    expect(doc.toString()).toBe('[default]\r\nregion = x\r\noutput = json\r\n');
    const empty = IniDocument.parse('', 'c');
    expect(empty.sections()).toEqual([]);
    empty.appendSection('default', [['region', 'x']]);
    expect(empty.toString()).toBe('[default]\nregion = x\n');
  });
});
