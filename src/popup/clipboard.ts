// Clipboard writes happen in the popup, inside the click handler (the document has focus then),
// so no clipboardWrite permission is needed.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
