-- Prepended to the README's Neovim snippet ONLY when it runs on Neovim < 0.8 (Debian 12 ships 0.7.2; the
-- README says 0.8+). Stand-ins for the two 0.8 APIs the snippet calls, built from 0.7's own:
-- vim.lsp.start = start_client + buf_attach_client (reusing a client of the same name and root);
-- vim.fs.find (upward, first match) and vim.fs.dirname.
if not vim.lsp.start then
  vim.lsp.start = function(config, opts)
    local bufnr = (opts and opts.bufnr) or vim.api.nvim_get_current_buf()
    for _, c in pairs(vim.lsp.get_active_clients()) do
      if c.name == config.name and c.config.root_dir == config.root_dir then
        vim.lsp.buf_attach_client(bufnr, c.id)
        return c.id
      end
    end
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(bufnr, id) end
    return id
  end
end
if not vim.fs then
  vim.fs = {
    dirname = function(p) return p and vim.fn.fnamemodify(p, ':h') end,
    find = function(names, opts)
      local dir = vim.fn.fnamemodify(opts.path, ':p')
      if vim.fn.isdirectory(dir) == 0 then dir = vim.fn.fnamemodify(dir, ':h') end
      while true do
        for _, n in ipairs(names) do
          if vim.loop.fs_stat(dir .. '/' .. n) then return { dir .. '/' .. n } end
        end
        local up = vim.fn.fnamemodify(dir, ':h')
        if up == dir then return {} end
        dir = up
      end
    end,
  }
end
