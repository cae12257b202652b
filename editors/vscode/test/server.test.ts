// Drives the real copydesk binary over stdio with vscode-jsonrpc (the transport that
// vscode-languageclient uses), answering the server with the extension's own settings logic.
// Binary: $COPYDESK_BIN (default ../../target/debug/copydesk, relative to editors/vscode).
// No VS Code window runs here, so the extension host UI itself is not exercised.
import { strict as assert } from 'node:assert';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  ConfigurationParams,
} from 'vscode-languageserver-protocol';
import { answerConfiguration, buildSettings, type CopydeskSettings, serverArgs } from '../src/config';
import { resolveServer } from '../src/resolve';

const root = path.resolve(__dirname, '..', '..'); // editors/vscode
const binSetting = process.env.COPYDESK_BIN ?? path.join(root, '..', '..', 'target', 'debug', 'copydesk');
const fixture = path.resolve(root, '..', '..', 'tests', 'editors', 'fixtures', 'draft.md');
const fixtureUri = pathToFileURL(fixture).href;
const allowMissing = process.env.COPYDESK_ALLOW_MISSING_SERVER === '1';
const resolved = resolveServer({ configuredPath: binSetting, extensionPath: root, workspaceFolder: root });
const TIMEOUT = 20_000;

function waitFor<T>(what: string, ms: number, register: (done: (v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    register((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

function code(d: Diagnostic): string {
  return d.code === undefined ? '' : String(d.code);
}

describe('copydesk lsp over stdio', { skip: !resolved.ok && allowMissing ? `no server binary at ${binSetting}` : false }, () => {
  let proc: ChildProcess;
  let conn: MessageConnection;
  let init: InitializeResult;
  let stderr = '';
  let settings: CopydeskSettings = buildSettings((k) => ({ 'dates.articleDate': '2023-03-20' } as Record<string, unknown>)[k]);
  const configRequests: ConfigurationParams[] = [];
  const publishes: PublishDiagnosticsParams[] = [];
  const listeners: Array<(p: PublishDiagnosticsParams) => void> = [];
  let exitCode: number | null | undefined;
  let markExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (markExited = resolve));

  before(() => {
      if (!resolved.ok) {
        throw new Error(`${resolved.message} (set COPYDESK_BIN; tried ${resolved.tried.join(', ')})`);
      }
      proc = spawn(resolved.path, serverArgs('info'), { stdio: ['pipe', 'pipe', 'pipe'] });
      proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      proc.on('exit', (c) => {
        exitCode = c;
        markExited();
      });
      conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
      // The same function the extension's configuration middleware uses; non-copydesk sections get null.
      conn.onRequest('workspace/configuration', (p: ConfigurationParams) => {
        configRequests.push(p);
        return answerConfiguration(p.items, () => settings, () => Promise.resolve(p.items.map(() => null)));
      });
      conn.onRequest('client/registerCapability', () => null);
      conn.onRequest('client/unregisterCapability', () => null);
      conn.onRequest('window/workDoneProgress/create', () => null);
      conn.onRequest('workspace/diagnostic/refresh', () => null);
      conn.onRequest('workspace/inlayHint/refresh', () => null);
      conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        publishes.push(p);
        for (const l of listeners.splice(0)) {
          l(p);
        }
      });
      conn.listen();
  });

  after(() => {
    if (proc && exitCode === undefined) {
      proc.kill();
    }
    conn?.dispose();
    if (stderr.trim() !== '') {
      // Shown by node --test only on failure-worthy runs; handy when debugging.
      process.stdout.write(`server stderr (last 2000 chars):\n${stderr.slice(-2000)}\n`);
    }
  });

  function nextPublish(pred: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    const already = publishes.filter(pred).at(-1);
    if (already) {
      return Promise.resolve(already);
    }
    return waitFor(what, TIMEOUT, (done) => {
      const l = (p: PublishDiagnosticsParams): void => {
        if (pred(p)) {
          done(p);
        } else {
          listeners.push(l);
        }
      };
      listeners.push(l);
    });
  }

  it('initializes with the capabilities the extension relies on', { timeout: TIMEOUT }, async () => {
    init = await conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'copydesk-vscode-test', version: '0.1.0' },
      rootUri: pathToFileURL(path.dirname(fixture)).href,
      workspaceFolders: [{ uri: pathToFileURL(path.dirname(fixture)).href, name: 'fixtures' }],
      initializationOptions: settings,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            dataSupport: true,
          },
        },
      },
    });
    const caps = init.capabilities;
    assert.ok(caps.textDocumentSync !== undefined, 'textDocumentSync');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    assert.ok(caps.codeActionProvider, 'codeActionProvider');
    const cmds = caps.executeCommandProvider?.commands ?? [];
    assert.ok(cmds.includes('copydesk.explainRule'), `executeCommand lists copydesk.explainRule: ${cmds.join(', ')}`);
    await conn.sendNotification('initialized', {});
  });

  it('publishes quote diagnostics for a draft', { timeout: TIMEOUT }, async () => {
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fixtureUri, languageId: 'markdown', version: 1, text: fs.readFileSync(fixture, 'utf8') },
    });
    const p = await nextPublish(
      (x) => x.uri === fixtureUri && x.diagnostics.some((d) => code(d) === 'quote.unattributed'),
      'quote.unattributed on the fixture',
    );
    const found = p.diagnostics.map((d) => `${code(d)}@${d.range.start.line + 1}`);
    process.stdout.write(`diagnostics: ${found.join(' ')}\n`);
    const unattributed = p.diagnostics.find((d) => code(d) === 'quote.unattributed');
    assert.equal(unattributed?.range.start.line, 6, `quote.unattributed on line 7: ${found.join(' ')}`);
    assert.equal(unattributed?.source, 'copydesk');
    const unbalanced = p.diagnostics.find((d) => code(d) === 'quote.unbalanced');
    assert.equal(unbalanced?.range.start.line, 4, `quote.unbalanced on line 5: ${found.join(' ')}`);
  });

  it('explains a rule through copydesk.explainRule', { timeout: TIMEOUT }, async () => {
    const md: unknown = await conn.sendRequest('workspace/executeCommand', {
      command: 'copydesk.explainRule',
      arguments: ['quote.unattributed'],
    });
    assert.equal(typeof md, 'string');
    assert.ok((md as string).trim().length > 0, 'non-empty explanation');
  });

  it('follows a settings change sent as the extension does; copydesk.toml still wins', { timeout: TIMEOUT }, async () => {
    // tests/editors/fixtures/copydesk.toml sets quote.unbalanced = "warning": turning it off here must not win.
    settings = buildSettings(
      (k) => ({ rules: { 'quote.unattributed': 'off', 'quote.unbalanced': 'off' } } as Record<string, unknown>)[k],
    );
    publishes.length = 0;
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: { copydesk: settings } });
    const p = await nextPublish(
      (x) => x.uri === fixtureUri && !x.diagnostics.some((d) => code(d) === 'quote.unattributed'),
      'a publish without quote.unattributed after turning it off',
    );
    const found = p.diagnostics.map((d) => `${code(d)}@${d.range.start.line + 1}`);
    assert.ok(p.diagnostics.some((d) => code(d) === 'quote.unbalanced'),
      `quote.unbalanced stays (copydesk.toml wins over the editor setting): ${found.join(' ')}`);
  });

  it('shuts down and exits cleanly', { timeout: TIMEOUT }, async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await waitFor<void>('server exit', 5000, (done) => void exited.then(done));
    assert.equal(exitCode, 0, `exit code ${String(exitCode)}`);
  });
});
