import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { expandConfiguredPath, findOnPath, INSTALL_URL, resolveServer } from '../src/resolve';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-resolve-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function makeExe(file: string, mode = 0o755): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(file, mode);
  return file;
}

describe('resolveServer (real files, POSIX)', { skip: process.platform === 'win32' }, () => {
  const ext = path.join(tmp, 'ext');
  const binDir = path.join(tmp, 'bin');
  const onPath = makeExe(path.join(binDir, 'copydesk'));
  const custom = makeExe(path.join(tmp, 'custom', 'copydesk-dev'));
  fs.mkdirSync(path.join(ext, 'server'), { recursive: true });

  it('prefers the copydesk.path setting', () => {
    const r = resolveServer({ configuredPath: custom, extensionPath: ext, envPath: binDir });
    assert.deepEqual(r, { ok: true, path: custom, source: 'setting' });
  });

  it('expands ${workspaceFolder} and relative paths in the setting', () => {
    const r = resolveServer({ configuredPath: '${workspaceFolder}/custom/copydesk-dev', extensionPath: ext, workspaceFolder: tmp });
    assert.deepEqual(r, { ok: true, path: custom, source: 'setting' });
    const r2 = resolveServer({ configuredPath: './custom/copydesk-dev', extensionPath: ext, workspaceFolder: tmp });
    assert.deepEqual(r2, { ok: true, path: custom, source: 'setting' });
  });

  it('looks a bare command name in the setting up on PATH', () => {
    const r = resolveServer({ configuredPath: 'copydesk', extensionPath: ext, envPath: `/nonexistent:${binDir}` });
    assert.deepEqual(r, { ok: true, path: onPath, source: 'setting' });
  });

  it('falls back to PATH with a warning when the setting points nowhere', () => {
    const r = resolveServer({ configuredPath: '/no/such/copydesk', extensionPath: ext, envPath: binDir });
    assert.equal(r.ok, true);
    if (r.ok) {
      assert.equal(r.path, onPath);
      assert.equal(r.source, 'path');
      assert.match(r.warning ?? '', /copydesk\.path setting points to "\/no\/such\/copydesk".*PATH/);
    }
  });

  it('fails, naming the setting, when the setting points nowhere and PATH has no copydesk', () => {
    const r = resolveServer({ configuredPath: '/no/such/copydesk', extensionPath: ext, envPath: '/nonexistent' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.message, /copydesk\.path \("\/no\/such\/copydesk"\)/);
      assert.deepEqual(r.tried, [path.join(ext, 'server', 'copydesk'), '/no/such/copydesk', '/nonexistent/copydesk']);
    }
  });

  it('uses PATH when nothing is bundled', () => {
    const r = resolveServer({ extensionPath: ext, envPath: `/nonexistent:${binDir}` });
    assert.deepEqual(r, { ok: true, path: onPath, source: 'path' });
  });

  it('prefers the bundled binary over the setting and PATH, but not a non-executable one', () => {
    const bundled = path.join(ext, 'server', 'copydesk');
    makeExe(bundled, 0o644);
    assert.deepEqual(resolveServer({ extensionPath: ext, envPath: binDir }), { ok: true, path: onPath, source: 'path' });
    assert.deepEqual(resolveServer({ configuredPath: custom, extensionPath: ext, envPath: binDir }),
      { ok: true, path: custom, source: 'setting' });
    fs.chmodSync(bundled, 0o755);
    assert.deepEqual(resolveServer({ extensionPath: ext, envPath: binDir }), { ok: true, path: bundled, source: 'bundled' });
    assert.deepEqual(resolveServer({ configuredPath: custom, extensionPath: ext, envPath: binDir }),
      { ok: true, path: bundled, source: 'bundled' });
    // Nothing on PATH at all: the bundled binary is all it takes.
    assert.deepEqual(resolveServer({ extensionPath: ext, envPath: '' }), { ok: true, path: bundled, source: 'bundled' });
    fs.rmSync(bundled);
  });

  it('reports everything it tried when nothing is found', () => {
    const r = resolveServer({ extensionPath: ext, envPath: '/nonexistent' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.message, /PATH/);
      assert.deepEqual(r.tried, [path.join(ext, 'server', 'copydesk'), '/nonexistent/copydesk']);
    }
  });
});

describe('resolution rules that do not touch the disk', () => {
  it('uses copydesk.exe and PATHEXT on Windows', () => {
    const seen: string[] = [];
    const isExe = (f: string): boolean => {
      seen.push(f);
      return f === 'C:\\tools\\copydesk.EXE';
    };
    const r = resolveServer({
      extensionPath: 'C:\\ext',
      platform: 'win32',
      envPath: 'C:\\Windows;C:\\tools',
      pathExt: '.COM;.EXE',
      isExecutable: isExe,
    });
    assert.deepEqual(r, { ok: true, path: 'C:\\tools\\copydesk.EXE', source: 'path' });
    assert.ok(seen.some((f) => f.endsWith(path.join('server', 'copydesk.exe'))), seen.join(','));
  });

  it('expands ~', () => {
    assert.equal(expandConfiguredPath('~/bin/copydesk', undefined, '/home/ann'), '/home/ann/bin/copydesk');
    assert.equal(expandConfiguredPath('${userHome}/copydesk', undefined, '/home/ann'), '/home/ann/copydesk');
  });

  it('findOnPath skips empty entries', () => {
    assert.equal(findOnPath('copydesk', '::', 'linux', undefined, () => true), undefined);
  });
});

describe('the install link of the "server not found" error', () => {
  // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
  const anchor = (heading: string): string =>
    heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

  it('opens a heading that exists in the extension README', () => {
    const url = new URL(INSTALL_URL);
    assert.equal(url.pathname, '/copydesk/copydesk/tree/main/editors/vscode');
    const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    const anchors = readme.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => anchor(l.replace(/^#+ /, '')));
    assert.ok(anchors.includes(url.hash.slice(1)), `${url.hash} not among ${anchors.join(', ')}`);
  });
});
