// Years, diploma and major: what the posting asks against what the profile holds.
import { toDisplay } from '../../core/display';
import type { MatchResult } from '../../core/match';
import { pluralize } from '../../core/text';

type Check = { asked: string; held: string; ok: boolean | null };

function list(values: string[], none: string): string {
  return values.length ? values.map(toDisplay).join(', ') : none;
}

function years(n: number | null, none: string): string {
  return n === null ? none : pluralize(n, 'year');
}

export function Requirements({ match }: { match: MatchResult }) {
  const rows: [string, string, Check][] = [
    [
      'Years',
      'match-years',
      {
        asked: years(match.experience.asked, 'not stated'),
        held: years(match.experience.held, 'not in your profile'),
        ok: match.experience.ok,
      },
    ],
    [
      'Diploma',
      'match-diploma',
      {
        asked: list(match.diploma.asked, 'not stated'),
        held: list(match.diploma.held, 'not in your profile'),
        ok: match.diploma.ok,
      },
    ],
    [
      'Major',
      'match-major',
      {
        asked: list(match.major.asked, 'not stated'),
        held: list(match.major.held, 'not in your profile'),
        ok: match.major.ok,
      },
    ],
  ];
  return (
    <table class="match-reqs">
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">Requirement</span>
          </th>
          <th scope="col">Asked</th>
          <th scope="col">You</th>
          <th scope="col">
            <span class="visually-hidden">Met</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, testid, c]) => (
          <tr key={testid} data-testid={testid} data-ok={c.ok === null ? 'unknown' : String(c.ok)}>
            <th scope="row">{label}</th>
            <td data-testid={`${testid}-asked`}>{c.asked}</td>
            <td data-testid={`${testid}-held`}>{c.held}</td>
            <td class={`req-mark ${c.ok === false ? 'no' : c.ok ? 'yes' : 'unknown'}`}>
              <span class="mark" aria-hidden="true" />
              <span class="visually-hidden">{c.ok === null ? 'cannot tell' : c.ok ? 'met' : 'not met'}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
