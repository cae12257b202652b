-- copydesk language server for Neovim 0.11+.
--
-- Put this folder on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/copydesk.lua), then:
--
--   vim.lsp.config('copydesk', { settings = { copydesk = { dates = { articleDate = '2023-03-20' } } } })
--   vim.lsp.enable('copydesk')
--
-- Anything passed to vim.lsp.config is merged over the table below. Settings go to the server as
-- workspace configuration (section `copydesk`) and as initializationOptions. The project's
-- copydesk.toml wins over these settings wherever both set the same thing.
--
-- Buffer commands while attached:
--   :CopydeskExplain   explain the copydesk rule of the diagnostic under the cursor (floating window)
--   :CopydeskFixAll    apply every safe copydesk fix in the buffer (source.fixAll.copydesk), or say
--                      that there is none
--
-- If the `copydesk` binary (cmd[1]) cannot be found, Neovim starts nothing; this file tells you so
-- once (vim.notify, with the install command) instead of leaving only a line in lsp.log.

local INSTALL = 'cargo install copydesk'
local ROOT_MARKERS = { 'copydesk.toml', '.git' }
local FILETYPES = { 'markdown' }

--- Neovim skips a config whose cmd is not executable with only a line in lsp.log. Tell the user
--- instead, once per session: when a draft opens while copydesk is enabled and its cmd[1] is
--- not executable. Returns true once warned (which also removes the autocmd below).
local function warn_if_missing()
  if vim.g.copydesk_warned_missing then
    return true
  end
  local enabled = vim.lsp.is_enabled and vim.lsp.is_enabled('copydesk')
    or (vim.lsp._enabled_configs or {}).copydesk ~= nil
  if not enabled then
    return false
  end
  local cmd = (vim.lsp.config.copydesk or {}).cmd
  local exe = type(cmd) == 'table' and cmd[1] or nil
  if exe == nil or vim.fn.executable(exe) == 1 then
    return false
  end
  vim.g.copydesk_warned_missing = true
  vim.notify(
    string.format(
      'copydesk: cannot start the language server: `%s` is not an executable on PATH.\n'
        .. 'Install it with `%s`, or point cmd at it: '
        .. "vim.lsp.config('copydesk', { cmd = { '/path/to/copydesk', 'lsp' } })",
      exe,
      INSTALL
    ),
    vim.log.levels.WARN
  )
  return true
end

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('copydesk.missing', { clear = true }),
  pattern = FILETYPES,
  desc = 'copydesk: warn once when the server binary is missing',
  callback = function()
    return warn_if_missing()
  end,
})
-- This file is read while the first draft opens, after that draft's FileType event: look now too.
vim.schedule(warn_if_missing)

local function copydesk_client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'copydesk' })[1]
end

--- Rule ids of copydesk diagnostics under the cursor (those covering it, else all on its line).
local function rules_at_cursor(bufnr)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local lnum = row - 1
  local covering, on_line = {}, {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
    if d.source == 'copydesk' and d.code ~= nil then
      local id = tostring(d.code)
      table.insert(on_line, id)
      local end_col = (d.end_lnum or lnum) > lnum and math.huge or (d.end_col or d.col)
      if col >= d.col and col <= end_col then
        table.insert(covering, id)
      end
    end
  end
  local ids = #covering > 0 and covering or on_line
  local seen, out = {}, {}
  for _, id in ipairs(ids) do
    if not seen[id] then
      seen[id] = true
      table.insert(out, id)
    end
  end
  return out
end

--- :CopydeskFixAll -- ask for the source.fixAll.copydesk action only, apply its edit, and say what
--- happened (vim.lsp.buf.code_action would say "No code actions available" when there is no fix).
local function fix_all(bufnr)
  local client = copydesk_client(bufnr)
  if not client then
    return vim.notify('copydesk: not attached to this buffer', vim.log.levels.WARN)
  end
  local last = math.max(vim.api.nvim_buf_line_count(bufnr) - 1, 0)
  local last_line = vim.api.nvim_buf_get_lines(bufnr, last, last + 1, false)[1] or ''
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = #last_line } },
    context = { only = { 'source.fixAll.copydesk' }, diagnostics = {} },
  }
  client:request('textDocument/codeAction', params, function(err, actions)
    if err then
      return vim.notify('copydesk: fix all failed: ' .. tostring(err.message or err), vim.log.levels.ERROR)
    end
    local applied = 0
    for _, action in ipairs(actions or {}) do
      if action.kind == 'source.fixAll.copydesk' and action.edit then
        local edits = 0
        for _, list in pairs(action.edit.changes or {}) do
          edits = edits + #list
        end
        for _, change in ipairs(action.edit.documentChanges or {}) do
          edits = edits + #(change.edits or {})
        end
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        applied = applied + edits
      end
    end
    if applied == 0 then
      vim.notify('copydesk: no safe fixes in this buffer', vim.log.levels.INFO)
    else
      vim.notify(string.format('copydesk: applied %d safe fix%s', applied, applied == 1 and '' or 'es'),
        vim.log.levels.INFO)
    end
  end, bufnr)
end

local function show_explanation(bufnr, rule)
  local client = copydesk_client(bufnr)
  if not client then
    return vim.notify('copydesk: not attached to this buffer', vim.log.levels.WARN)
  end
  -- The buffer's URI: the server cites the style point of the draft's preset.
  local args = { rule, vim.uri_from_bufnr(bufnr) }
  client:request('workspace/executeCommand', { command = 'copydesk.explainRule', arguments = args }, function(err, result)
    if err then
      return vim.notify('copydesk: explainRule failed: ' .. tostring(err.message or err), vim.log.levels.ERROR)
    end
    local text = type(result) == 'string' and result ~= '' and result or ('No explanation for `' .. rule .. '`.')
    vim.lsp.util.open_floating_preview(vim.split(text, '\n', { plain = true }), 'markdown', {
      border = 'rounded',
      focus_id = 'copydesk-explain',
      max_width = 80,
    })
  end, bufnr)
end

local function explain(bufnr, arg)
  if arg and arg ~= '' then
    return show_explanation(bufnr, arg)
  end
  local ids = rules_at_cursor(bufnr)
  if #ids == 0 then
    return vim.notify('copydesk: no copydesk diagnostic under the cursor', vim.log.levels.INFO)
  elseif #ids == 1 then
    return show_explanation(bufnr, ids[1])
  end
  vim.ui.select(ids, { prompt = 'Explain which rule?' }, function(choice)
    if choice then
      show_explanation(bufnr, choice)
    end
  end)
end

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = FILETYPES,
  root_markers = ROOT_MARKERS,
  settings = {
    copydesk = {
      -- rule id -> 'error' | 'warning' | 'information' | 'hint' | 'off'
      -- (vim.empty_dict() so that an empty table is sent as {} and not as []).
      rules = vim.empty_dict(),
      names = { prefer = {}, accept = {} },
      dates = { acceptWeekdaysWithinWeek = false }, -- articleDate = 'YYYY-MM-DD'
      inlayHints = { dates = false },
      delayMs = 0,
      logLevel = 'info',
    },
  },
  -- Send the same settings as initializationOptions, so the first check already uses them.
  before_init = function(params, config)
    params.initializationOptions = (config.settings or {}).copydesk
  end,
  on_attach = function(_, bufnr)
    vim.api.nvim_buf_create_user_command(bufnr, 'CopydeskExplain', function(o)
      explain(bufnr, o.args)
    end, { nargs = '?', desc = 'copydesk: explain the rule under the cursor (or the given rule id)' })
    vim.api.nvim_buf_create_user_command(bufnr, 'CopydeskFixAll', function()
      fix_all(bufnr)
    end, { desc = 'copydesk: apply every safe copydesk fix in this buffer' })
  end,
}
