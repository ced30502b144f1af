// Line numbers named in a message: the first few, then how many more there are.

/** "3, 7, 9" or "3, 7, 9 and 12 more" past `max` lines. */
export function lineList(lines: number[], max = 20): string {
  return lines.length <= max ? lines.join(', ') : `${lines.slice(0, max).join(', ')} and ${lines.length - max} more`;
}
