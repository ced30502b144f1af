// The toolbar popup closes itself after opening another page or surface; a detached window and
// the side panel stay.
export function isToolbarPopup(): boolean {
  return location.pathname.endsWith('/popup.html') && !new URLSearchParams(location.search).has('tabId');
}

export function closeIfToolbarPopup(): void {
  if (isToolbarPopup()) window.close();
}
