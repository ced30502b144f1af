// Sections: headings classified in seven languages, headingless paragraphs classified by their
// cues, plain text and captured pages split into sections, and focusPosting picking what the
// extractor reads. Fixtures: small realistic postings in test/fixtures/sections/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureHtml } from '../../src/cli/dom';
import { focusPosting, postingSections } from '../../src/core/focus';
import { PostingSchema } from '../../src/core/posting';
import { classifyHeading, classifyText } from '../../src/core/section-classify';
import { sectionsFromText } from '../../src/core/section-split';
import type { Section, SectionKind } from '../../src/core/sections';
import { fixturePath } from '../shared';

const fixture = (name: string) => readFileSync(fixturePath('sections', name), 'utf8');
const kinds = (sections: Section[]) => sections.map((s) => [s.heading, s.kind]);

describe('classifyHeading', () => {
  const cases: [SectionKind, string[]][] = [
    [
      'requirements',
      [
        'Requirements',
        'Minimum Qualifications',
        'What you’ll bring',
        'What We’re Looking For',
        'Must have',
        'You have',
        'Who you are',
        'About You',
        'Your profile',
        'Skills & Experience',
        'Profil recherché',
        'Votre profil :',
        'Compétences requises',
        'Dein Profil',
        'Das bringst du mit',
        'Anforderungen',
        'Requisitos',
        'Lo que buscamos',
        'Tu perfil',
        'Qualificações',
        'O que esperamos de você',
        'Wat vragen wij',
        'Functie-eisen',
        'Wie ben jij?',
        'Din profil',
        'Kvalifikationer',
        'Hvem er du?',
        'Core technologies',
        'Person Specification',
        'Key Selection Criteria',
        'Knowledge, Skills and Abilities',
        'License/Certification',
      ],
    ],
    [
      'nice-to-have',
      [
        'Preferred Qualifications',
        'Nice to have',
        'Nice-to-haves',
        'Bonus points',
        'Plus',
        'Les plus',
        'Atouts',
        'Wünschenswert',
        'Von Vorteil',
        'Se valorará',
        'Deseable',
        'Diferenciais',
        'Pluspunten',
        'Det er en fordel',
      ],
    ],
    [
      'responsibilities',
      [
        "What you'll do",
        'What You Will Be Doing',
        'Key Responsibilities',
        'Duties',
        'The Role',
        'About the role',
        'Vos missions',
        'Le poste',
        'Deine Aufgaben',
        'Das erwartet dich',
        'Funciones',
        'Responsabilidades',
        'O que você vai fazer',
        'Atribuições',
        'Wat ga je doen?',
        'Functieomschrijving',
        'Dine opgaver',
        'Om stillingen',
        'Essential Functions',
        'Essential Duties and Responsibilities',
      ],
    ],
    [
      'company',
      [
        'About us',
        'About Acme',
        'Who we are',
        'Our mission',
        'Qui sommes-nous ?',
        "À propos d'Acme",
        'Über uns',
        'Sobre nosotros',
        'Quiénes somos',
        'Sobre a empresa',
        'Quem somos',
        'Over ons',
        'Om os',
        'Om virksomheden',
      ],
    ],
    [
      'benefits',
      [
        'Benefits',
        'Perks',
        'What we offer',
        'Compensation',
        'Salary',
        'Pay range',
        "What's in it for you",
        'Avantages',
        'Ce que nous offrons',
        'Was wir bieten',
        'Wir bieten',
        'Beneficios',
        'Qué ofrecemos',
        'Benefícios',
        'O que oferecemos',
        'Wat bieden wij',
        'Arbeidsvoorwaarden',
        'Vi tilbyder',
        'Løn og ansættelsesvilkår',
      ],
    ],
    [
      'legal',
      [
        'Equal Opportunity Employer',
        'EEO Statement',
        'Reasonable accommodation',
        'Privacy notice',
        'Pay transparency',
        'Égalité des chances',
        'Datenschutz',
        'Igualdad de oportunidades',
        'Igualdade de oportunidades',
        'Gelijke kansen',
        'Lige muligheder',
      ],
    ],
    [
      'process',
      [
        'How to apply',
        'Interview process',
        'Our hiring process',
        'Processus de recrutement',
        'Bewerbungsprozess',
        'Proceso de selección',
        'Processo seletivo',
        'Sollicitatieprocedure',
        'Ansøgning',
      ],
    ],
    [
      'other',
      [
        'Location',
        'Job type',
        'Senior Backend Engineer',
        'Acme Corporation',
        'Physical Demands',
        'Work Environment',
        '',
      ],
    ],
  ];
  for (const [kind, headings] of cases) {
    it(`${kind}: ${headings.slice(0, 4).join(', ')}...`, () => {
      for (const h of headings) expect(classifyHeading(h), h).toBe(kind);
    });
  }
  it('the most specific phrase wins', () => {
    expect(classifyHeading('Preferred Qualifications')).toBe('nice-to-have');
    expect(classifyHeading('Basic Qualifications')).toBe('requirements');
    expect(classifyHeading('Pay Transparency')).toBe('legal');
    expect(classifyHeading('About the role')).toBe('responsibilities');
    expect(classifyHeading('About you')).toBe('requirements');
    expect(classifyHeading('Company profile')).toBe('company');
  });
});

describe('classifyText (a paragraph without a heading)', () => {
  it('reads each kind from its cues', () => {
    expect(classifyText('You have 3+ years of experience with Java and a degree in computer science.')).toBe(
      'requirements',
    );
    expect(classifyText('Knowledge of SAP is a must; proficiency in Excel.')).toBe('requirements');
    expect(classifyText('You will design and build our payment APIs and be responsible for their uptime.')).toBe(
      'responsibilities',
    );
    expect(classifyText('We offer a competitive salary, dental insurance and 25 days of paid vacation.')).toBe(
      'benefits',
    );
    expect(
      classifyText(
        'Acme is an equal opportunity employer and does not discriminate on the basis of sexual orientation.',
      ),
    ).toBe('legal');
    expect(
      classifyText(
        'Founded in 2009, we are a leading provider of route planning software; our customers span 40 countries.',
      ),
    ).toBe('company');
    expect(classifyText('Experience with Terraform would be a plus.')).toBe('nice-to-have');
    expect(classifyText('Experience with Terraform.')).toBe('requirements');
    expect(classifyText('Vous avez 3 ans d’expérience en Java.')).toBe('requirements');
    expect(classifyText('Wir bieten 30 Tage Urlaub und ein attraktives Gehalt.')).toBe('benefits');
    expect(classifyText('Lorem ipsum dolor sit amet.')).toBeNull();
  });
});

describe('sectionsFromText', () => {
  it('French: lines ending with a colon are headings', () => {
    const s = sectionsFromText(fixture('fr.txt'));
    expect(kinds(s)).toEqual([
      ['', 'other'],
      ['Qui sommes-nous ?', 'company'],
      ['Vos missions', 'responsibilities'],
      ['Profil recherché', 'requirements'],
      ['Les plus', 'nice-to-have'],
      ['Ce que nous offrons', 'benefits'],
      ['', 'legal'],
    ]);
    expect(s[3].text).toContain("3 ans d'expérience minimum");
  });

  it('German: markdown headings', () => {
    expect(kinds(sectionsFromText(fixture('de.txt')))).toEqual([
      ['Über uns', 'company'],
      ['Deine Aufgaben', 'responsibilities'],
      ['Das bringst du mit', 'requirements'],
      ['Wünschenswert', 'nice-to-have'],
      ['Was wir bieten', 'benefits'],
      ['Datenschutz', 'legal'],
    ]);
  });

  it('Portuguese: short title-like lines naming a known section', () => {
    expect(kinds(sectionsFromText(fixture('pt.txt')))).toEqual([
      ['', 'other'],
      ['Sobre a empresa', 'company'],
      ['Responsabilidades', 'responsibilities'],
      ['Requisitos', 'requirements'],
      ['Diferenciais', 'nice-to-have'],
      ['Benefícios', 'benefits'],
      ['Processo seletivo', 'process'],
    ]);
  });

  it('Dutch: headings with a colon', () => {
    expect(kinds(sectionsFromText(fixture('nl.txt')))).toEqual([
      ['', 'other'],
      ['Over ons', 'company'],
      ['Wat ga je doen', 'responsibilities'],
      ['Wat vragen wij', 'requirements'],
      ['Wat bieden wij', 'benefits'],
      ['Sollicitatieprocedure', 'process'],
    ]);
  });

  it('a posting without headings: paragraphs classified by their sentences', () => {
    const s = sectionsFromText(fixture('no-headings.txt'));
    expect(kinds(s)).toEqual([
      ['', 'company'],
      ['', 'responsibilities'],
      ['', 'requirements'],
      ['', 'benefits'],
      ['', 'legal'],
    ]);
  });

  it('a posting flattened to one line: known headings found inside it', () => {
    const s = sectionsFromText(fixture('flat.txt'));
    expect(kinds(s)).toEqual([
      ['', 'other'],
      ['Position Overview', 'responsibilities'],
      ['Responsibilities', 'responsibilities'],
      ['Minimum Qualifications', 'requirements'],
      ['Welcome to Medisched!', 'company'],
      ['Salary transparency', 'benefits'],
      ['Equal Employment Opportunity', 'legal'],
    ]);
    expect(s[3].text).toMatch(/^5 years of experience with Java/);
  });

  it('a labelled line is a section of its own, what follows is read by its cues', () => {
    const s = sectionsFromText(
      'Join our team in Leeds.\nSalary: £40,000 per year\nYou have 2 years of experience with React and TypeScript.\nExperience with GraphQL',
    );
    expect(kinds(s)).toEqual([
      ['', 'company'],
      ['Salary', 'benefits'],
      ['', 'requirements'],
    ]);
    expect(s[2].text).toContain('Experience with GraphQL');
  });

  it('a heading naming nothing known inherits the kind in force (a sub-heading)', () => {
    const s = sectionsFromText(
      'Requirements\n3 years of Go\nTechnical:\nPostgreSQL, Kafka\nBenefits\nHealth insurance',
    );
    expect(kinds(s)).toEqual([
      ['Requirements', 'requirements'],
      ['Technical', 'requirements'],
      ['Benefits', 'benefits'],
    ]);
  });

  it('a list without cues after a company blurb goes with the paragraph that asks for something', () => {
    const s = sectionsFromText(
      'We are a leading provider of route planning software, founded in 2009.\n- Python\n- Django\n- PostgreSQL\nYou have 3 years of experience with these.',
    );
    expect(kinds(s)).toEqual([
      ['', 'company'],
      ['', 'requirements'],
    ]);
    expect(s[1].text).toMatch(/^- Python/);
  });

  it('a flattened line: a strong one-word heading mid-line is a heading', () => {
    const filler =
      'We build planning software for hospitals and clinics across Europe, and our platform team works closely with product. '.repeat(
        4,
      );
    const s = sectionsFromText(
      `${filler}Join our platform team and help our clients Requirements Bachelor's degree in Computer Science 3 years of experience with Java`,
    );
    expect(s.map((x) => x.heading)).toContain('Requirements');
    expect(s.find((x) => x.heading === 'Requirements')?.text).toMatch(/^Bachelor's degree/);
  });

  it('one line of qualifications (the training snippets) is one section', () => {
    const s = sectionsFromText('5+ years of experience with Python, SQL and AWS. BS in Computer Science.');
    expect(s).toEqual([
      {
        heading: '',
        kind: 'requirements',
        text: '5+ years of experience with Python, SQL and AWS. BS in Computer Science.',
      },
    ]);
  });
});

describe('capture keeps the sections of a page', () => {
  it('English (Greenhouse-like markup): h2/h3 and bold headings; the EEO paragraph after the last list is split off', () => {
    const p = PostingSchema.parse(captureHtml(fixture('en.html'), 'https://careers.northwind.example/jobs/backend'));
    expect(kinds(p.sections ?? [])).toEqual([
      ['About Northwind', 'company'],
      ["What you'll do", 'responsibilities'],
      ['Requirements', 'requirements'],
      ['', 'legal'],
      ['Nice to have', 'nice-to-have'],
      ['Benefits', 'benefits'],
      ['How to apply', 'process'],
    ]);
    // The text is what it was: the sections are kept beside it, headings included in it.
    expect(p.text).toContain("What you'll do\nDesign and build REST APIs");
  });

  it('Spanish: bold paragraphs are headings', () => {
    const p = captureHtml(fixture('es.html'), 'https://empleo.talentia.example/ofertas/42');
    expect(kinds(p.sections ?? [])).toEqual([
      ['Sobre nosotros', 'company'],
      ['Funciones', 'responsibilities'],
      ['Requisitos', 'requirements'],
      ['Se valorará', 'nice-to-have'],
      ['Qué ofrecemos', 'benefits'],
      ['Igualdad de oportunidades', 'legal'],
    ]);
  });

  it('Danish: h3 headings', () => {
    const p = captureHtml(fixture('da.html'), 'https://boards.greenhouse.io/nordhavnbyg/jobs/1');
    expect(kinds(p.sections ?? [])).toEqual([
      ['Om os', 'company'],
      ['Dine opgaver', 'responsibilities'],
      ['Din profil', 'requirements'],
      ['Vi tilbyder', 'benefits'],
      ['Ansøgning', 'process'],
    ]);
  });

  it('JSON-LD: qualifications, skills, educationRequirements, experienceRequirements are sections of their own', () => {
    const p = PostingSchema.parse(
      captureHtml(fixture('jsonld-fields.html'), 'https://jobs.harbourcivil.example/site-engineer'),
    );
    expect(p.source).toBe('jsonld');
    const s = p.sections ?? [];
    expect(kinds(s)).toEqual([
      ['', 'company'],
      ['', 'responsibilities'],
      ['', 'benefits'],
      ['Qualifications', 'requirements'],
      ['Skills', 'requirements'],
      ['Education requirements', 'requirements'],
      ['Experience requirements', 'requirements'],
    ]);
    expect(s.find((x) => x.heading === 'Skills')?.text).toBe('AutoCAD\n12d Model\nSet-out surveying');
    expect(s.find((x) => x.heading === 'Education requirements')?.text).toBe('Bachelor of Civil Engineering');
    expect(s.find((x) => x.heading === 'Experience requirements')?.text).toBe('36 months of experience');
    // `responsibilities` repeats the description: not added twice. The field names are not page text.
    expect(p.text.match(/Supervise subcontractors/gi)?.length).toBe(1);
    expect(p.text).not.toContain('Education requirements');
    expect(p.text).toContain('Bachelor of Civil Engineering');
  });

  it('every capture strategy fills the sections (site adapters, JSON-LD, reader view, largest block)', () => {
    const pages: [string, string, string][] = [
      ['lever.html', 'https://jobs.lever.co/acme/1', 'adapter'],
      ['linkedin-guest-jobview.html', 'https://au.linkedin.com/jobs/view/x-1', 'adapter'],
      ['linkedin-logged-in-pane.html', 'https://www.linkedin.com/jobs/view/5550001/', 'adapter'],
      ['linkedin-2026.html', 'https://www.linkedin.com/jobs/view/1/', 'adapter'],
      ['greenhouse-job-boards.html', 'https://job-boards.greenhouse.io/acme/jobs/1', 'adapter'],
      ['greenhouse-legacy.html', 'https://boards.greenhouse.io/acme/jobs/1', 'adapter'],
      ['workday-rendered.html', 'https://acme.wd1.myworkdayjobs.com/en-US/x/job/y', 'adapter'],
      [
        'workday-jsonld.html',
        'https://kadeport.wd3.myworkdayjobs.com/en-US/External/job/Rotterdam/Maintenance-Planner_R-0042',
        'jsonld',
      ],
      ['jsonld-graph.html', 'https://careers.quillfeather.example/jobs/data-engineer', 'jsonld'],
      ['readability-blog.html', 'https://blog.lanternworks.example/2026/03/hiring-support-engineer', 'readability'],
      ['largest-block.html', 'https://boxwood.example/careers/team-lead', 'largest-block'],
    ];
    for (const [file, url, source] of pages) {
      const p = PostingSchema.parse(captureHtml(readFileSync(fixturePath('pages', file), 'utf8'), url));
      expect(p.source, file).toBe(source);
      expect(p.sections?.length, file).toBeGreaterThanOrEqual(2);
      expect(
        p.sections?.some((s) => s.kind === 'requirements'),
        `${file}: a requirements section`,
      ).toBe(true);
      // Every section's text is the posting's own text.
      for (const s of p.sections ?? []) expect(p.text, file).toContain(s.text.split('\n')[0]);
    }
  });

  it('a heading known to be neither requirements nor anything else goes by its text', () => {
    expect(
      kinds(
        sectionsFromText(
          'Requirements\n3 years of Go\nAdditional information\nWe offer dental insurance and a pension plan.',
        ),
      ),
    ).toEqual([
      ['Requirements', 'requirements'],
      ['Additional information', 'benefits'],
    ]);
  });

  it('a selection is split like plain text', () => {
    const sel =
      'About us\nWe sell bikes online and ship across Europe.\nRequirements:\n2 years of experience with Shopify\nBenefits:\nA free bike every year';
    const p = captureHtml('<html><body><p>page</p></body></html>', 'https://shop.example/jobs/1', sel);
    expect(p.source).toBe('selection');
    expect(kinds(p.sections ?? [])).toEqual([
      ['About us', 'company'],
      ['Requirements', 'requirements'],
      ['Benefits', 'benefits'],
    ]);
  });
});

describe('focusPosting', () => {
  it('reads requirements, nice-to-have and responsibilities in page order, and leaves out the rest', () => {
    const p = captureHtml(fixture('en.html'), 'https://careers.northwind.example/jobs/backend');
    const f = focusPosting(p, 'focused');
    expect(f.scope).toBe('focused');
    expect(f.read).toEqual({ headings: ["What you'll do", 'Requirements', 'Nice to have'], total: 7 });
    expect(f.text).toBe(
      [
        "What you'll do",
        'Design and build REST APIs in Python and FastAPI',
        'Run our services on Kubernetes and keep CI/CD pipelines fast',
        'Requirements',
        '3+ years of experience with Python',
        "Bachelor's degree in Computer Science or a related field",
        'Knowledge of PostgreSQL and Redis',
        'Nice to have',
        'Experience with AWS and Terraform',
      ].join('\n'),
    );
    for (const gone of ['leading provider', 'equal opportunity', '$120,000', 'Dental', 'cover letter'])
      expect(f.text).not.toContain(gone);
    expect(f.parts.map((x) => x.kind)).toEqual(['responsibilities', 'requirements', 'nice-to-have']);
    expect(f.text.slice(f.parts[1].start, f.parts[1].end)).toMatch(/^Requirements\n3\+ years[\s\S]*Redis$/);
  });

  it("scope 'whole' reads the posting's text as it is", () => {
    const p = captureHtml(fixture('en.html'), 'https://careers.northwind.example/jobs/backend');
    const f = focusPosting(p, 'whole');
    expect(f.text).toBe(p.text);
    expect(f.read.total).toBe(7);
    expect(f.read.headings).toHaveLength(7);
  });

  it('a posting with no requirements or responsibilities section is read whole', () => {
    const text = 'About us\nWe make furniture in Porto.\nBenefits\nA free chair';
    const f = focusPosting({ text }, 'focused');
    expect(f.text).toBe(text);
    expect(f.read).toEqual({ headings: ['About us', 'Benefits'], total: 2 });
  });

  it('postings without sections (CLI input) get them from their text', () => {
    const text = fixture('no-headings.txt');
    expect(postingSections({ text })).toEqual(sectionsFromText(text));
    const f = focusPosting({ text }, 'focused');
    expect(f.text).toContain('packaging lines');
    expect(f.text).toContain('2 years of experience with industrial maintenance');
    expect(f.text).not.toContain('family-owned');
    expect(f.text).not.toContain('$28 per hour');
    expect(f.text).not.toContain('equal opportunity');
    expect(f.read).toEqual({ headings: ['Responsibilities', 'Requirements'], total: 5 });
  });

  it('every language keeps its requirements and drops its benefits', () => {
    const cases: [string, string, string][] = [
      ['fr.txt', "3 ans d'expérience", 'Tickets restaurant'],
      ['de.txt', 'Kenntnisse in SQL', 'Urlaub'],
      ['pt.txt', 'Experiência de 2 anos com SQL', 'Vale-refeição'],
      ['nl.txt', 'HBO-V opleiding', 'pensioen'],
    ];
    for (const [file, kept, dropped] of cases) {
      const f = focusPosting({ text: fixture(file) }, 'focused');
      expect(f.text, file).toContain(kept);
      expect(f.text, file).not.toContain(dropped);
    }
    for (const [file, kept, dropped] of [
      ['es.html', 'experiencia con JavaScript', 'Seguro médico'],
      ['da.html', 'erfaring med bogholderi', 'Frokostordning'],
    ]) {
      const f = focusPosting(captureHtml(fixture(file), 'https://boards.greenhouse.io/acme/jobs/1'), 'focused');
      expect(f.text, file).toContain(kept);
      expect(f.text, file).not.toContain(dropped);
    }
  });
});
