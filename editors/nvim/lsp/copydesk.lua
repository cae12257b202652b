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
--   :CopydeskFixAll    apply every copydesk fix in the buffer (code action source.fixAll.copydesk)

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

local function show_explanation(bufnr, rule)
  local client = copydesk_client(bufnr)
  if not client then
    return vim.notify('copydesk: not attached to this buffer', vim.log.levels.WARN)
  end
  client:request('workspace/executeCommand', { command = 'copydesk.explainRule', arguments = { rule } }, function(err, result)
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
  filetypes = { 'markdown' },
  root_markers = { 'copydesk.toml', '.git' },
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
      vim.lsp.buf.code_action({ context = { only = { 'source.fixAll.copydesk' }, diagnostics = {} }, apply = true })
    end, { desc = 'copydesk: apply all copydesk fixes in this buffer' })
  end,
}
