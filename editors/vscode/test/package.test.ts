// The platform package as a user gets it: scripts/editors/ci.sh builds the host's .vsix with
// scripts/editors/package-vsix.sh, unpacks it with scripts/editors/check-vsix.py (file modes kept,
// as VS Code installs it) and sets COPYDESK_EXTENSION_DIR to the unpacked `extension/` folder.
// Here the extension's own resolution must find the bundled server with nothing on PATH, and that
// server must work for a client with VS Code's real capabilities (pull diagnostics, refreshed
// within a second of a settings change).
import { strict as assert } from 'node:assert';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { ConfigurationParams, Diagnostic, DocumentDiagnosticReport, InitializeResult } from 'vscode-languageserver-protocol';
import { answerConfiguration, buildSettings, type CopydeskSettings, serverArgs } from '../src/config';
import { binaryName, resolveServer } from '../src/resolve';

const extensionDir = process.env.COPYDESK_EXTENSION_DIR;
const repo = path.resolve(__dirname, '..', '..', '..', '..');
const vscodeCaps = path.join(repo, 'tests', 'fixtures', 'clients', 'vscode-languageclient-9.0.1.json');
const DRAFT = '# Bridge vote\n\nThe mayor left before the vote. He said “we will win.\n';
const URI = 'untitled:Untitled-1';

describe('the platform .vsix', { skip: extensionDir ? false : 'COPYDESK_EXTENSION_DIR is not set (scripts/editors/ci.sh sets it)' }, () => {
  const dir = extensionDir ?? '';
  let proc: ChildProcess | undefined;
  let conn: MessageConnection | undefined;
  after(() => {
    conn?.dispose();
    if (proc && proc.exitCode === null) {
      proc.kill();
    }
  });

  it('resolves to the bundled server with nothing on PATH and no setting', () => {
    const r = resolveServer({ extensionPath: dir, configuredPath: '', envPath: '' });
    assert.deepEqual(r, { ok: true, path: path.join(dir, 'server', binaryName(process.platform)), source: 'bundled' });
  });

  it('starts that server with an empty PATH and gets pulled diagnostics refreshed at once', { timeout: 30_000 }, async () => {
    const r = resolveServer({ extensionPath: dir, configuredPath: '', envPath: '' });
    assert.ok(r.ok);
    proc = spawn(r.path, serverArgs('info'), { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: '' } });
    let stderr = '';
    proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => proc!.on('exit', (c) => resolve(c)));
    const c = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn = c;
    let settings: CopydeskSettings = buildSettings(() => undefined);
    c.onRequest('workspace/configuration', (p: ConfigurationParams) =>
      answerConfiguration(p.items, () => settings, () => Promise.resolve(p.items.map(() => null))));
    c.onRequest('client/registerCapability', () => null);
    let refreshed: () => void = () => undefined;
    let refreshes = 0;
    c.onRequest('workspace/diagnostic/refresh', () => {
      refreshes += 1;
      refreshed();
      return null;
    });
    c.listen();

    const capabilities: unknown = JSON.parse(fs.readFileSync(vscodeCaps, 'utf8'));
    const init: InitializeResult = await c.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.95.0' },
      rootUri: null,
      capabilities,
      initializationOptions: settings,
    });
    assert.equal(init.serverInfo?.name, 'copydesk', stderr);
    assert.ok(init.capabilities.diagnosticProvider, 'VS Code pulls diagnostics');
    await c.sendNotification('initialized', {});
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: DRAFT } });

    const pull = async (): Promise<string[]> => {
      const rep: DocumentDiagnosticReport = await c.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(rep.kind, 'full');
      return rep.kind === 'full' ? rep.items.map((d: Diagnostic) => String(d.code)) : [];
    };
    assert.ok((await pull()).includes('quote.unbalanced'), stderr);

    // A settings change, as the extension's middleware sends it: refresh within a second.
    settings = buildSettings((k) => (k === 'rules' ? { 'quote.unbalanced': 'off' } : undefined));
    const before = refreshes;
    const started = Date.now();
    const refresh = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no workspace/diagnostic/refresh within a second; stderr:\n${stderr}`)), 1000);
      refreshed = () => {
        clearTimeout(t);
        resolve();
      };
    });
    await c.sendNotification('workspace/didChangeConfiguration', { settings: { copydesk: settings } });
    await refresh;
    assert.ok(refreshes > before);
    assert.ok(!(await pull()).includes('quote.unbalanced'));
    assert.ok(Date.now() - started < 1000, `diagnostics changed after ${Date.now() - started} ms`);

    await c.sendRequest('shutdown');
    await c.sendNotification('exit');
    assert.equal(await exited, 0);
  });
});
