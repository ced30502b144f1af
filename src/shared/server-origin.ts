// Which server a base URL points at, for the worker and the options page alike: a saved API key
// belongs to the server (origin) it was saved for, and host permissions are asked per host.

/** The origin (scheme, host, port) of a URL, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return undefined;
  }
}

/**
 * A saved key belongs to the server it was saved for: true when `draftBaseURL` points at another
 * origin than `savedBaseURL` (or does not parse), so the saved key must not go there.
 */
export function isOtherServer(savedBaseURL: string, draftBaseURL: string): boolean {
  const saved = originOf(savedBaseURL);
  return saved === undefined || saved !== originOf(draftBaseURL);
}

/** The host shown to the user for a base URL (e.g. api.openai.com, 127.0.0.1:8080). */
export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return url;
  }
}

/** `https://example.com:8443/v1` -> `https://example.com/*`: the host permission for a base URL (match patterns carry no port). Throws on an invalid URL. */
export function originPattern(baseURL: string): string {
  const u = new URL(baseURL);
  return `${u.protocol}//${u.hostname}/*`;
}
