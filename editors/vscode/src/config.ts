// Builds the `copydesk` settings object the server expects from VS Code's flat settings.
// No `vscode` import here, so the Node tests can exercise it directly.

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
/** The server's newsroom presets (`copydesk_core::presets::NAMES`). */
export const PRESETS: readonly string[] = ['ap', 'reuters', 'guardian', 'bbc'];

/** The shape sent under the `copydesk` section (workspace/configuration and initializationOptions). */
export interface CopydeskSettings {
  /** A newsroom preset; absent when none is set. */
  preset?: string;
  rules: Record<string, Severity>;
  names: { prefer: string[]; accept: string[]; acrossDrafts?: boolean };
  /** What rename on a person's name respells; absent for the server's default (workspace). */
  renameScope?: 'workspace' | 'draft';
  dates: { articleDate?: string; acceptWeekdaysWithinWeek: boolean };
  inlayHints: { dates: boolean };
  delayMs: number;
  logLevel: LogLevel;
}

/** Reads one setting below `copydesk.` (e.g. `names.prefer`); VS Code's WorkspaceConfiguration.get fits. */
export type SettingGetter = (key: string) => unknown;

/** Setting keys (below `copydesk.`) that become part of the server settings. */
export const SERVER_SETTING_KEYS = [
  'preset',
  'rules',
  'names.prefer',
  'names.accept',
  'names.acrossDrafts',
  'renameScope',
  'dates.articleDate',
  'dates.acceptWeekdaysWithinWeek',
  'inlayHints.dates',
  'delayMs',
  'logLevel',
] as const;

const ARTICLE_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function stringList(v: unknown): string[] {
  if (!Array.isArray(v)) {
    return [];
  }
  const out: string[] = [];
  for (const x of v) {
    if (typeof x === 'string' && x.trim() !== '' && !out.includes(x.trim())) {
      out.push(x.trim());
    }
  }
  return out;
}

/**
 * Builds the nested settings object. Invalid values are dropped (and reported through
 * `problems`) instead of being sent, so a typo in settings.json never breaks the server.
 */
export function buildSettings(get: SettingGetter, problems: string[] = []): CopydeskSettings {
  const rules: Record<string, Severity> = {};
  const rawRules = get('rules');
  if (rawRules !== undefined && rawRules !== null) {
    if (typeof rawRules !== 'object' || Array.isArray(rawRules)) {
      problems.push('copydesk.rules must be an object of rule id → severity');
    } else {
      for (const [rule, sev] of Object.entries(rawRules as Record<string, unknown>)) {
        const s = typeof sev === 'string' ? sev.toLowerCase() : sev;
        if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) {
          rules[rule] = s as Severity;
        } else {
          problems.push(`copydesk.rules["${rule}"]: "${String(sev)}" is not one of ${SEVERITIES.join(', ')}`);
        }
      }
    }
  }

  const dates: CopydeskSettings['dates'] = {
    acceptWeekdaysWithinWeek: get('dates.acceptWeekdaysWithinWeek') === true,
  };
  const articleDate = get('dates.articleDate');
  if (typeof articleDate === 'string' && articleDate.trim() !== '') {
    if (ARTICLE_DATE.test(articleDate.trim())) {
      dates.articleDate = articleDate.trim();
    } else {
      problems.push(`copydesk.dates.articleDate: "${articleDate}" is not a YYYY-MM-DD date`);
    }
  }

  let preset: string | undefined;
  const rawPreset = get('preset');
  if (typeof rawPreset === 'string' && rawPreset.trim() !== '') {
    const name = rawPreset.trim().toLowerCase();
    if (PRESETS.includes(name)) {
      preset = name;
    } else {
      problems.push(`copydesk.preset: "${rawPreset}" is not one of ${PRESETS.join(', ')}`);
    }
  } else if (rawPreset !== undefined && rawPreset !== null && rawPreset !== '') {
    problems.push(`copydesk.preset: ${JSON.stringify(rawPreset)} is not a preset name`);
  }

  const rawScope = get('renameScope');
  let renameScope: 'workspace' | 'draft' | undefined;
  if (rawScope === 'workspace' || rawScope === 'draft') {
    renameScope = rawScope;
  } else if (rawScope !== undefined && rawScope !== null && rawScope !== '') {
    problems.push(`copydesk.renameScope: ${JSON.stringify(rawScope)} is not "workspace" or "draft"`);
  }
  const acrossDrafts = get('names.acrossDrafts');

  let delayMs = 0;
  const rawDelay = get('delayMs');
  if (typeof rawDelay === 'number' && Number.isFinite(rawDelay) && rawDelay >= 0) {
    delayMs = Math.min(Math.round(rawDelay), 10000);
  } else if (rawDelay !== undefined && rawDelay !== null) {
    problems.push(`copydesk.delayMs: ${JSON.stringify(rawDelay)} is not a non-negative number`);
  }

  const rawLevel = get('logLevel');
  const logLevel: LogLevel =
    typeof rawLevel === 'string' && (LOG_LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as LogLevel) : 'info';

  return {
    ...(preset === undefined ? {} : { preset }),
    rules,
    names: {
      prefer: stringList(get('names.prefer')),
      accept: stringList(get('names.accept')),
      ...(typeof acrossDrafts === 'boolean' ? { acrossDrafts } : {}),
    },
    ...(renameScope === undefined ? {} : { renameScope }),
    dates,
    inlayHints: { dates: get('inlayHints.dates') === true },
    delayMs,
    logLevel,
  };
}

/**
 * Answers one `workspace/configuration` item. `section` may be `copydesk` (the whole object),
 * a sub-path such as `copydesk.names`, or absent (then the whole settings tree `{copydesk: …}`).
 * Returns `undefined` for sections that are not copydesk's, so the caller can defer to the default.
 */
export function configurationItemValue(section: string | undefined, settings: CopydeskSettings): unknown {
  if (section === undefined || section === '') {
    return { copydesk: settings };
  }
  if (section === 'copydesk') {
    return settings;
  }
  if (!section.startsWith('copydesk.')) {
    return undefined;
  }
  const rest = section.slice('copydesk.'.length);
  // Rule ids contain dots: `copydesk.rules.quote.scare` is the rule `quote.scare`.
  if (rest.startsWith('rules.')) {
    return settings.rules[rest.slice('rules.'.length)] ?? null;
  }
  let cur: unknown = settings;
  for (const part of rest.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in cur)) {
      return null;
    }
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Server arguments for `copydesk lsp`. */
export function serverArgs(logLevel: LogLevel): string[] {
  return ['lsp', '--log-level', logLevel];
}

/** True when a configuration change event touches a setting that needs a server restart. */
export const RESTART_SETTINGS = ['copydesk.path', 'copydesk.logLevel'] as const;

export interface ConfigurationItemLike {
  scopeUri?: string;
  section?: string;
}

/**
 * Answers a whole `workspace/configuration` request: copydesk sections from `settingsFor(scopeUri)`,
 * anything else from `delegate` (VS Code's default handler), called at most once.
 */
export async function answerConfiguration(
  items: readonly ConfigurationItemLike[],
  settingsFor: (scopeUri: string | undefined) => CopydeskSettings,
  delegate: () => Promise<unknown>,
): Promise<unknown[]> {
  const results: unknown[] = [];
  let delegated: unknown;
  let asked = false;
  for (let i = 0; i < items.length; i++) {
    const value = configurationItemValue(items[i].section, settingsFor(items[i].scopeUri));
    if (value === undefined) {
      if (!asked) {
        asked = true;
        delegated = await delegate();
      }
      results.push(Array.isArray(delegated) ? (delegated[i] as unknown) : null);
    } else {
      results.push(value);
    }
  }
  return results;
}
