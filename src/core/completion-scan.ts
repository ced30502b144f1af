// The scanner under parseCompletion: quoted strings (Python or JSON escapes), bare keys, list
// literals and bulleted lists, read from a position that the read steps in completion.ts move.

export class Scanner {
  pos = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(): string {
    return this.s[this.pos] ?? '';
  }
  /** Skip spaces and tabs (and line breaks when `lines`). */
  skipSpace(lines = true): void {
    const re = lines ? /\s/ : /[^\S\r\n]/;
    while (!this.done && re.test(this.peek())) this.pos++;
  }
  skipToLineEnd(): string {
    const start = this.pos;
    while (!this.done && this.peek() !== '\n') this.pos++;
    return this.s.slice(start, this.pos);
  }
  /**
   * A quoted string starting at pos (Python or JSON escapes). Returns undefined and leaves pos at
   * the end of the text when the closing quote is missing (a truncated answer).
   */
  readString(): string | undefined {
    const quote = this.peek();
    this.pos++;
    let out = '';
    while (!this.done) {
      const c = this.s[this.pos++];
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (this.done) break;
      const e = this.s[this.pos++];
      const hex = (n: number): string | undefined => {
        const h = this.s.slice(this.pos, this.pos + n);
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) return undefined;
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) return undefined;
        this.pos += n;
        return String.fromCodePoint(cp);
      };
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        b: '\b',
        f: '\f',
        v: '\v',
        a: '\x07',
        '0': '\0',
        '\\': '\\',
        "'": "'",
        '"': '"',
        '/': '/',
        '\n': '',
      };
      if (e in simple) out += simple[e];
      else if (e === 'x') out += hex(2) ?? '\\x';
      else if (e === 'u') out += hex(4) ?? '\\u';
      else if (e === 'U') out += hex(8) ?? '\\U';
      else out += `\\${e}`; // Python keeps unknown escapes as written
    }
    return undefined;
  }
  /** An unquoted word run for keys: letters, digits, `_`, `-`, spaces. */
  readBareKey(): string {
    const m = /^[A-Za-z_][\w -]*/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!m) return '';
    this.pos += m[0].length;
    return m[0];
  }
}

/** Lines starting with a bullet (`- `, `* `, `• `) at sc.pos, one value each (quotes removed). */
export function readBullets(sc: Scanner): string[] {
  const values: string[] = [];
  while (true) {
    const m = /^\s*\n[^\S\n]*[-*•][^\S\n]+([^\n]*)/.exec(sc.s.slice(sc.pos, sc.pos + 1000));
    if (!m) return values;
    sc.pos += m[0].length;
    const v = m[1].trim().replace(/^(['"])(.*)\1,?$/, '$2');
    if (v) values.push(v);
  }
}

/** A list literal at sc.pos: quoted strings (or bare words) separated by commas. */
export function readList(sc: Scanner, warnings: Set<string>): { values: string[]; closed: boolean } {
  sc.pos++; // '['
  const values: string[] = [];
  while (true) {
    sc.skipSpace();
    if (sc.done) return { values, closed: false };
    const c = sc.peek();
    if (c === ']') {
      sc.pos++;
      return { values, closed: true };
    }
    if (c === ',') {
      sc.pos++;
      continue;
    }
    if (c === '"' || c === "'") {
      const s = sc.readString();
      if (s === undefined) return { values, closed: false };
      values.push(s);
      continue;
    }
    // An unquoted item (`[python, java]`): up to the next comma or bracket on this line.
    const m = /^[^,\]\n]+/.exec(sc.s.slice(sc.pos, sc.pos + 500));
    if (!m) {
      // A line break inside the list without a closing bracket: the list ends there.
      return { values, closed: true };
    }
    sc.pos += m[0].length;
    const item = m[0].trim();
    if (sc.done) return { values, closed: false }; // possibly cut mid-word: drop it
    if (item && item !== 'null' && item !== 'None') {
      values.push(item);
      warnings.add('Some values were not quoted; they were read up to the next comma.');
    }
  }
}
