// What kind of section a heading (or, without one, a paragraph) is: requirements, nice-to-have,
// responsibilities, company, benefits, legal, process or other. Headings are matched against
// phrase lists in English, French, German, Spanish, Portuguese, Dutch and Danish; text is scored
// with cue patterns ("years of", "degree in", "we offer", "equal opportunity"...). Pure and small:
// it also runs inside the capture script injected into the page.
import type { SectionKind } from './sections';

/** Lower case, accents and punctuation removed, apostrophes dropped ("What You’ll Do:" -> "what youll do"). */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/**
 * Heading phrases per kind. A phrase matches when its words occur in the heading as whole words;
 * the longest matching phrase wins ("preferred qualifications" over "qualifications", "pay
 * transparency" over "pay"). A leading "^" anchors the phrase at the start of the heading; a
 * leading "=" asks for the whole heading.
 */
const HEADING_PHRASES: Record<SectionKind, string[]> = {
  requirements: [
    // en
    'requirements',
    'required',
    'required skills',
    'qualifications',
    'minimum qualifications',
    'basic qualifications',
    'required qualifications',
    'what you bring',
    "what you'll bring",
    'what you will bring',
    'what we are looking for',
    "what we're looking for",
    "who we're looking for",
    'who we are looking for',
    'what were looking for',
    'looking for',
    'must have',
    'technologies',
    'core technologies',
    'tech stack',
    'our stack',
    'stack',
    'tools',
    'tooling',
    'technical skills',
    'languages',
    'frameworks',
    'qualifications minimales',
    'minimum requirements',
    'essential criteria',
    'person specification',
    'selection criteria',
    'key selection criteria',
    'the successful candidate',
    'successful applicant',
    'license',
    'licence',
    'licensure',
    'certification',
    'ksas',
    'education and experience',
    'what youll need to succeed',
    'must haves',
    'musts',
    'you have',
    "you'll have",
    'you will have',
    'who you are',
    'about you',
    'is this you',
    'your profile',
    'profile',
    'candidate profile',
    'ideal candidate',
    'the ideal candidate',
    'skills',
    'experience',
    'your experience',
    'your background',
    'background',
    'education',
    'competencies',
    'what you need',
    "what you'll need",
    'what you will need',
    'what it takes',
    'to be successful',
    'you might be a good fit',
    'you are',
    'essential',
    'essentials',
    'knowledge',
    'expertise',
    'abilities',
    'certifications',
    'licenses',
    'prerequisites',
    'pre requisites',
    'what we need',
    'what we expect',
    'what were looking for in you',
    'eligibility',
    // fr
    'profil',
    'profil recherche',
    'votre profil',
    'ton profil',
    'competences',
    'prerequis',
    'exigences',
    'ce que vous apportez',
    'vous etes',
    'vous avez',
    'formation',
    'experience requise',
    'qui etes vous',
    'requis',
    'savoir faire',
    'savoir etre',
    'ce que nous recherchons',
    'qualites requises',
    'competences requises',
    // de
    'anforderungen',
    'ihr profil',
    'dein profil',
    'qualifikationen',
    'qualifikation',
    'was du mitbringst',
    'was sie mitbringen',
    'das bringst du mit',
    'das bringen sie mit',
    'voraussetzungen',
    'kenntnisse',
    'fahigkeiten',
    'kompetenzen',
    'wen wir suchen',
    'was wir erwarten',
    'deine skills',
    'was wir von dir erwarten',
    'was wir von ihnen erwarten',
    'das zeichnet dich aus',
    'das zeichnet sie aus',
    'mitbringen',
    // es
    'requisitos',
    'requerimientos',
    'perfil',
    'tu perfil',
    'su perfil',
    'cualificaciones',
    'calificaciones',
    'habilidades',
    'competencias',
    'lo que buscamos',
    'que buscamos',
    'lo que aportas',
    'experiencia',
    'conocimientos',
    'imprescindible',
    'perfil buscado',
    'requisitos minimos',
    // pt
    'qualificacoes',
    'o que procuramos',
    'o que buscamos',
    'o que voce traz',
    'o que esperamos',
    'formacao',
    'experiencia necessaria',
    'requisitos obrigatorios',
    'voce tem',
    'quem voce e',
    'o que esperamos de voce',
    'perfil desejado',
    // nl
    'vereisten',
    'functie eisen',
    'functieeisen',
    'eisen',
    'profiel',
    'jouw profiel',
    'wie ben jij',
    'wie ben je',
    'wat breng je mee',
    'wat breng jij mee',
    'wat vragen wij',
    'wat wij vragen',
    'wat we vragen',
    'wat vragen we',
    'kwalificaties',
    'vaardigheden',
    'competenties',
    'ervaring',
    'opleiding',
    'wat wij van je vragen',
    'wat wij van jou vragen',
    'functievereisten',
    // da
    'kvalifikationer',
    'krav',
    'din profil',
    'hvem er du',
    'hvad du bringer',
    'du har',
    'du kan',
    'vi forventer',
    'kompetencer',
    'faerdigheder',
    'færdigheder',
    'erfaring',
    'uddannelse',
    'vi soger',
    'hvem soger vi',
    'hvad vi forventer',
    'om dig',
    'din baggrund',
    'dine kvalifikationer',
  ],
  'nice-to-have': [
    'preferred',
    'preferred qualifications',
    'preferred skills',
    'nice to have',
    'nice to haves',
    'bonus',
    'bonus points',
    'bonus skills',
    '=plus',
    '=pluses',
    'a plus',
    'its a plus',
    'would be a plus',
    'would be great',
    'desirable',
    'desired',
    'desired skills',
    'desired qualifications',
    'ideally',
    'extra credit',
    'good to have',
    'even better',
    'additional qualifications',
    'preferred experience',
    'pluses',
    'we would love',
    // fr
    'atouts',
    'un plus',
    'serait un plus',
    'souhaite',
    'souhaitees',
    'appreciees',
    'idealement',
    'les plus',
    'les petits plus',
    'competences appreciees',
    // de
    'wunschenswert',
    'von vorteil',
    'pluspunkte',
    'idealerweise',
    'ein plus',
    'das ist ein plus',
    'optional',
    // es
    'deseable',
    'deseables',
    'valorable',
    'se valorara',
    'valoramos',
    'seria un plus',
    'puntos extra',
    'requisitos deseables',
    // pt
    'desejavel',
    'desejaveis',
    'diferenciais',
    'diferencial',
    'sera um diferencial',
    'bonus',
    'seria um plus',
    'requisitos desejaveis',
    // nl
    'pre',
    'pluspunten',
    'wenselijk',
    'mooi meegenomen',
    'een pluspunt',
    'een pre',
    // da
    'det er en fordel',
    'fordel',
    'onskeligt',
    'ønskeligt',
    'det er et plus',
    'gerne',
  ],
  responsibilities: [
    'responsibilities',
    'key responsibilities',
    'your responsibilities',
    'job responsibilities',
    'what youll do',
    'what you will do',
    "what you'll be doing",
    'what you will be doing',
    'what you are going to do',
    'duties',
    'main duties',
    'the role',
    'about the role',
    'role',
    'your role',
    'in this role',
    'role overview',
    'role description',
    'role summary',
    'position summary',
    'position overview',
    'job summary',
    'job overview',
    'the position',
    'about the position',
    'the opportunity',
    'about the opportunity',
    'the challenge',
    'your mission',
    'tasks',
    'your tasks',
    'accountabilities',
    'your impact',
    'impact',
    'what youll work on',
    'what you will work on',
    'day to day',
    'a day in the life',
    'what youll achieve',
    'job description',
    'full job description',
    'position description',
    'about the job',
    'the job',
    'description',
    'job details',
    'mission',
    'key accountabilities',
    'what the job involves',
    'scope',
    'projects',
    'representative projects',
    'you will',
    'youll',
    'within',
    'in your first',
    'first 90 days',
    'what you will work on',
    'what youll be working on',
    'what the role involves',
    'the work',
    'essential functions',
    'essential job functions',
    'what success looks like',
    'your day to day',
    'key tasks',
    'main responsibilities',
    // fr
    'missions',
    'vos missions',
    'tes missions',
    'responsabilites',
    'le poste',
    'description du poste',
    'ce que vous ferez',
    'vos responsabilites',
    'role',
    'votre role',
    'taches',
    'activites principales',
    'vos activites',
    'descriptif du poste',
    'votre mission',
    'ta mission',
    'au quotidien',
    // de
    'aufgaben',
    'deine aufgaben',
    'ihre aufgaben',
    'das erwartet dich',
    'das erwartet sie',
    'was dich erwartet',
    'was sie erwartet',
    'deine rolle',
    'die rolle',
    'stellenbeschreibung',
    'verantwortlichkeiten',
    'tatigkeiten',
    'dein job',
    'ihr job',
    'deine mission',
    'aufgabengebiet',
    'ihre aufgabe',
    'deine aufgabe',
    'die stelle',
    // es
    'responsabilidades',
    'funciones',
    'tus funciones',
    'el puesto',
    'el rol',
    'tu rol',
    'que haras',
    'lo que haras',
    'descripcion del puesto',
    'tareas',
    'mision del puesto',
    'tu mision',
    'descripcion del empleo',
    'sobre el puesto',
    'sobre el rol',
    // pt
    'atribuicoes',
    'atividades',
    'o que voce vai fazer',
    'o que voce fara',
    'a vaga',
    'sobre a vaga',
    'descricao da vaga',
    'a funcao',
    'o papel',
    'seu papel',
    'principais atividades',
    'principais responsabilidades',
    'suas atividades',
    'desafios',
    'seus desafios',
    // nl
    'verantwoordelijkheden',
    'taken',
    'jouw taken',
    'wat ga je doen',
    'wat ga jij doen',
    'de functie',
    'de rol',
    'jouw rol',
    'functieomschrijving',
    'over de functie',
    'werkzaamheden',
    'wat je gaat doen',
    'jouw uitdaging',
    'de uitdaging',
    'over de rol',
    // da
    'ansvarsomrader',
    'opgaver',
    'dine opgaver',
    'arbejdsopgaver',
    'stillingen',
    'jobbet',
    'rollen',
    'hvad skal du lave',
    'om stillingen',
    'om jobbet',
    'dit ansvar',
    'stillingsbeskrivelse',
    'om rollen',
    'hvad du skal lave',
    'jobbeskrivelse',
  ],
  company: [
    '^about',
    'about us',
    'about the company',
    'who we are',
    'our mission',
    'our story',
    'our values',
    'our culture',
    'company overview',
    'company description',
    'the company',
    'company profile',
    'life at',
    'our team',
    'the team',
    'about the team',
    'meet the team',
    'culture',
    'our company',
    'who are we',
    'why we exist',
    'the organization',
    'about the organization',
    'our vision',
    'how we work',
    'the way we work',
    'our principles',
    'how were different',
    'what makes us different',
    'learn more about',
    'welcome to',
    'our culture code',
    'highlights',
    'team overview',
    'about our team',
    'who youll work with',
    'who you will work with',
    // fr
    '^a propos',
    'a propos de nous',
    'qui sommes nous',
    'lentreprise',
    'notre entreprise',
    'notre mission',
    'nos valeurs',
    'la societe',
    'lequipe',
    'notre equipe',
    'presentation de lentreprise',
    'qui nous sommes',
    // de
    '^uber',
    'uber uns',
    'wer wir sind',
    'unsere mission',
    'unternehmen',
    'das unternehmen',
    'unser team',
    'das team',
    'unsere werte',
    'wir uber uns',
    'uber das unternehmen',
    'wer sind wir',
    'unternehmensprofil',
    // es
    '^sobre',
    'sobre nosotros',
    'quienes somos',
    'nuestra mision',
    'la empresa',
    '^acerca de',
    'acerca de nosotros',
    'nuestra empresa',
    'nuestros valores',
    'el equipo',
    'nuestro equipo',
    'sobre la empresa',
    // pt
    'sobre nos',
    'quem somos',
    'nossa missao',
    'a empresa',
    'sobre a empresa',
    'nossa empresa',
    'nossos valores',
    'nossa equipe',
    'o time',
    'nosso time',
    'a equipe',
    // nl
    '^over',
    'over ons',
    'wie zijn wij',
    'wie wij zijn',
    'onze missie',
    'het bedrijf',
    'over het bedrijf',
    'onze organisatie',
    'het team',
    'ons team',
    'onze waarden',
    'de organisatie',
    'over de organisatie',
    // da
    '^om',
    'om os',
    'hvem er vi',
    'vores mission',
    'virksomheden',
    'om virksomheden',
    'vores team',
    'teamet',
    'vores vaerdier',
    'om teamet',
  ],
  benefits: [
    'benefits',
    'perks',
    'what we offer',
    'we offer',
    'what we can offer',
    'whats in it for you',
    'why join us',
    'why join',
    "why you'll love working here",
    'compensation',
    'salary',
    'pay',
    'pay range',
    'salary range',
    'total rewards',
    'rewards',
    'our offer',
    'what you get',
    "what you'll get",
    'package',
    'base pay',
    'compensation and benefits',
    'why work with us',
    'why work here',
    'perks and benefits',
    'benefits and perks',
    'what we provide',
    'why us',
    'remuneration',
    'our benefits',
    'bonus and equity',
    'we provide',
    'working at',
    'working here',
    'life and benefits',
    'what youll receive',
    'the perks',
    'our commitment to you',
    'salary transparency',
    'why you will flourish with us',
    'why youll love it here',
    'whats on offer',
    'home time',
    'pay and benefits',
    'your benefits',
    // fr
    'avantages',
    'ce que nous offrons',
    'ce que nous proposons',
    'nous offrons',
    'nous proposons',
    'remuneration',
    'salaire',
    'pourquoi nous rejoindre',
    'les avantages',
    'ce que lon toffre',
    'ce quon toffre',
    'ce que nous vous offrons',
    'package',
    // de
    'was wir bieten',
    'wir bieten',
    'das bieten wir',
    'vorteile',
    'vergutung',
    'gehalt',
    'unser angebot',
    'deine vorteile',
    'ihre vorteile',
    'was dich bei uns erwartet',
    'was sie bei uns erwartet',
    'warum wir',
    'deine benefits',
    'was wir dir bieten',
    'was wir ihnen bieten',
    // es
    'beneficios',
    'que ofrecemos',
    'lo que ofrecemos',
    'ofrecemos',
    'te ofrecemos',
    'salario',
    'remuneracion',
    'compensacion',
    'ventajas',
    'que te ofrecemos',
    'por que unirte',
    // pt
    'beneficios',
    'o que oferecemos',
    'oferecemos',
    'vantagens',
    'o que oferecemos a voce',
    'salario e beneficios',
    'por que trabalhar conosco',
    // nl
    'wat wij bieden',
    'wat we bieden',
    'wij bieden',
    'arbeidsvoorwaarden',
    'salaris',
    'voordelen',
    'aanbod',
    'ons aanbod',
    'wat krijg je',
    'wat bieden wij',
    'wat bieden we',
    'wat krijg jij',
    // da
    'vi tilbyder',
    'hvad vi tilbyder',
    'lon',
    'løn',
    'goder',
    'fordele',
    'personalegoder',
    'vi kan tilbyde',
    'lon og ansaettelsesvilkar',
    'løn og ansættelsesvilkår',
    'ansaettelsesvilkar',
    'ansættelsesvilkår',
    'hvad vi kan tilbyde',
  ],
  legal: [
    'equal opportunity',
    'equal employment opportunity',
    'equal opportunity employer',
    'eeo',
    'eeo statement',
    'eoe',
    'diversity',
    'diversity and inclusion',
    'diversity equity and inclusion',
    'dei',
    'inclusion',
    'accommodation',
    'accommodations',
    'reasonable accommodation',
    'privacy',
    'privacy notice',
    'privacy policy',
    'data protection',
    'pay transparency',
    'e verify',
    'disclaimer',
    'legal',
    'notice to applicants',
    'fraud',
    'recruitment fraud',
    'affirmative action',
    'commitment to diversity',
    'applicant privacy',
    'fair chance',
    'accessibility',
    'our commitment to diversity',
    // fr
    'egalite des chances',
    'diversite',
    'handicap',
    'confidentialite',
    'protection des donnees',
    'mentions legales',
    'inclusion et diversite',
    // de
    'chancengleichheit',
    'datenschutz',
    'vielfalt',
    'diversitat',
    'gleichstellung',
    'inklusion',
    // es
    'igualdad de oportunidades',
    'diversidad',
    'privacidad',
    'proteccion de datos',
    'aviso legal',
    'inclusion y diversidad',
    // pt
    'igualdade de oportunidades',
    'diversidade',
    'privacidade',
    'protecao de dados',
    'inclusao',
    'diversidade e inclusao',
    // nl
    'gelijke kansen',
    'diversiteit',
    'gegevensbescherming',
    'inclusie',
    // da
    'lige muligheder',
    'mangfoldighed',
    'databeskyttelse',
    'persondata',
    'inklusion',
  ],
  process: [
    'how to apply',
    'application process',
    'interview process',
    'hiring process',
    'our process',
    'our hiring process',
    'next steps',
    'recruitment process',
    'what happens next',
    'apply',
    'to apply',
    'application',
    'the process',
    'recruiting process',
    'ready to apply',
    'interested',
    'contact',
    'application deadline',
    'questions',
    // fr
    'processus de recrutement',
    'comment postuler',
    'candidature',
    'etapes',
    'deroulement',
    'process de recrutement',
    'pour postuler',
    // de
    'bewerbung',
    'bewerbungsprozess',
    'so bewirbst du dich',
    'so bewerben sie sich',
    'kontakt',
    'ansprechpartner',
    'ansprechpartnerin',
    'interessiert',
    'haben wir dein interesse geweckt',
    'haben wir ihr interesse geweckt',
    'bewerbungsverfahren',
    'noch fragen',
    // es
    'proceso de seleccion',
    'como aplicar',
    'como postularse',
    'postulacion',
    'candidatura',
    'proceso',
    // pt
    'processo seletivo',
    'como se candidatar',
    'etapas do processo',
    'etapas do processo seletivo',
    // nl
    'sollicitatieprocedure',
    'solliciteren',
    'hoe solliciteer je',
    'procedure',
    'interesse',
    'sollicitatie',
    'meer informatie',
    // da
    'ansogning',
    'ansøgning',
    'ansogningsproces',
    'ansøgningsproces',
    'sadan soger du',
    'sådan søger du',
    'kontakt',
    'rekrutteringsproces',
    'ansogningsfrist',
    'ansøgningsfrist',
    'sporgsmal',
    'spørgsmål',
  ],
  other: [
    'location',
    'locations',
    'job type',
    'schedule',
    'work location',
    'employment type',
    'department',
    'reports to',
    'start date',
    'travel',
    'hours',
    'working hours',
    'work schedule',
    'details',
    'contract',
    'job id',
    'posted',
    '=team',
    'seniority',
    'additional information',
    'informations complementaires',
    'weitere informationen',
    'informacion adicional',
    'informacoes adicionais',
    'aanvullende informatie',
    'physical demands',
    'work environment',
    'working conditions',
    'equipment',
    'job types',
    'work location',
    'shift availability',
    'shift',
    'work setting',
    'lieu',
    'localisation',
    'type de contrat',
    'standort',
    'arbeitsort',
    'arbeitszeit',
    'ubicacion',
    'jornada',
    'localizacao',
    'local de trabalho',
    'locatie',
    'standplaats',
    'werktijden',
    'arbejdssted',
    'placering',
    'arbejdstid',
    'tiltraedelse',
    'tiltrædelse',
  ],
};

interface Phrase {
  kind: SectionKind;
  /** Normalized words, padded with spaces for whole-word matching. */
  padded: string;
  anchor: 'any' | 'start' | 'whole';
  length: number;
}

let phrases: Phrase[] | undefined;

function phraseTable(): Phrase[] {
  if (phrases) return phrases;
  phrases = [];
  for (const [kind, list] of Object.entries(HEADING_PHRASES) as [SectionKind, string[]][]) {
    for (const raw of list) {
      const anchor = raw[0] === '^' ? 'start' : raw[0] === '=' ? 'whole' : 'any';
      const norm = normalizeHeading(anchor === 'any' ? raw : raw.slice(1));
      if (norm) phrases.push({ kind, padded: ` ${norm} `, anchor, length: norm.length });
    }
  }
  return phrases;
}

let inline: Map<string, SectionKind> | undefined;
const INLINE_WORD_KINDS: readonly SectionKind[] = ['requirements', 'nice-to-have', 'responsibilities', 'benefits'];

/**
 * Phrases that may be read as a heading inside a flattened line ("... is required. Responsibilities
 * Define and articulate ..."): the unanchored ones of the known kinds, single words only when
 * distinctive (six letters or more).
 */
export function inlineHeadingPhrases(): Map<string, SectionKind> {
  if (inline) return inline;
  inline = new Map();
  for (const p of phraseTable()) {
    const norm = p.padded.trim();
    if (p.anchor !== 'any' || p.kind === 'other') continue;
    // A single word inside running text is a heading only when it names what the job asks or
    // gives ("Qualifications", "Benefits"): "Application Performance Tools", "Travel up to 10%",
    // "Diversity of thought" are requirement text.
    if (!norm.includes(' ') && (norm.length < 6 || !INLINE_WORD_KINDS.includes(p.kind))) continue;
    const had = inline.get(norm);
    if (!had) inline.set(norm, p.kind);
  }
  return inline;
}

/** Headings longer than this are sentences, not headings: only their phrases at the start count. */
const MAX_HEADING_WORDS = 12;

/**
 * The kind a heading names, or null when it names none of the known ones (a job title, a team
 * name). 'other' is returned for headings known to be neither (location, schedule, job type).
 */
export function matchHeading(heading: string): SectionKind | null {
  const norm = normalizeHeading(heading);
  if (!norm) return null;
  const words = norm.split(' ');
  const padded = ` ${words.slice(0, MAX_HEADING_WORDS).join(' ')} `;
  let best: Phrase | undefined;
  for (const p of phraseTable()) {
    if (best && p.length <= best.length) continue;
    const hit =
      p.anchor === 'whole'
        ? padded === p.padded
        : p.anchor === 'start'
          ? padded.startsWith(p.padded)
          : padded.includes(p.padded);
    if (hit) best = p;
  }
  return best?.kind ?? null;
}

/** Words a heading may hold besides the phrases that name it ("What you'll bring to the team"). */
const FUNCTION_WORDS = new Set(
  'a an the to of in on for and or with at by our your we you my de du des la le les et en au aux der die das und mit von im zu el los las y con del o e em com da do na no het een van met og i til af med pa'.split(
    ' ',
  ),
);

/**
 * The share of a line's words (function words aside) that known heading phrases cover: "Skills &
 * Experience" 1, "What you'll bring to the team" 0.75, "Experience with Google BigQuery" 0.33. A
 * plain line without markup is read as a heading only when phrases cover most of it.
 */
export function headingCoverage(line: string): number {
  const words = normalizeHeading(line).split(' ').filter(Boolean);
  const content = words.map((w, i) => (FUNCTION_WORDS.has(w) ? -1 : i)).filter((i) => i >= 0);
  if (content.length === 0) return 0;
  const covered = new Set<number>();
  for (const p of phraseTable()) {
    const pw = p.padded.trim().split(' ');
    for (let i = 0; i + pw.length <= words.length; i++) {
      if (p.anchor === 'start' && i > 0) break;
      if (p.anchor === 'whole' && (i > 0 || pw.length !== words.length)) break;
      if (pw.every((w, j) => words[i + j] === w)) for (let j = 0; j < pw.length; j++) covered.add(i + j);
    }
  }
  return content.filter((i) => covered.has(i)).length / content.length;
}

/** The kind of a section from its heading: 'other' when the heading names no known kind. */
export function classifyHeading(heading: string): SectionKind {
  return matchHeading(heading) ?? 'other';
}

// --- Text cues -----------------------------------------------------------------------------------
// Patterns run on text normalized like headings but keeping punctuation that matters ($, +, ',
// digits): lower case, accents removed. Each pattern counts once per text.

const CUES: Record<Exclude<SectionKind, 'other'>, RegExp[]> = {
  requirements: [
    /\byears? of\b|\b\d+\s*\+?\s*(?:-|to)?\s*\d*\s*\+?\s*(?:years?|yrs)\b/,
    /\bdegree in\b|\bbachelor|\bmaster'?s\b|\bph\.?\s?d\b|\bdiploma\b|\bbs\/ms\b|\bb\.?sc?\b/,
    /\bexperience (?:with|in|of|using|building|working)\b|\bexperienced (?:in|with)\b|\bhands-on\b/,
    /\bproficien(?:t|cy)\b|\bfluen(?:t|cy)\b|\bexpertise (?:in|with)\b/,
    /\bknowledge of\b|\bfamiliar(?:ity)? with\b|\bunderstanding of\b|\bbackground in\b/,
    /\byou (?:have|are|bring|possess)\b|\byou'?ll (?:have|bring|need)\b|\byou will (?:have|bring|need)\b/,
    /\bmust (?:have|be|possess|hold)\b|\brequired\b|\brequirements?\b|\bqualifications?\b/,
    /\bability to\b|\bskills? (?:in|with)\b|\bstrong (?:\w+ )?skills\b|\bcertifi(?:ed|cation)\b|\blicen[cs](?:e|ed)\b|\bcdl\b|\bclass [abc] (?:cdl|licen)/,
    // fr
    /\bans d'?experience\b|\bexperience (?:en|de|dans|significative)\b|\bdiplome\b|\bbac ?\+ ?\d\b|\bmaitrise (?:de|du|des)\b|\bconnaissances? (?:en|de|du|des)\b|\bvous (?:avez|etes|maitrisez|justifiez|possedez|disposez)\b/,
    // de
    /\bjahre\b.{0,30}\berfahrung\b|\b(?:berufs)?erfahrung (?:in|mit|im)\b|\bstudium\b|\babgeschlossene\b|\bkenntnisse (?:in|von|im)\b|\bdu (?:hast|bringst|verfugst|bist)\b|\bsie (?:haben|bringen|verfugen)\b|\bausbildung\b/,
    // es
    /\banos de experiencia\b|\bexperiencia (?:en|con|de|minima)\b|\btitulo\b|\blicenciatura\b|\bgrado en\b|\bconocimientos? (?:de|en|avanzados)\b|\bdominio de\b|\bimprescindible\b|\brequisitos?\b/,
    // pt
    /\banos de experiencia\b|\bexperiencia (?:em|com|de|previa)\b|\bgraduacao\b|\bformacao (?:em|superior)\b|\bconhecimentos? (?:em|de)\b|\bdominio de\b|\bvoce (?:tem|possui)\b/,
    // nl
    /\bjaar (?:werk)?ervaring\b|\bervaring (?:met|in|als)\b|\bopleiding\b|\b(?:hbo|wo|mbo)\b|\bkennis van\b|\b(?:je|jij) (?:hebt|beschikt|bent)\b|\bbeheersing\b/,
    // da
    /\bars erfaring\b|\berfaring (?:med|inden for|fra)\b|\buddannelse\b|\bkendskab til\b|\bdu (?:har|er|kan|taler)\b|\bbehersker\b/,
  ],
  'nice-to-have': [
    /\bpreferred\b|\bnice[- ]to[- ]have\b|\bbonus (?:points|if)\b|\b(?:is|be|as) a (?:big |huge )?(?:plus|bonus)\b|\bdesirable\b|\bideally\b/,
    /\bwould be (?:great|a plus|an advantage|beneficial|nice)\b|\b(?:is|an) advantage\b|\bnot required\b/,
    /\bun (?:plus|atout)\b|\bapprecie(?:e|es|s)?\b|\bvon vorteil\b|\bwunschenswert\b|\bse valorara\b|\bdeseable\b|\bvalorable\b|\bdesejavel\b|\bdiferencial\b|\been (?:pre|pluspunt)\b|\bwenselijk\b|\ben fordel\b/,
  ],
  responsibilities: [
    /\byou(?:'ll| will) (?!(?:have|need|bring|receive|get|enjoy|earn|love|also have|be (?:able|eligible|paid|offered|part|rewarded|given))\b)[a-z]+/,
    /\b(?:we are|we're|is) (?:hiring|looking for|seeking|searching for)\b/,
    /\bresponsible for\b|\bresponsibilities\b|\bin this role\b|\bday[- ]to[- ]day\b|\bduties\b|\byour role\b|\bthis role\b|\bthe role\b/,
    /\bvous (?:serez|allez|aurez pour mission)\b|\ben charge de\b|\bvos missions\b|\bdu (?:wirst|entwickelst|arbeitest|ubernimmst|verantwortest|gestaltest)\b|\bsie (?:werden|ubernehmen|verantworten)\b/,
    /\bseras? responsable\b|\bte encargaras\b|\btus funciones\b|\bvoce (?:sera|ira|vai)\b|\bje (?:bent verantwoordelijk|gaat|werkt)\b|\bjij (?:bent verantwoordelijk|gaat)\b|\bdu (?:bliver|skal|vil)\b|\bansvar for\b/,
  ],
  company: [
    /\bwe(?:'re| are) (?:a|an|the|one of)\b|\bfounded in\b|\bour mission\b|\bheadquartered\b|\bleading (?:provider|company|platform|global)\b/,
    /\bour (?:customers|clients|products?|platform|culture|values|company|investors|founders)\b|\bbacked by\b|\bseries [a-e]\b|\bfortune \d+\b|\bwe believe\b/,
    /\bwe (?:design|value|care|strive|celebrate|invest|take pride)\b|\bour (?:people|story|vision|way of)\b|\bemployees (?:in|across|worldwide|around)\b|\b(?:across|around) the (?:world|globe)\b|\bmillions of\b|\bjoin (?:us|our team)\b|\bour team of\b/,
    /\bnous sommes\b|\bnotre mission\b|\bfondee? en\b|\bwir sind\b|\bunsere? (?:mission|kunden)\b|\bgegrundet\b|\bsomos (?:una|un|el|la|uma|um|a|o)\b|\bnuestra mision\b|\bnossa missao\b|\bfundada (?:en|em)\b|\b(?:wij|we) zijn (?:een|de)\b|\bonze missie\b|\bopgericht in\b|\bvi er (?:en|et)\b|\bvores mission\b|\bgrundlagt\b/,
  ],
  benefits: [
    /\bbenefits?\b|\bperks\b|\bsalary\b|\bcompensation\b|\bpay (?:range|rate|scale|band)\b|\bwe offer\b|\bwhat we offer\b/,
    /[$€£]\s?\d|\d\s?[$€£]|\b\d[\d,.]*\s?k?\s?(?:usd|eur|gbp|aud|cad|dkk|chf|sek|nok)\b|\bper (?:hour|year|annum|month)\b|\b(?:an|a) hour\b/,
    /\b(?:health|dental|vision|medical|life|disability) (?:insurance|coverage|plan|plans|benefits)\b|\bdental\b|\b401\(?k\)?\b|\bhsa\b/,
    /\bpto\b|\bpaid (?:time off|leave|holidays|vacation|parental)\b|\b(?:paid|weeks of|days of) vacation\b|\bvacation (?:days|time|policy)\b|\bparental leave\b|\bpension\b|\bstock options?\b|\bequity\b|\bwellness\b|\bgym\b|\bstipend\b|\b(?:annual|performance|signing|sign-on) bonus\b|\bbonus (?:scheme|plan|program|eligib)/,
    /\bnous (?:offrons|proposons)\b|\bmutuelle\b|\btickets? restaurant\b|\bremuneration\b|\bsalaire\b|\bconges\b|\bteletravail\b|\bavantages\b/,
    /\bwir bieten\b|\bgehalt\b|\bvergutung\b|\burlaub(?:stage)?\b|\baltersvorsorge\b|\bhome-?office\b|\bjobrad\b|\bobstkorb\b/,
    /\bofrecemos\b|\bsalario\b|\bbeneficios\b|\bseguro medico\b|\bvacaciones\b|\bteletrabajo\b|\boferecemos\b|\bvale[- ](?:refeicao|alimentacao|transporte)\b|\bplano de saude\b|\bferias\b/,
    /\b(?:wij|we) bieden\b|\bsalaris\b|\bvakantiedagen\b|\bpensioen\b|\bdertiende maand\b|\bthuiswerken\b|\bvi tilbyder\b|(?<![a-z])l[oø]n(?![a-z])|\bferie\b|\bfrokostordning\b|\bsundhedsforsikring\b/,
  ],
  legal: [
    /\bequal (?:employment )?opportunit|\baffirmative action\b|\bwithout regard to\b|\bregardless of (?:race|age|gender|sex|religion|their)\b|\bsexual orientation\b|\bgender identity\b/,
    /\bprotected (?:veteran|class|characteristic)|\be-?verify\b|\bdiscriminat|\breasonable accommodations?\b|\baccommodations? (?:during|in|for) the\b|\bveteran status\b/,
    /\bprivacy (?:policy|notice|statement)\b|\bapplicant privacy\b|\bpersonal (?:data|information) (?:we|you|will|is|are)\b|\bdata protection\b|\bpay transparency\b|\bfair chance\b|\bcriminal (?:history|background)\b|\bgdpr\b/,
    /\bunsolicited (?:resumes?|cvs?|candidates|applications)\b|\b(?:recruitment|staffing) agenc/,
    /\begalite des chances\b|\bdonnees personnelles\b|\brgpd\b|\bchancengleichheit\b|\bdatenschutz\b|\bschwerbehindert|\bdiskriminierung\b|\bigualdad de oportunidades\b|\bdatos personales\b|\bigualdade de oportunidades\b|\bdados pessoais\b|\blgpd\b|\bgelijke kansen\b|\bpersoonsgegevens\b|\bdiscriminatie\b|\blige muligheder\b|\bpersonoplysninger\b/,
  ],
  process: [
    /\bapply (?:now|today|here|online|via|through)\b|\bsubmit (?:your|an) (?:application|resume|cv)\b|\bcover letter\b|\bsend (?:us )?your (?:cv|resume)\b/,
    /\binterviews?\b|\bhiring process\b|\brecruit(?:er|ers|ing team) will\b|\bnext steps?\b|\bapplication deadline\b|\bshortlisted\b/,
    /\bpostule[rz]?\b|\bcandidature\b|\bentretiens?\b|\bbewerbung\b|\bbewirb\b|\bvorstellungsgesprach\b|\bpostula\b|\bentrevistas?\b|\bcandidate-se\b|\bsolliciteer\b|\bsollicitatie\b|\bansog|\bsog stillingen\b|\bansogningsfrist\b/,
  ],
};

/** Text normalized for cue matching: lower case, accents removed, white space collapsed. */
function cueText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

export type CueScores = Record<Exclude<SectionKind, 'other'>, number>;

/** How many cue patterns of each kind the text matches. */
export function cueScores(text: string): CueScores {
  const t = cueText(text);
  const out = {} as CueScores;
  for (const [kind, patterns] of Object.entries(CUES) as [keyof CueScores, RegExp[]][]) {
    let n = 0;
    for (const re of patterns) if (re.test(t)) n++;
    out[kind] = n;
  }
  return out;
}

/**
 * Where a paragraph that mixes the job's text with something else turns into that other kind:
 * the number of words before the first cue of `kind`, when the words before it ask something of
 * the candidate ("... Bachelors or Masters Degree EO Statement IBM is committed to ... equal
 * opportunity"). Null when the paragraph starts with the other kind or has no such cue.
 */
export function jobTextBefore(text: string, kind: Exclude<SectionKind, 'other'>): number | null {
  const t = cueText(text).trim();
  let first = Infinity;
  for (const re of CUES[kind]) {
    const m = re.exec(t);
    if (m && m.index < first) first = m.index;
  }
  if (first === Infinity) return null;
  const words = t.slice(0, first).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const before = classifyText(words.join(' '));
  return before === 'requirements' || before === 'nice-to-have' || before === 'responsibilities' ? words.length : null;
}

/** Ties go to the kinds the extractor reads: when in doubt, text is kept. */
const TIE_ORDER: (keyof CueScores)[] = [
  'requirements',
  'nice-to-have',
  'responsibilities',
  'legal',
  'benefits',
  'company',
  'process',
];

/**
 * The kind of a paragraph from its sentences' cues, or null when no cue is found. A
 * paragraph that both asks for something and mentions pay goes by whichever has more cues.
 */
export function classifyText(text: string): SectionKind | null {
  const scores = cueScores(text);
  let best: keyof CueScores | null = null;
  for (const kind of TIE_ORDER) if (scores[kind] > 0 && (best === null || scores[kind] > scores[best])) best = kind;
  return best;
}

/**
 * A paragraph inside a requirement-like section that is plainly something else (the equal-
 * opportunity statement after the last list, a salary line, a company blurb): its kind, or null
 * when it may belong where it is. Strict: a requirement cue keeps it in place unless legal cues
 * outnumber it ("all qualified applicants ... without regard to ...").
 */
export function strayParagraphKind(text: string): SectionKind | null {
  const s = cueScores(text);
  const job = s.requirements + s['nice-to-have'];
  if (s.legal >= 1 && s.legal > job) return 'legal';
  if (job > 0) return null;
  if (s.benefits >= 2 && s.responsibilities === 0) return 'benefits';
  if (s.company >= 2 && s.responsibilities === 0) return 'company';
  if (s.process >= 2 && s.responsibilities === 0) return 'process';
  return null;
}
