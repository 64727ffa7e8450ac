-- Headless Neovim: after the README's snippet (loaded with -u) has started API Lens for the opened file,
-- asks for the hovers named in $API_LENS_E2E_REQUEST and reads the diagnostics Neovim holds for the buffer;
-- writes what it got as JSON to the request's `out`. e2e/editors/lsp-editors.mjs compares it with
-- e2e/expectations.json. usage:
--   nvim --headless --clean -u <readme-snippet.lua> -c 'luafile e2e/nvim/collect.lua' /abs/file
local req = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('API_LENS_E2E_REQUEST')), '\n'))
local result = { editor = 'nvim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
                 hovers = {}, diagnostics = {} }
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function finish(err)
  result.error = err
  result.ms = ms()
  vim.fn.writefile({ vim.fn.json_encode(result) }, req.out)
  vim.cmd(err and 'cquit 1' or 'qa!')
end
local bufnr = vim.api.nvim_get_current_buf()
local client
local ok = vim.wait(15000, function()
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == 'api-lens' and c.server_capabilities and next(c.server_capabilities) then client = c; return true end
  end
  return false
end, 20)
if not ok then return finish('no api-lens client attached to the buffer (filetype ' .. vim.bo.filetype .. ')') end
result.attached_ms = ms()

for _, h in ipairs(req.hovers) do
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = h.line, character = h.character } }
  local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
  local text = ''
  if res then
    for _, r in pairs(res) do
      local c = r.result and r.result.contents
      if type(c) == 'string' then text = c
      elseif type(c) == 'table' and c.value then text = c.value
      elseif type(c) == 'table' then
        for _, m in ipairs(c) do text = text .. (type(m) == 'string' and m or m.value) .. '\n' end
      end
    end
  end
  table.insert(result.hovers, { line = h.line, character = h.character, text = text, error = err and tostring(err) or nil })
end

-- diagnostics arrive as textDocument/publishDiagnostics; wait for as many as expected (a short grace otherwise)
local want = req.minDiagnostics or 0
vim.wait(want > 0 and 10000 or 1000, function() return want > 0 and #vim.diagnostic.get(bufnr) >= want end, 20)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(result.diagnostics, { line = d.lnum, character = d.col, code = code, message = d.message, source = d.source })
end
vim.lsp.stop_client(client.id)
finish(nil)
