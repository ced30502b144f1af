// Cue patterns per section kind, by language: a paragraph without a heading is classified by how
// many of each kind's patterns it matches (section-classify.ts).
import type { SectionKind } from './sections';

// Patterns run on text normalized like headings but keeping punctuation that matters ($, +, ',
// digits): lower case, accents removed. Each pattern counts once per text.

export const CUES: Record<Exclude<SectionKind, 'other'>, RegExp[]> = {
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
