-- nvim_test.lua -- headless Neovim 0.11 test of editors/nvim/lsp/copydesk.lua against the real server.
-- Run by nvim_test.sh, which sets:
--   CDT_RTP      editors/nvim (put on 'runtimepath', so vim.lsp.config finds lsp/copydesk.lua)
--   CDT_FILE     the draft to open (tests/editors/fixtures/draft.md)
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

  -- 7. Clean shutdown, as on :qa.
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
