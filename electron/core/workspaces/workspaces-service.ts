import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { LakeError } from '@shared/errors';
import type { AwsWorkspaceTarget, Workspace, WorkspaceList } from '@shared/workspaces.schema';
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

  /**
   * The active workspace as a local lake (its `path` is the lake folder), or a NO_WORKSPACE error
   * that tells the person what to do. Local-lake code calls this; an active AWS workspace is refused
   * here rather than handing out an empty path.
   */
  async requireActive(): Promise<Workspace> {
    const workspace = await this.active();
    if (!workspace) {
      throw new LakeError(
        'NO_WORKSPACE',
        'No workspace is open.',
        'Open a local lake folder from Accounts first.',
      );
    }
    if (workspace.kind !== 'local') {
      throw new LakeError(
        'NO_WORKSPACE',
        `The active workspace "${workspace.name}" is an AWS account; this needs a local lake.`,
        'Switch to a local lake in Accounts.',
      );
    }
    return workspace;
  }

  /** A known AWS workspace by id (default: the active one), or NO_WORKSPACE / NOT_FOUND. */
  async requireAws(id?: string): Promise<Workspace & { aws: AwsWorkspaceTarget }> {
    const { workspaces, activeId } = await this.settings.load();
    const workspace = workspaces.find((w) => w.id === (id ?? activeId));
    if (!workspace && id !== undefined) throw new LakeError('NOT_FOUND', `No workspace with id ${id}.`);
    if (!workspace?.aws || workspace.kind !== 'aws') {
      throw new LakeError(
        'NO_WORKSPACE',
        'No AWS workspace is open.',
        'Choose an account, role and region in Accounts.',
      );
    }
    return workspace as Workspace & { aws: AwsWorkspaceTarget };
  }

  /** Opens (or reopens) an AWS account + role + region as a workspace and makes it active. */
  async openAws(target: AwsWorkspaceTarget): Promise<Workspace> {
    const key = [target.ssoSession, target.accountId, target.roleName, target.region].join('\n');
    const workspace: Workspace = {
      id: `aws-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`,
      kind: 'aws',
      name: `${target.accountName} · ${target.roleName} · ${target.region}`,
      path: '',
      lastOpenedAt: new Date().toISOString(),
      aws: target,
    };
    return this.remember(workspace);
  }

  /** Opens a local folder as a lake and makes it active. */
  async openLocal(path: string): Promise<Workspace> {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      throw new LakeError(
        'NOT_FOUND',
        `Folder not found: ${absolute}`,
        'Choose an existing folder, or create it first.',
      );
    }
    if (!info.isDirectory()) {
      throw new LakeError(
        'BAD_INPUT',
        `Not a folder: ${absolute}`,
        'A local lake is a folder; choose its folder.',
      );
    }
    const workspace: Workspace = {
      id: `local-${createHash('sha1').update(absolute).digest('hex').slice(0, 12)}`,
      kind: 'local',
      name: basename(absolute) || absolute,
      path: absolute,
      lastOpenedAt: new Date().toISOString(),
    };
    return this.remember(workspace);
  }

  /** Puts a workspace first in the list, makes it active and announces it. */
  private async remember(workspace: Workspace): Promise<Workspace> {
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
    if (found.kind === 'aws') return this.remember({ ...found, lastOpenedAt: new Date().toISOString() });
    return this.openLocal(found.path);
  }

  /** Gives every open workspace of an account its new colour, so the chip and top bar follow at once. */
  async recolourAccount(accountId: string, colour: string): Promise<void> {
    const next = await this.settings.update((s) => ({
      ...s,
      workspaces: s.workspaces.map((w) =>
        w.aws?.accountId === accountId ? { ...w, aws: { ...w.aws, colour } } : w,
      ),
    }));
    if (!next.workspaces.some((w) => w.aws?.accountId === accountId)) return;
    this.events.emit('workspaces.changed', {
      active: next.workspaces.find((w) => w.id === next.activeId) ?? null,
    });
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
