import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Organisation, SignInStatus } from '@shared/accounts.schema';
import { contract, type EventPayload } from '@shared/contract';
import type { LakeErrorShape } from '@shared/errors';
import { useToasts } from '../../app/ToastContext';
import { useLake } from '../../lib/LakeProvider';
import { isCancelled, toErrorShape } from '../../lib/lake-error';
import { useCall } from '../../lib/useCall';

export type SignInRequired = EventPayload<'accounts.signInRequired'>;

export interface OrganisationsApi {
  /** Organisations in config order, each with its latest sign-in status. */
  organisations: Organisation[];
  isLoading: boolean;
  error: LakeErrorShape | undefined;
  reload: () => void;
  /** Starts a sign-in (device authorization); resolves true once signed in. */
  signIn: (session: string) => Promise<boolean>;
  cancelSignIn: (session: string) => void;
  signOut: (session: string) => Promise<void>;
  /** Sessions with a sign-in or sign-out under way from this window. */
  busy: Record<string, 'signingIn' | 'signingOut'>;
  /** The last failed sign-in or sign-out per session. */
  errors: Record<string, LakeErrorShape>;
  clearError: (session: string) => void;
  /** The one sign-in work is waiting for (first come), until it succeeds or is dismissed. */
  required: SignInRequired | undefined;
  dismissRequired: () => void;
}

const OrganisationsContext = createContext<OrganisationsApi | null>(null);

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
};

/**
 * AWS organisations and their sign-ins for the whole window: the Accounts area lists them, and the
 * shell asks to sign in again when paused work needs it. Statuses follow `accounts.sessionChanged`.
 */
export function OrganisationsProvider({ children }: { children: ReactNode }) {
  const lake = useLake();
  const { push } = useToasts();
  const list = useCall('accounts.listOrganisations', {});
  const info = useCall('app.info', {});
  const [statuses, setStatuses] = useState<Record<string, SignInStatus>>({});
  const [busy, setBusy] = useState<OrganisationsApi['busy']>({});
  const [errors, setErrors] = useState<Record<string, LakeErrorShape>>({});
  const [waiting, setWaiting] = useState<SignInRequired[]>([]);
  const aborts = useRef(new Map<string, AbortController>());
  // Sign-in jobs this window started: only their pages are opened in the system browser.
  const ownJobs = useRef(new Set<string>());
  const openedJobs = useRef(new Set<string>());
  const statusesRef = useRef(statuses);
  statusesRef.current = statuses;
  const isElectron = info.data?.frontDoor === 'electron';
  const { reload } = list;

  const known = useMemo(() => new Set(list.data?.organisations.map((o) => o.name)), [list.data]);
  const knownRef = useRef(known);
  knownRef.current = known;

  const noteStatus = useCallback((status: SignInStatus) => {
    setStatuses((s) => ({ ...s, [status.session]: status }));
  }, []);

  useEffect(() => {
    // A listing is newer than what events said before it: it replaces them.
    if (list.data) setStatuses(Object.fromEntries(list.data.organisations.map((o) => [o.name, o.signIn])));
  }, [list.data]);

  useEffect(() => {
    const offSession = lake.on('accounts.sessionChanged', (status) => {
      noteStatus(status);
      // An organisation added elsewhere (the CLI, `aws configure sso`) shows up with its first event.
      if (!knownRef.current.has(status.session)) reload();
    });
    const offRequired = lake.on('accounts.signInRequired', (required) => {
      // The core sends one per expiry; keep one per organisation however often it comes.
      setWaiting((w) => (w.some((r) => r.session === required.session) ? w : [...w, required]));
    });
    // Paused work resumes only after a sign-in succeeds (a renewed token does not release it), so
    // that, from any window or area, is what settles the prompt.
    const offJobs = lake.on('jobs.changed', (job) => {
      if (job.method !== 'accounts.signIn' || job.state !== 'succeeded') return;
      const result = contract['accounts.signIn'].job.safeParse(job.result);
      if (result.success) setWaiting((w) => w.filter((r) => r.session !== result.data.session));
    });
    return () => {
      offSession();
      offRequired();
      offJobs();
    };
  }, [lake, noteStatus, reload]);

  // In the desktop app the approval page opens in the system browser (window.open is routed to
  // safeOpenExternal, https only). Browser mode shows a link instead: a page opened without a click
  // would be stopped by the popup blocker.
  useEffect(() => {
    if (!isElectron) return;
    for (const status of Object.values(statuses)) {
      const pending = status.pending;
      if (!pending || !ownJobs.current.has(pending.jobId) || openedJobs.current.has(pending.jobId)) continue;
      openedJobs.current.add(pending.jobId);
      window.open(
        pending.verificationUriComplete ?? pending.verificationUri,
        '_blank',
        'noopener,noreferrer',
      );
    }
  }, [statuses, isElectron]);

  const refreshStatus = useCallback(
    (session: string) => {
      lake.call('accounts.status', { session }).then(noteStatus, () => undefined);
    },
    [lake, noteStatus],
  );

  const signIn = useCallback(
    async (session: string) => {
      aborts.current.get(session)?.abort('superseded');
      const abort = new AbortController();
      aborts.current.set(session, abort);
      setBusy((b) => ({ ...b, [session]: 'signingIn' }));
      setErrors((e) => without(e, session));
      try {
        await lake.runJob(
          'accounts.signIn',
          { session },
          {
            signal: abort.signal,
            onStart: (jobId) => ownJobs.current.add(jobId),
            // The code normally comes with accounts.sessionChanged; ask once if that event was missed.
            onProgress: () => {
              if (!statusesRef.current[session]?.pending) refreshStatus(session);
            },
          },
        );
        setWaiting((w) => w.filter((r) => r.session !== session));
        push({
          kind: 'success',
          title: `Signed in to ${session}`,
          detail: 'Paused work, if any, resumes now.',
        });
        return true;
      } catch (error) {
        if (!isCancelled(error)) setErrors((e) => ({ ...e, [session]: toErrorShape(error) }));
        return false;
      } finally {
        if (aborts.current.get(session) === abort) {
          aborts.current.delete(session);
          setBusy((b) => without(b, session));
        }
        refreshStatus(session);
      }
    },
    [lake, push, refreshStatus],
  );

  const cancelSignIn = useCallback(
    (session: string) => {
      const own = aborts.current.get(session);
      if (own) return own.abort('user');
      // Started elsewhere (another window, the sign-in prompt of a reload): cancel its job.
      const jobId = statusesRef.current[session]?.pending?.jobId;
      if (jobId) void lake.call('jobs.cancel', { jobId }).catch(() => undefined);
    },
    [lake],
  );

  const signOut = useCallback(
    async (session: string) => {
      setBusy((b) => ({ ...b, [session]: 'signingOut' }));
      setErrors((e) => without(e, session));
      try {
        noteStatus(await lake.call('accounts.signOut', { session }));
      } catch (error) {
        setErrors((e) => ({ ...e, [session]: toErrorShape(error) }));
      } finally {
        setBusy((b) => without(b, session));
      }
    },
    [lake, noteStatus],
  );

  const clearError = useCallback((session: string) => setErrors((e) => without(e, session)), []);
  const dismissRequired = useCallback(() => setWaiting((w) => w.slice(1)), []);

  const organisations = useMemo(
    () => (list.data?.organisations ?? []).map((o) => ({ ...o, signIn: statuses[o.name] ?? o.signIn })),
    [list.data, statuses],
  );

  const api: OrganisationsApi = {
    organisations,
    isLoading: list.isLoading && !list.data,
    error: list.error,
    reload,
    signIn,
    cancelSignIn,
    signOut,
    busy,
    errors,
    clearError,
    required: waiting[0],
    dismissRequired,
  };
  return <OrganisationsContext.Provider value={api}>{children}</OrganisationsContext.Provider>;
}

export function useOrganisations(): OrganisationsApi {
  const api = useContext(OrganisationsContext);
  if (!api) throw new Error('useOrganisations() needs an <OrganisationsProvider> above it.');
  return api;
}
