// VS Code client for the copydesk language server.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { answerConfiguration, buildSettings, type CopydeskSettings, RESTART_SETTINGS, serverArgs } from './config';
import { INSTALL_URL, resolveServer } from './resolve';
import { ExplainContentProvider, EXPLAIN_SCHEME, explainUri } from './explain';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('copydesk');

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let extensionPath = '';
const explainProvider = new ExplainContentProvider();

function settingsFor(scope?: vscode.Uri): CopydeskSettings {
  const cfg = vscode.workspace.getConfiguration('copydesk', scope ?? null);
  const problems: string[] = [];
  const settings = buildSettings((key) => cfg.get(key), problems);
  for (const p of problems) {
    output?.appendLine(`[settings] ignored: ${p}`);
  }
  return settings;
}

type StatusKind = 'starting' | 'running' | 'stopped' | 'error';

function setStatus(kind: StatusKind, detail?: string): void {
  const icons: Record<StatusKind, string> = {
    starting: '$(sync~spin)',
    running: '$(check)',
    stopped: '$(circle-slash)',
    error: '$(error)',
  };
  status.text = `${icons[kind]} copydesk`;
  status.tooltip = `copydesk language server: ${kind}${detail ? ` — ${detail}` : ''}\nClick to show the output.`;
  status.backgroundColor = kind === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

async function startClient(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const cfg = vscode.workspace.getConfiguration('copydesk');
  if (cfg.get<boolean>('enable') === false) {
    setStatus('stopped', 'disabled by the copydesk.enable setting');
    output.appendLine('[client] copydesk.enable is off: the server is not started');
    return;
  }
  const resolved = resolveServer({
    configuredPath: cfg.get<string>('path'),
    extensionPath,
    workspaceFolder: folder,
  });
  if (!resolved.ok) {
    setStatus('error', 'server not found');
    output.appendLine(`[client] ${resolved.message}`);
    output.appendLine(`[client] looked for: ${resolved.tried.join(', ')}`);
    void vscode.window
      .showErrorMessage(resolved.message, 'Install instructions', 'Open settings', 'Show output')
      .then((choice) => {
        if (choice === 'Install instructions') {
          void vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
        } else if (choice === 'Open settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
        } else if (choice === 'Show output') {
          output.show(true);
        }
      });
    return;
  }
  output.appendLine(`[client] using ${resolved.path} (from ${resolved.source})`);
  if (resolved.warning !== undefined) {
    output.appendLine(`[client] ${resolved.warning}`);
    void vscode.window.showWarningMessage(`copydesk: ${resolved.warning}`, 'Open settings').then((choice) => {
      if (choice === 'Open settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
      }
    });
  }

  const initial = settingsFor();
  const executable = { command: resolved.path, args: serverArgs(initial.logLevel), transport: TransportKind.stdio } as const;
  const serverOptions: ServerOptions = { run: executable, debug: executable };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: () => settingsFor(),
    synchronize: { configurationSection: 'copydesk' },
    middleware: {
      workspace: {
        // The server asks for section `copydesk` (or a part of it): answer with the nested object.
        configuration: (params, token, next) =>
          answerConfiguration(
            params.items,
            (scopeUri) => settingsFor(scopeUri ? vscode.Uri.parse(scopeUri) : undefined),
            async () => next(params, token),
          ),
        // Push the same nested object on every change, instead of VS Code's raw settings tree.
        didChangeConfiguration: async () => {
          if (client?.isRunning()) {
            await client.sendNotification(DidChangeConfigurationNotification.type, {
              settings: { copydesk: settingsFor() },
            });
          }
        },
      },
    },
  };

  client = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Starting) {
      setStatus('starting');
    } else if (e.newState === State.Running) {
      setStatus('running', resolved.path);
    } else {
      setStatus('stopped');
    }
  });
  setStatus('starting');
  try {
    await client.start();
  } catch (err) {
    setStatus('error', String(err));
    output.appendLine(`[client] failed to start ${resolved.path}: ${String(err)}`);
    void vscode.window.showErrorMessage(`copydesk: the language server failed to start (${String(err)}).`, 'Show output')
      .then((c) => c && output.show(true));
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (err) {
      output.appendLine(`[client] stop: ${String(err)}`);
    }
    await c.dispose().catch(() => undefined);
  }
}

async function restart(): Promise<void> {
  setStatus('starting', 'restarting');
  await stopClient();
  await startClient();
}

async function fixAllInFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('copydesk: open a Markdown draft first.');
    return;
  }
  const doc = editor.document;
  const full = new vscode.Range(doc.lineAt(0).range.start, doc.lineAt(doc.lineCount - 1).range.end);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      full,
      FIX_ALL_KIND.value,
    )) ?? [];
  const mine = actions.filter((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (mine.length === 0) {
    void vscode.window.setStatusBarMessage('copydesk: nothing to fix in this file', 3000);
    return;
  }
  for (const action of mine) {
    if (action.edit) {
      await vscode.workspace.applyEdit(action.edit);
    }
    if (action.command) {
      const args: unknown[] = action.command.arguments ?? [];
      await vscode.commands.executeCommand(action.command.command, ...args);
    }
  }
}

async function explainRuleAtCursor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return;
  }
  const pos = editor.selection.active;
  const ids = [
    ...new Set(
      vscode.languages
        .getDiagnostics(editor.document.uri)
        .filter((d) => d.source === 'copydesk' && d.range.contains(pos))
        .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')))
        .filter((c) => c !== ''),
    ),
  ];
  if (ids.length === 0) {
    void vscode.window.showInformationMessage('copydesk: no copydesk diagnostic under the cursor.');
    return;
  }
  const ruleId = ids.length === 1 ? ids[0] : await vscode.window.showQuickPick(ids, { placeHolder: 'Which rule?' });
  if (!ruleId) {
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('copydesk: the language server is not running.');
    return;
  }
  const markdown: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
    command: 'copydesk.explainRule',
    // The draft's URI: the server cites the style point of the draft's preset.
    arguments: [ruleId, editor.document.uri.toString()],
  });
  const text = typeof markdown === 'string' && markdown.trim() !== '' ? markdown : `No explanation available for \`${ruleId}\`.`;
  const uri = explainUri(ruleId);
  explainProvider.set(uri, text);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('copydesk');
  status = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'copydesk';
  status.command = 'copydesk.showOutput';
  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explainProvider),
    vscode.commands.registerCommand('copydesk.restartServer', restart),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.fixAllInFile', fixAllInFile),
    vscode.commands.registerCommand('copydesk.explainRuleAtCursor', explainRuleAtCursor),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('copydesk.enable')) {
        // Start or stop at once: nothing to ask.
        void restart();
      } else if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        void vscode.window
          .showInformationMessage('copydesk: restart the server to apply the new setting.', 'Restart')
          .then((c) => c && restart());
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
