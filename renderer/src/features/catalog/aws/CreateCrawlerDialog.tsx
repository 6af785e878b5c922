import { useEffect, useState, type FormEvent } from 'react';
import { contract } from '@shared/contract';
import type { LakeErrorShape } from '@shared/errors';
import type { Crawler } from '@shared/glue.schema';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';

type Field = 'name' | 'role' | 'database' | 's3Path' | 'schedule' | 'tablePrefix';

const LABELS: Record<Field, string> = {
  name: 'Name',
  role: 'IAM role',
  database: 'Database',
  s3Path: 'S3 target',
  schedule: 'Schedule (optional)',
  tablePrefix: 'Table prefix (optional)',
};

const HELP: Partial<Record<Field, string>> = {
  role: 'The role Glue assumes to read the files, e.g. AWSGlueServiceRole-lake.',
  s3Path: 'The prefix to crawl: every folder of like files under it becomes a table.',
  schedule: 'A Glue cron, e.g. cron(0 2 * * ? *) for 02:00 UTC daily. Empty: run it by hand.',
};

/**
 * Creates a Glue crawler over one S3 prefix. Whether the role may is AWS's to say: a refusal comes
 * back explained (which permission, whom to ask) and shows here.
 */
export function CreateCrawlerDialog({
  workspaceId,
  initial,
  roles,
  onCreated,
  onClose,
}: {
  workspaceId: string;
  initial: Partial<Record<Field, string>>;
  /** Roles existing crawlers use: offered, since a new one usually uses the same. */
  roles: string[];
  onCreated: (crawler: Crawler) => void;
  onClose: () => void;
}) {
  const lake = useLake();
  const databases = useCall('catalog.listDatabases', { workspaceId });
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    role: roles[0] ?? '',
    database: '',
    s3Path: '',
    schedule: '',
    tablePrefix: '',
    ...initial,
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<LakeErrorShape | undefined>(undefined);
  const [isSaving, setSaving] = useState(false);
  const firstDatabase = databases.data?.databases[0]?.name;
  // Offered once the databases are known; what the person types after that stays theirs.
  useEffect(() => {
    if (firstDatabase) setValues((v) => (v.database ? v : { ...v, database: firstDatabase }));
  }, [firstDatabase]);
  const database = values.database;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      workspaceId,
      name: values.name.trim(),
      role: values.role.trim(),
      database: database.trim(),
      s3Path: values.s3Path.trim(),
      ...(values.schedule.trim() ? { schedule: values.schedule.trim() } : {}),
      ...(values.tablePrefix.trim() ? { tablePrefix: values.tablePrefix.trim() } : {}),
    };
    // The contract's own schema: the same rules the core applies, said next to the field.
    const checked = contract['catalog.createCrawler'].input.safeParse(input);
    if (!checked.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of checked.error.issues) errors[issue.path[0] as Field] ??= issue.message;
      return setFieldErrors(errors);
    }
    setFieldErrors({});
    setError(undefined);
    setSaving(true);
    try {
      onCreated(await lake.call('catalog.createCrawler', input));
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: Field, extra: { list?: string; placeholder?: string } = {}) => (
    <label className="form-field" key={name}>
      <span className="field-label">{LABELS[name]}</span>
      <input
        className={name === 'name' ? 'input' : 'input mono'}
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        list={extra.list}
        placeholder={extra.placeholder}
        aria-invalid={fieldErrors[name] ? true : undefined}
        data-testid={`create-crawler-${name}`}
      />
      {fieldErrors[name] ? (
        <span className="field-error">{fieldErrors[name]}</span>
      ) : (
        HELP[name] && <span className="field-help">{HELP[name]}</span>
      )}
    </label>
  );

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="submit"
        form="create-crawler-form"
        className="button primary"
        disabled={isSaving}
        data-testid="create-crawler-submit"
      >
        {isSaving ? 'Creating…' : 'Create crawler'}
      </button>
    </>
  );

  return (
    <Dialog title="New crawler" onClose={onClose} testId="create-crawler-dialog" footer={footer}>
      <form className="form-grid" onSubmit={(e) => void submit(e)} id="create-crawler-form">
        {field('name', { placeholder: 'orders' })}
        {field('role', { list: 'crawler-roles' })}
        {field('database', { list: 'crawler-databases' })}
        {field('s3Path', { placeholder: 's3://bucket/prefix/' })}
        {field('schedule', { placeholder: 'cron(0 2 * * ? *)' })}
        {field('tablePrefix')}
        <datalist id="crawler-roles">
          {roles.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <datalist id="crawler-databases">
          {databases.data?.databases.map((d) => (
            <option key={d.name} value={d.name} />
          ))}
        </datalist>
      </form>
      {error && <ErrorBanner error={error} />}
    </Dialog>
  );
}
