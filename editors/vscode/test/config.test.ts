import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { answerConfiguration, buildSettings, configurationItemValue, serverArgs } from '../src/config';

// A stand-in for vscode.WorkspaceConfiguration.get over `copydesk.*` keys.
function getter(values: Record<string, unknown>): (key: string) => unknown {
  return (key) => values[key];
}

describe('buildSettings', () => {
  it('nests the flat VS Code settings into the server shape', () => {
    const s = buildSettings(
      getter({
        rules: { 'quote.unattributed': 'warning', 'quote.scare': 'off' },
        'names.prefer': ['Zelenskiy', 'Kyiv'],
        'names.accept': ['Kovalenko'],
        'dates.articleDate': '2023-03-20',
        'dates.acceptWeekdaysWithinWeek': false,
        'inlayHints.dates': true,
        delayMs: 250,
        logLevel: 'debug',
      }),
    );
    assert.deepEqual(s, {
      rules: { 'quote.unattributed': 'warning', 'quote.scare': 'off' },
      names: { prefer: ['Zelenskiy', 'Kyiv'], accept: ['Kovalenko'] },
      dates: { articleDate: '2023-03-20', acceptWeekdaysWithinWeek: false },
      inlayHints: { dates: true },
      delayMs: 250,
      logLevel: 'debug',
    });
  });

  it('fills defaults when nothing is set and omits an empty article date', () => {
    assert.deepEqual(buildSettings(getter({})), {
      rules: {},
      names: { prefer: [], accept: [] },
      dates: { acceptWeekdaysWithinWeek: false },
      inlayHints: { dates: false },
      delayMs: 0,
      logLevel: 'info',
    });
    assert.equal('articleDate' in buildSettings(getter({ 'dates.articleDate': '' })).dates, false);
  });

  it('drops invalid values and reports them', () => {
    const problems: string[] = [];
    const s = buildSettings(
      getter({
        rules: { 'quote.unattributed': 'Warning', 'date.vague': 'loud' },
        'dates.articleDate': '20/03/2023',
        delayMs: -5,
        logLevel: 'verbose',
        'names.prefer': ['Kyiv', ' Kyiv ', '', 42],
      }),
      problems,
    );
    assert.deepEqual(s.rules, { 'quote.unattributed': 'warning' });
    assert.equal(s.dates.articleDate, undefined);
    assert.equal(s.delayMs, 0);
    assert.equal(s.logLevel, 'info');
    assert.deepEqual(s.names.prefer, ['Kyiv']);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /date\.vague/);
    assert.match(problems.join('\n'), /articleDate/);
  });
});

describe('names across drafts and rename scope', () => {
  it('are sent when set, and left out otherwise', () => {
    const s = buildSettings(getter({ 'names.acrossDrafts': false, renameScope: 'draft' }));
    assert.equal(s.names.acrossDrafts, false);
    assert.equal(s.renameScope, 'draft');
    const d = buildSettings(getter({}));
    assert.equal('acrossDrafts' in d.names, false);
    assert.equal('renameScope' in d, false);
  });

  it('drops an unknown rename scope and reports it', () => {
    const problems: string[] = [];
    const s = buildSettings(getter({ renameScope: 'desk' }), problems);
    assert.equal('renameScope' in s, false);
    assert.equal(problems.length, 1);
  });
});

describe('preset', () => {
  it('is sent when set to a known preset, and left out otherwise', () => {
    assert.equal(buildSettings(getter({ preset: 'ap' })).preset, 'ap');
    assert.equal(buildSettings(getter({ preset: ' Guardian ' })).preset, 'guardian');
    assert.equal('preset' in buildSettings(getter({ preset: '' })), false);
    assert.equal('preset' in buildSettings(getter({})), false);
    assert.equal(configurationItemValue('copydesk.preset', buildSettings(getter({ preset: 'bbc' }))), 'bbc');
  });

  it('drops an unknown preset and reports it', () => {
    const problems: string[] = [];
    const s = buildSettings(getter({ preset: 'nyt' }), problems);
    assert.equal('preset' in s, false);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /copydesk\.preset: "nyt" is not one of ap, reuters, guardian, bbc/);
  });
});

describe('configurationItemValue', () => {
  const s = buildSettings(getter({ rules: { 'quote.scare': 'off' }, 'names.prefer': ['Kyiv'] }));
  it('answers the copydesk section and its parts', () => {
    assert.deepEqual(configurationItemValue('copydesk', s), s);
    assert.deepEqual(configurationItemValue('copydesk.names', s), { prefer: ['Kyiv'], accept: [] });
    assert.deepEqual(configurationItemValue('copydesk.names.prefer', s), ['Kyiv']);
    assert.equal(configurationItemValue('copydesk.rules.quote.scare', s), 'off');
    assert.equal(configurationItemValue('copydesk.rules.quote.unattributed', s), null);
    assert.equal(configurationItemValue('copydesk.nope', s), null);
    assert.deepEqual(configurationItemValue(undefined, s), { copydesk: s });
  });
  it('leaves other sections to the default handler', () => {
    assert.equal(configurationItemValue('editor', s), undefined);
    assert.equal(configurationItemValue('copydeskx', s), undefined);
  });
});

describe('serverArgs', () => {
  it('starts the lsp subcommand with the log level', () => {
    assert.deepEqual(serverArgs('warn'), ['lsp', '--log-level', 'warn']);
  });
});

describe('answerConfiguration', () => {
  it('answers copydesk items per scope and delegates the rest once', async () => {
    const scopes: Array<string | undefined> = [];
    let delegations = 0;
    const res = await answerConfiguration(
      [{ section: 'copydesk', scopeUri: 'file:///a' }, { section: 'editor' }, { section: 'copydesk.delayMs' }, { section: 'files' }],
      (scope) => {
        scopes.push(scope);
        return buildSettings(getter({ delayMs: scope ? 100 : 5 }));
      },
      () => {
        delegations++;
        return Promise.resolve([null, { tabSize: 4 }, null, { eol: '\n' }]);
      },
    );
    assert.equal(delegations, 1);
    assert.deepEqual(scopes, ['file:///a', undefined, undefined, undefined]);
    assert.equal((res[0] as { delayMs: number }).delayMs, 100);
    assert.deepEqual(res.slice(1), [{ tabSize: 4 }, 5, { eol: '\n' }]);
  });
});
