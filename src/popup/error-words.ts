// Error messages come from the shared core, which also serves the CLI: in the extension, hints
// meant for the command line (flags such as --api-key, backticked commands) are left out, so the
// popup says what to do with the extension's own controls.
export function inExtensionWords(message: string): string {
  return message
    .replace(/\s*\((?:or )?(?:pass|use|set|add) --[^)]*\)/g, '')
    .replace(/,?\s*(?:lower|raise|set|pass|use|add) --[\w-]+(?: [A-Z_]+)?(?=[,.;])/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}
