// Qualification snippets (what the seed's model was trained on) often arrive flattened to one line,
// with words that look like headings inside them. Focused reading must not lose what they ask for.
import { describe, expect, it } from 'vitest';
import { focusPosting } from '../../src/core/focus';
import { sectionsFromText } from '../../src/core/section-split';

const pad =
  'Proven record of developing enterprise class products and operating them for large customers in regulated industries. ';

describe('focused reading of flattened qualification snippets', () => {
  it('a word that could head a section is requirement text when it is running text', () => {
    const text =
      '3+ years development experience on the Java stack. Compute, Network and Storage Monitoring Tools (Ex: Netcool) ' +
      'Application Performance Tools (IBM APM) Cloud operations and Automation Tools (VMware, Ansible) ' +
      'Travel up to 10% Contract negotiation with vendors. ' +
      pad.repeat(4);
    const sections = sectionsFromText(text);
    expect(sections.map((s) => s.kind)).not.toContain('process');
    expect(focusPosting({ text }, 'focused').text).toBe(text.trim());
  });

  it('text running from requirements into the equal-opportunity statement is split at the statement', () => {
    const text =
      pad.repeat(3) +
      'Tech and Prof Experience Willing to travel up to 10% Bachelors or Masters Degree in Computer Science ' +
      'EO Statement Acme is proud to be an equal opportunity employer. All qualified applicants will receive consideration ' +
      'for employment without regard to race, color, religion, gender, national origin or veteran status.';
    const focused = focusPosting({ text }, 'focused').text;
    expect(focused).toContain('Bachelors or Masters Degree in Computer Science');
    expect(focused).toContain('Willing to travel up to 10%');
    expect(focused).not.toMatch(/without regard to race/);
  });

  it('an equal-opportunity paragraph on its own is still left out', () => {
    const text = [
      'Requirements',
      '5+ years of experience with Go and PostgreSQL.',
      'A degree in computer science or a related field.',
      'Acme is an equal opportunity employer and considers all applicants without regard to race, religion or veteran status.',
    ].join('\n');
    const focused = focusPosting({ text }, 'focused').text;
    expect(focused).toContain('5+ years of experience with Go');
    expect(focused).not.toMatch(/equal opportunity/);
  });

  it('a short unfinished lead-in before a read section is read with it; a whole intro paragraph is not', () => {
    const lead = 'Education, Key Experiences, Knowledge and';
    const text = `${lead} Skills: 7+ years of enterprise technology consulting with SAP NetWeaver. ` + pad.repeat(5);
    expect(focusPosting({ text }, 'focused').text).toContain(lead);

    const intro =
      'Acme makes the tools that shipping companies use to plan routes, and we are growing fast across Europe.';
    const posting = [
      intro,
      '',
      'Requirements',
      '5+ years of experience with Kotlin.',
      '',
      'Benefits',
      'A pension plan and 30 days of paid vacation.',
    ].join('\n');
    const read = focusPosting({ text: posting }, 'focused').text;
    expect(read).toContain('5+ years of experience with Kotlin');
    expect(read).not.toContain('shipping companies');
    expect(read).not.toContain('pension');
  });
});
