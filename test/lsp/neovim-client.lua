-- Headless Neovim as a third-party LSP client: opens a file, attaches the sidecar server over stdio, waits for
-- its diagnostics and writes them as JSON. Paths come from the environment (SIDECAR_SERVER, SIDECAR_FILE, SIDECAR_OUT).
local server = os.getenv('SIDECAR_SERVER')
local file = os.getenv('SIDECAR_FILE')
local out = os.getenv('SIDECAR_OUT')
local node = os.getenv('SIDECAR_NODE') or 'node'
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'sidecar', cmd = { node, server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
vim.lsp.buf_attach_client(buf, id)
-- vim.wait returns as soon as the condition holds: it processes events while waiting, it does not sleep blindly.
local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local result = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(result, {
    line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col,
    source = d.source, message = d.message, code = d.code or lsp.code, severity = d.severity,
  })
end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, diagnostics = result }) }, out)
vim.lsp.stop_client(id)
vim.cmd('qa!')
