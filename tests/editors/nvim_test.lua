-- nvim_test.lua -- headless Neovim 0.11 test of editors/nvim/lsp/copydesk.lua against the real server.
-- Run by nvim_test.sh, which sets:
--   CDT_RTP      editors/nvim (put on 'runtimepath', so vim.lsp.config finds lsp/copydesk.lua)
--   CDT_FILE     the draft to open (tests/editors/fixtures/draft.md)
--   CDT_STORY    the real draft of the second part (tests/editors/fixtures/story.md)
--   CDT_TIMEOUT  ms to wait for the server (default 15000)
-- and puts the copydesk binary first on PATH, so the shipped cmd {'copydesk', 'lsp'} is used as is.
-- Prints "PASS name" / "FAIL name: detail" lines on stdout and exits with the number of failures.

local uv = vim.uv
local timeout = tonumber(vim.env.CDT_TIMEOUT or '') or 15000
local failures, passes, skips = 0, 0, 0
-- Rules the server lists in `copydesk rules` (set by nvim_test.sh): checks of rules still being
-- built are skipped, not failed.
local RULES = {}
for r in (vim.env.CDT_RULES or ''):gmatch('[^,]+') do
  RULES[r] = true
end

local function say(s)
  io.stdout:write(s, '\n')
  io.stdout:flush()
end

local function check(name, ok, detail)
  if ok then
    passes = passes + 1
    say('PASS ' .. name)
  else
    failures = failures + 1
    say('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end

local function skip(name, reason)
  skips = skips + 1
  say('SKIP ' .. name .. ': ' .. reason)
end

local function finish()
  say(string.format('nvim: %d passed, %d failed, %d skipped', passes, failures, skips))
  vim.cmd(failures == 0 and 'qall!' or ('cquit! ' .. math.min(failures, 100)))
end

local function fatal(name, detail)
  check(name, false, detail)
  finish()
end

local function fmt_diags(diags)
  local parts = {}
  for _, d in ipairs(diags) do
    table.insert(parts, string.format('%s@%d:%d', tostring(d.code), d.lnum + 1, d.col + 1))
  end
  return table.concat(parts, ' ')
end

local function find_diag(bufnr, code, line)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if tostring(d.code) == code and d.lnum + 1 == line then
      return d
    end
  end
end

-- Quick fixes the test knows how to check: the first offered title matching `title` (a Lua
-- pattern, case-insensitive) is applied, and line `line` must then read exactly `expect`.
local KNOWN_FIXES = {
  {
    diag = 'quote.unbalanced',
    line = 5,
    title = 'clos', -- e.g. "Add closing quotation mark" / "Close the quote"
    expect = 'The mayor left before the vote. He said “we will win.”',
  },
}

-- Every vim.notify, recorded (and echoed as a comment line).
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = tostring(msg), level = level })
  say('# notify: ' .. tostring(msg):gsub('\n', ' | '))
end

local function notes_matching(pattern)
  local out = {}
  for _, n in ipairs(notes) do
    if n.msg:find(pattern) then
      table.insert(out, n)
    end
  end
  return out
end

local function line_of(bufnr, line)
  return vim.api.nvim_buf_get_lines(bufnr, line - 1, line, false)[1] or ''
end

--- 0-based byte column of the first `word` on 1-based `line`.
local function col_of(bufnr, line, word)
  local at = line_of(bufnr, line):find(word, 1, true)
  return at and at - 1 or -1
end

local function wait_diag(bufnr, code, line, col, ms)
  local d
  vim.wait(ms or timeout, function()
    d = find_diag(bufnr, code, line)
    return d ~= nil and (col == nil or d.col == col)
  end, 10)
  return d
end

local function hover_text(client, bufnr)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local res = client:request_sync('textDocument/hover', params, 5000, bufnr)
  local c = res and res.result and res.result.contents
  if type(c) == 'string' then
    return c
  elseif type(c) == 'table' and c.value then
    return c.value
  end
  return ''
end

--- Part two: a real draft (tests/editors/fixtures/story.md), as a journalist works on it.
local function real_draft(client)
  vim.cmd.edit(vim.fn.fnameescape(vim.fn.fnamemodify(vim.env.CDT_STORY, ':p')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.wait(timeout, function()
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'copydesk' })[1] ~= nil
  end, 10)
  check('story: the same client attaches to a second draft',
    vim.lsp.get_clients({ bufnr = bufnr, name = 'copydesk' })[1] == client)

  -- Diagnostics with columns: byte columns, after the multibyte Львів on line 7.
  local want = col_of(bufnr, 7, 'Shmygal')
  local d = wait_diag(bufnr, 'name.misspelled', 7, want)
  say('# story diagnostics: ' .. fmt_diags(vim.diagnostic.get(bufnr)))
  check('story: name.misspelled on line 7 at the byte column of "Shmygal" (after Львів)',
    d ~= nil and d.col == want and d.end_col == want + #'Shmygal',
    d and string.format('col %d-%d, want %d-%d', d.col, d.end_col, want, want + #'Shmygal') or fmt_diags(vim.diagnostic.get(bufnr)))
  check('story: no quote.style finding with the default rules', #vim.tbl_filter(function(x)
    return tostring(x.code) == 'quote.style'
  end, vim.diagnostic.get(bufnr)) == 0)

  -- Multibyte edit before the finding: it moves by the inserted bytes, on the same word.
  vim.api.nvim_buf_set_text(bufnr, 6, 0, 6, 0, { 'У Києві — ' })
  local moved = col_of(bufnr, 7, 'Shmygal')
  d = wait_diag(bufnr, 'name.misspelled', 7, moved)
  check('story: after inserting "У Києві — " the finding moves to byte column ' .. moved,
    d ~= nil and d.col == moved, d and ('col ' .. d.col) or fmt_diags(vim.diagnostic.get(bufnr)))

  -- The spelling fix, through vim.lsp.buf.code_action with the menu answered here.
  vim.api.nvim_win_set_cursor(0, { 7, moved })
  local titles, picked = {}, nil
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local a = item.action or item
      titles[i] = a.title
      if not picked and a.title:find('Shmyhal', 1, true) then
        picked = i
      end
    end
    on_choice(picked and items[picked] or nil, picked)
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action({ context = { only = { 'quickfix' } } })
  vim.wait(5000, function()
    return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick
  end, 10)
  say('# story actions on line 7: ' .. vim.inspect(titles))
  check('story: the spelling fix gives "Shmyhal disagreed."',
    line_of(bufnr, 7) == 'У Києві — Later, in Львів, Zelenskiy said the army was ready. Shmyhal disagreed.',
    line_of(bufnr, 7))
  vim.wait(timeout, function()
    return find_diag(bufnr, 'name.misspelled', 7) == nil
  end, 10)
  check('story: the misspelling is gone after the fix', find_diag(bufnr, 'name.misspelled', 7) == nil,
    fmt_diags(vim.diagnostic.get(bufnr)))

  -- Hover on a person.
  vim.api.nvim_win_set_cursor(0, { 3, col_of(bufnr, 3, 'Zelenskiy') + 2 })
  local hover = hover_text(client, bufnr)
  say('# story hover: ' .. hover:gsub('\n', ' '):sub(1, 200))
  check('story: hover on Zelenskiy names the person', hover:find('Volodymyr Zelensky', 1, true) ~= nil, hover)

  -- Rename a person's surname everywhere (what `grn` runs, with the name given).
  vim.api.nvim_win_set_cursor(0, { 3, col_of(bufnr, 3, 'Shmyhal') })
  tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.rename('Schmyhal')
  vim.wait(5000, function()
    return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick
  end, 10)
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local _, renamed = text:gsub('Schmyhal', '')
  local _, left = text:gsub('Shmyhal', '')
  check('story: rename respells all three mentions', renamed == 3 and left == 0,
    string.format('%d renamed, %d left', renamed, left))

  -- :CopydeskFixAll with the default rules: no safe fix, and it says so.
  local before = #notes
  vim.cmd('CopydeskFixAll')
  vim.wait(5000, function()
    return #notes > before
  end, 10)
  local said = notes[#notes] and notes[#notes].msg or ''
  check(':CopydeskFixAll says when there is no safe fix', #notes > before and said:find('no safe fix') ~= nil, said)

  -- A settings change takes effect at once, with no edit.
  local settings = vim.deepcopy(client.settings)
  settings.copydesk.rules = { ['quote.style'] = 'warning' }
  client.settings = settings
  local t0 = uv.now()
  client:notify('workspace/didChangeConfiguration', { settings = settings })
  local styled = {}
  vim.wait(timeout, function()
    styled = vim.tbl_filter(function(x)
      return tostring(x.code) == 'quote.style'
    end, vim.diagnostic.get(bufnr))
    return #styled == 4
  end, 5)
  local took = uv.now() - t0
  say(string.format('# story: quote.style shown %d ms after the settings change', took))
  check('story: a settings change shows within a second, without an edit', #styled == 4 and took < 1000,
    string.format('%d findings after %d ms', #styled, took))

  -- :CopydeskFixAll now applies every safe fix (the quote marks).
  before = #notes
  vim.cmd('CopydeskFixAll')
  vim.wait(5000, function()
    return #notes > before
  end, 10)
  said = notes[#notes] and notes[#notes].msg or ''
  check(':CopydeskFixAll applies every safe fix', line_of(bufnr, 9)
    == 'Olena Kovalenko, a teacher, said “the city is calm” and “the shops are open.”', line_of(bufnr, 9))
  check(':CopydeskFixAll says how many fixes it applied', said:find('applied 4 safe fixes', 1, true) ~= nil, said)
  vim.wait(timeout, function()
    return #vim.tbl_filter(function(x)
      return tostring(x.code) == 'quote.style'
    end, vim.diagnostic.get(bufnr)) == 0
  end, 10)
  check('story: the fixed marks are no longer reported', #vim.tbl_filter(function(x)
    return tostring(x.code) == 'quote.style'
  end, vim.diagnostic.get(bufnr)) == 0, fmt_diags(vim.diagnostic.get(bufnr)))
end

local function main()
  -- 1. The shipped config, found on 'runtimepath' the way Neovim 0.11 resolves lsp/<name>.lua.
  vim.opt.runtimepath:prepend(vim.env.CDT_RTP)
  local cfg = vim.lsp.config.copydesk
  check('config: lsp/copydesk.lua is found on runtimepath', cfg ~= nil)
  if not cfg then
    return finish()
  end
  check('config: cmd is {copydesk, lsp}', vim.deep_equal(cfg.cmd, { 'copydesk', 'lsp' }), vim.inspect(cfg.cmd))
  check('config: filetypes', vim.deep_equal(cfg.filetypes, { 'markdown' }), vim.inspect(cfg.filetypes))
  check('config: root_markers', vim.deep_equal(cfg.root_markers, { 'copydesk.toml', '.git' }), vim.inspect(cfg.root_markers))
  check('config: settings.copydesk.rules encodes as a JSON object',
    vim.json.encode(cfg.settings.copydesk.rules) == '{}', vim.json.encode(cfg.settings.copydesk.rules))

  -- Record what the server sends, and answer nothing differently from stock Neovim.
  local exited = nil
  vim.lsp.config('copydesk', {
    settings = { copydesk = { dates = { articleDate = '2023-03-20' } } },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  vim.lsp.enable('copydesk')

  -- 1b. No copydesk on PATH: one warning with the install command, however many drafts open.
  local path = vim.env.PATH
  vim.env.PATH = '/nonexistent'
  for _ = 1, 2 do
    vim.cmd.edit(vim.fn.fnameescape(vim.fn.tempname() .. '.md'))
  end
  vim.wait(300, function() return false end, 20)
  local missing = notes_matching('cargo install copydesk')
  check('without copydesk on PATH: warned once, with the install command', #missing == 1,
    #missing .. ' warnings: ' .. vim.inspect(notes))
  check('without copydesk on PATH: the warning is a WARN', missing[1] ~= nil and missing[1].level == vim.log.levels.WARN)
  check('without copydesk on PATH: nothing is started', #vim.lsp.get_clients({ name = 'copydesk' }) == 0)
  vim.env.PATH = path

  -- 2. Open the draft as a user would: :edit -> FileType markdown -> attach.
  local file = vim.fn.fnamemodify(vim.env.CDT_FILE, ':p')
  vim.cmd.edit(vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  check('buffer filetype is markdown', vim.bo[bufnr].filetype == 'markdown', vim.bo[bufnr].filetype)

  local client
  vim.wait(timeout, function()
    client = vim.lsp.get_clients({ bufnr = bufnr, name = 'copydesk' })[1]
    return (client ~= nil and client.initialized) or exited ~= nil
  end, 20)
  if not check('client attaches and initializes', client ~= nil and client.initialized,
      exited and ('server exited with ' .. tostring(exited.code)) or 'timeout') then
    return finish()
  end
  local expected_root = vim.fs.dirname(file) -- tests/editors/fixtures holds a copydesk.toml
  check('root_dir is the folder with copydesk.toml', client.root_dir == expected_root,
    tostring(client.root_dir) .. ' vs ' .. tostring(expected_root))
  check('settings carry the user override merged over the defaults',
    client.settings.copydesk.dates.articleDate == '2023-03-20' and client.settings.copydesk.logLevel == 'info')
  check('merged settings still send rules as a JSON object', vim.json.encode(client.settings.copydesk.rules) == '{}',
    vim.json.encode(client.settings.copydesk.rules))

  -- 3. Diagnostics: rule code + 1-based line.
  vim.wait(timeout, function()
    return (find_diag(bufnr, 'quote.unbalanced', 5) and (not RULES['quote.unattributed'] or find_diag(bufnr, 'quote.unattributed', 9)))
      or exited ~= nil
  end, 20)
  vim.wait(300, function() return false end, 20) -- let any trailing report land
  local diags = vim.diagnostic.get(bufnr)
  say('# diagnostics: ' .. fmt_diags(diags))
  local unbalanced = find_diag(bufnr, 'quote.unbalanced', 5)
  check('diagnostic quote.unbalanced on line 5', unbalanced ~= nil, fmt_diags(diags))
  local unattributed = find_diag(bufnr, 'quote.unattributed', 9)
  if RULES['quote.unattributed'] then
    check('diagnostic quote.unattributed on line 9', unattributed ~= nil, fmt_diags(diags))
  else
    skip('diagnostic quote.unattributed on line 9', 'the server does not list quote.unattributed yet')
  end
  local all_copydesk = #diags > 0
  for _, d in ipairs(diags) do
    all_copydesk = all_copydesk and d.source == 'copydesk'
  end
  check('every diagnostic has source "copydesk"', all_copydesk, fmt_diags(diags))
  if not unbalanced then
    return finish()
  end

  -- 4. Hover on the unbalanced quote.
  vim.api.nvim_win_set_cursor(0, { unbalanced.lnum + 1, unbalanced.col })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local res, err = client:request_sync('textDocument/hover', params, 5000, bufnr)
  local text = ''
  if res and res.result and res.result.contents then
    local c = res.result.contents
    if type(c) == 'string' then
      text = c
    elseif c.value then
      text = c.value
    else
      for _, item in ipairs(c) do
        text = text .. (type(item) == 'string' and item or item.value or '') .. '\n'
      end
    end
  end
  say('# hover: ' .. text:gsub('\n', ' '):sub(1, 200))
  check('hover returns content', vim.trim(text) ~= '', vim.inspect(err or (res and res.err)))

  -- 5. :CopydeskExplain (from the shipped on_attach) opens a float with the rule's explanation.
  local explain_at = unattributed or unbalanced
  vim.api.nvim_win_set_cursor(0, { explain_at.lnum + 1, explain_at.col })
  local wins_before = #vim.api.nvim_list_wins()
  local ok_cmd, cmd_err = pcall(vim.cmd, 'CopydeskExplain')
  local float_text = ''
  vim.wait(5000, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        float_text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n')
        return true
      end
    end
    return false
  end, 20)
  check(':CopydeskExplain shows the rule explanation', ok_cmd and vim.trim(float_text) ~= '',
    ok_cmd and ('windows ' .. wins_before .. ' float "' .. float_text .. '"') or tostring(cmd_err))
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      vim.api.nvim_win_close(w, true)
    end
  end

  -- 6. Quick fix through vim.lsp.buf.code_action (what `gra` runs), with the menu answered here.
  local fix = KNOWN_FIXES[1]
  local target = find_diag(bufnr, fix.diag, fix.line)
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local titles, chosen = nil, nil
  vim.ui.select = function(items, opts, on_choice)
    titles = {}
    for i, item in ipairs(items) do
      local a = item.action or item
      titles[i] = a.title
      if not chosen and a.title and a.title:lower():find(fix.title) then
        chosen = i
      end
    end
    if chosen then
      on_choice(items[chosen], chosen)
    else
      on_choice(nil, nil)
    end
  end
  local tick0 = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action({ context = { only = { 'quickfix' } } })
  vim.wait(5000, function()
    return titles ~= nil
  end, 20)
  say('# code actions on line ' .. fix.line .. ': ' .. vim.inspect(titles or {}))
  check('code actions are offered for ' .. fix.diag, titles ~= nil and #titles > 0, vim.inspect(titles))
  if check('a known quick fix title (/' .. fix.title .. '/) is offered', chosen ~= nil, vim.inspect(titles)) then
    vim.wait(5000, function()
      return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick0
    end, 20)
    local got = vim.api.nvim_buf_get_lines(bufnr, fix.line - 1, fix.line, false)[1]
    check('applying "' .. titles[chosen] .. '" gives the expected line ' .. fix.line, got == fix.expect,
      string.format('got %q, want %q', got, fix.expect))
    -- Incremental sync: the server re-checks the edited buffer and the diagnostic goes away.
    vim.wait(timeout, function()
      return find_diag(bufnr, fix.diag, fix.line) == nil
    end, 20)
    check('the fixed diagnostic disappears after the edit', find_diag(bufnr, fix.diag, fix.line) == nil,
      fmt_diags(vim.diagnostic.get(bufnr)))
    if RULES['quote.unattributed'] then
      check('other diagnostics remain', find_diag(bufnr, 'quote.unattributed', 9) ~= nil,
        fmt_diags(vim.diagnostic.get(bufnr)))
    end
  end

  -- 7. A real draft.
  real_draft(client)

  -- 8. Clean shutdown, as on :qa.
  client:stop()
  vim.wait(5000, function()
    return exited ~= nil
  end, 20)
  check('server exits with 0 after shutdown/exit', exited ~= nil and exited.code == 0 and exited.signal == 0,
    exited and string.format('code %s signal %s', exited.code, exited.signal) or 'still running after 5 s')
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(main, debug.traceback)
      if not ok then
        fatal('harness', tostring(err))
      end
    end)
  end,
})
