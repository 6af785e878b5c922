import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { LakeError } from '@shared/errors';
import type { Workspace, WorkspaceList } from '@shared/workspaces.schema';
import type { EventBus } from '../event-bus';
import type { SettingsStore } from '../settings-store';

/** Known workspaces and which one is active, persisted in the settings file. */
export class WorkspacesService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly events: EventBus,
  ) {}

  async list(): Promise<WorkspaceList> {
    const { workspaces, activeId } = await this.settings.load();
    return { workspaces, activeId };
  }

  async active(): Promise<Workspace | null> {
    const { workspaces, activeId } = await this.settings.load();
    return workspaces.find((w) => w.id === activeId) ?? null;
  }

  /** The active workspace, or a NO_WORKSPACE error that tells the person what to do. */
  async requireActive(): Promise<Workspace> {
    const workspace = await this.active();
    if (!workspace) {
      throw new LakeError('NO_WORKSPACE', 'No workspace is open.', 'Open a local lake folder from Accounts first.');
    }
    return workspace;
  }

  /** Opens a local folder as a lake and makes it active. */
  async openLocal(path: string): Promise<Workspace> {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      throw new LakeError('NOT_FOUND', `Folder not found: ${absolute}`, 'Choose an existing folder, or create it first.');
    }
    if (!info.isDirectory()) {
      throw new LakeError('BAD_INPUT', `Not a folder: ${absolute}`, 'A local lake is a folder; choose its folder.');
    }
    const workspace: Workspace = {
      id: `local-${createHash('sha1').update(absolute).digest('hex').slice(0, 12)}`,
      kind: 'local',
      name: basename(absolute) || absolute,
      path: absolute,
      lastOpenedAt: new Date().toISOString(),
    };
    await this.settings.update((s) => ({
      ...s,
      workspaces: [workspace, ...s.workspaces.filter((w) => w.id !== workspace.id)],
      activeId: workspace.id,
    }));
    this.events.emit('workspaces.changed', { active: workspace });
    return workspace;
  }

  async activate(id: string): Promise<Workspace> {
    const { workspaces } = await this.settings.load();
    const found = workspaces.find((w) => w.id === id);
    if (!found) throw new LakeError('NOT_FOUND', `No workspace with id ${id}.`);
    return this.openLocal(found.path);
  }

  async forget(id: string): Promise<WorkspaceList> {
    const next = await this.settings.update((s) => ({
      ...s,
      workspaces: s.workspaces.filter((w) => w.id !== id),
      activeId: s.activeId === id ? null : s.activeId,
    }));
    if (next.activeId === null) this.events.emit('workspaces.changed', { active: null });
    return { workspaces: next.workspaces, activeId: next.activeId };
  }
}
