/**
 * The one draft of the library system's configuration that every administration screen edits: loaded once when the
 * first of them opens, kept while the administrator moves between them (branches, hours, closures, positions,
 * settings), so one preview and one apply cover all their changes. It lives in the shell's state: the idle lock and
 * sign-out drop it with everything else.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { asProblem, type ApiError, type Violation } from '../../shared/api';
import type { Session } from '../../shared/session';
import { loadConfiguration, refusalsByPath, withoutNulls, type Live, type TenantConfiguration } from './configuration';

export interface AdminDraft {
  live?: Live;
  draft?: TenantConfiguration;
  problem?: ApiError;
  loading: boolean;
  /** Changes when the draft is replaced from outside its fields (load, discard, apply): typed text starts again. */
  generation: number;
  /** The server's refusals of the last plan or apply, by the path of the draft they name. */
  refusals: Map<string, string[]>;
  /** The branch the branch, hours and closures screens show, by its place in the draft (a new one has no code yet). */
  branch?: number;
  /** Loads the live configuration; `keepDraft` keeps the administrator's draft (after a stale revision). */
  load(keepDraft: boolean): Promise<void>;
  edit(change: (draft: TenantConfiguration) => TenantConfiguration): void;
  discard(): void;
  chooseBranch(index: number | undefined): void;
  refuse(errors: readonly Violation[]): void;
}

const DraftContext = createContext<AdminDraft | undefined>(undefined);

export function AdminDraftProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [live, setLive] = useState<Live | undefined>(undefined);
  const [draft, setDraft] = useState<TenantConfiguration | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [refusals, setRefusals] = useState<Map<string, string[]>>(new Map());
  const [branch, setBranch] = useState<number | undefined>(undefined);

  const load = useCallback(
    async (keepDraft: boolean) => {
      setLoading(true);
      setProblem(undefined);
      try {
        const loaded = await loadConfiguration(session);
        setLive(loaded);
        if (!keepDraft) {
          setDraft(loaded.configuration);
          setRefusals(new Map());
          setGeneration((n) => n + 1);
        } else {
          setDraft((current) => current ?? loaded.configuration);
        }
      } catch (error) {
        setProblem(asProblem(error, 'admin.problem.load'));
      } finally {
        setLoading(false);
      }
    },
    [session],
  );

  const edit = useCallback((change: (draft: TenantConfiguration) => TenantConfiguration) => {
    setDraft((current) => (current ? change(current) : current));
  }, []);

  const discard = useCallback(() => {
    setDraft(live?.configuration);
    setRefusals(new Map());
    setGeneration((n) => n + 1);
  }, [live]);

  const refuse = useCallback((errors: readonly Violation[]) => setRefusals(refusalsByPath(errors)), []);

  const value = useMemo<AdminDraft>(
    () => ({ live, draft, problem, loading, generation, refusals, branch, load, edit, discard, chooseBranch: setBranch, refuse }),
    [live, draft, problem, loading, generation, refusals, branch, load, edit, discard, refuse],
  );
  return <DraftContext value={value}>{children}</DraftContext>;
}

export function useAdminDraft(): AdminDraft {
  const draft = useContext(DraftContext);
  if (!draft) {
    throw new Error('useAdminDraft() outside an AdminDraftProvider: render the administration screens inside the shell');
  }
  return draft;
}

/** Whether the draft differs from the live configuration. */
export function hasChanges(state: Pick<AdminDraft, 'live' | 'draft'>): boolean {
  return !!state.live && !!state.draft && JSON.stringify(withoutNulls(state.live.configuration)) !== JSON.stringify(withoutNulls(state.draft));
}
