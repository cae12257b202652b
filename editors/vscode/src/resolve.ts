// Finds the copydesk executable: the binary bundled in the extension (`server/copydesk[.exe]`,
// in the platform packages), else the `copydesk.path` setting, else `copydesk` on PATH; a
// `copydesk.path` that points nowhere falls back to PATH with a warning. No `vscode` import here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolveInput {
  /** Value of `copydesk.path` (may be empty). */
  configuredPath?: string | undefined;
  /** The extension's install folder (context.extensionPath). */
  extensionPath: string;
  /** First workspace folder, for `${workspaceFolder}` and relative `copydesk.path`. */
  workspaceFolder?: string | undefined;
  platform?: NodeJS.Platform;
  /** The PATH to search (defaults to process.env.PATH). */
  envPath?: string | undefined;
  /** Windows PATHEXT (defaults to process.env.PATHEXT). */
  pathExt?: string | undefined;
  homeDir?: string;
  /** Injectable for tests; defaults to "is a regular file we may execute". */
  isExecutable?: (file: string) => boolean;
}

export type Resolution =
  | { ok: true; path: string; source: ServerSource; warning?: string }
  | { ok: false; message: string; tried: string[] };

/** The extension README's install section (the heading `## Install`), opened by the error's button. */
export const INSTALL_URL = 'https://github.com/copydesk/copydesk/tree/main/editors/vscode#install';

export function defaultIsExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === 'win32') {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~`, `${userHome}`, `${workspaceFolder}` and makes a relative path absolute. */
export function expandConfiguredPath(p: string, workspaceFolder: string | undefined, homeDir: string): string {
  let s = p.trim();
  if (s === '~' || s.startsWith('~/') || s.startsWith('~\\')) {
    s = homeDir + s.slice(1);
  }
  s = s.replace(/\$\{userHome\}/g, homeDir);
  if (workspaceFolder !== undefined) {
    s = s.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(s) && workspaceFolder !== undefined && (s.includes('/') || s.includes('\\'))) {
    s = path.resolve(workspaceFolder, s);
  }
  return s;
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

/** Searches `envPath` for `name` the way a shell would (PATHEXT on Windows). */
export function findOnPath(
  name: string,
  envPath: string | undefined,
  platform: NodeJS.Platform,
  pathExt: string | undefined,
  isExecutable: (f: string) => boolean,
  tried: string[] = [],
): string | undefined {
  if (!envPath) {
    return undefined;
  }
  const sep = platform === 'win32' ? ';' : ':';
  const join = (...parts: string[]): string => (platform === 'win32' ? path.win32.join(...parts) : path.posix.join(...parts));
  const exts =
    platform === 'win32' ? ['', ...(pathExt ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '')] : [''];
  for (const dir of envPath.split(sep)) {
    if (dir === '') {
      continue;
    }
    for (const ext of exts) {
      const candidate = join(dir.replace(/^"(.*)"$/, '$1'), name + ext);
      tried.push(candidate);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

export function resolveServer(input: ResolveInput): Resolution {
  const platform = input.platform ?? process.platform;
  const isExecutable = input.isExecutable ?? defaultIsExecutable;
  const homeDir = input.homeDir ?? os.homedir();
  const envPath = input.envPath ?? process.env.PATH;
  const pathExt = input.pathExt ?? process.env.PATHEXT;
  const tried: string[] = [];

  // 1. The binary shipped in this platform's package: it matches the extension's version.
  const bundled = path.join(input.extensionPath, 'server', binaryName(platform));
  tried.push(bundled);
  if (isExecutable(bundled)) {
    return { ok: true, path: bundled, source: 'bundled' };
  }

  // 2. The copydesk.path setting.
  let warning: string | undefined;
  const configured = input.configuredPath?.trim() ?? '';
  if (configured !== '') {
    const p = expandConfiguredPath(configured, input.workspaceFolder, homeDir);
    // A bare command name ("copydesk-nightly") is looked up on PATH.
    if (!p.includes('/') && !p.includes('\\')) {
      const found = findOnPath(p.replace(/\.exe$/i, ''), envPath, platform, pathExt, isExecutable, tried);
      if (found) {
        return { ok: true, path: found, source: 'setting' };
      }
    } else {
      tried.push(p);
      if (isExecutable(p)) {
        return { ok: true, path: p, source: 'setting' };
      }
    }
    warning = `The copydesk.path setting points to "${configured}", which is not an executable file; using copydesk from PATH instead.`;
  }

  // 3. PATH.
  const onPath = findOnPath('copydesk', envPath, platform, pathExt, isExecutable, tried);
  if (onPath) {
    return warning === undefined ? { ok: true, path: onPath, source: 'path' } : { ok: true, path: onPath, source: 'path', warning };
  }
  const setting = configured === '' ? 'no copydesk.path setting' : `copydesk.path ("${configured}") is not an executable file`;
  return {
    ok: false,
    message: `Could not find the copydesk language server: no binary bundled with the extension, ${setting}, and no "copydesk" on PATH.`,
    tried,
  };
}
