/**
 * Word lists for synthetic data. Real nations come first (so small scales read like news);
 * beyond them, invented nations with unused two-letter codes keep every id valid.
 */

export interface NationInfo {
  iso2: string;
  iso3: string;
  name: string;
  currency: string;
  capital: string;
}

/** [iso2, iso3, name, currency, capital] */
const REAL: readonly [string, string, string, string, string][] = [
  ['UA', 'UKR', 'Ukraine', 'UAH', 'Kyiv'],
  ['GB', 'GBR', 'the United Kingdom', 'GBP', 'London'],
  ['FR', 'FRA', 'France', 'EUR', 'Paris'],
  ['US', 'USA', 'the United States', 'USD', 'Washington'],
  ['DE', 'DEU', 'Germany', 'EUR', 'Berlin'],
  ['PL', 'POL', 'Poland', 'PLN', 'Warsaw'],
  ['CA', 'CAN', 'Canada', 'CAD', 'Ottawa'],
  ['JP', 'JPN', 'Japan', 'JPY', 'Tokyo'],
  ['IT', 'ITA', 'Italy', 'EUR', 'Rome'],
  ['NL', 'NLD', 'the Netherlands', 'EUR', 'Amsterdam'],
  ['NO', 'NOR', 'Norway', 'NOK', 'Oslo'],
  ['SE', 'SWE', 'Sweden', 'SEK', 'Stockholm'],
  ['DK', 'DNK', 'Denmark', 'DKK', 'Copenhagen'],
  ['FI', 'FIN', 'Finland', 'EUR', 'Helsinki'],
  ['EE', 'EST', 'Estonia', 'EUR', 'Tallinn'],
  ['LV', 'LVA', 'Latvia', 'EUR', 'Riga'],
  ['LT', 'LTU', 'Lithuania', 'EUR', 'Vilnius'],
  ['CZ', 'CZE', 'Czechia', 'CZK', 'Prague'],
  ['RO', 'ROU', 'Romania', 'RON', 'Bucharest'],
  ['BE', 'BEL', 'Belgium', 'EUR', 'Brussels'],
  ['AU', 'AUS', 'Australia', 'AUD', 'Canberra'],
  ['CH', 'CHE', 'Switzerland', 'CHF', 'Bern'],
  ['AT', 'AUT', 'Austria', 'EUR', 'Vienna'],
  ['PT', 'PRT', 'Portugal', 'EUR', 'Lisbon'],
  ['IE', 'IRL', 'Ireland', 'EUR', 'Dublin'],
  ['GR', 'GRC', 'Greece', 'EUR', 'Athens'],
  ['TR', 'TUR', 'Türkiye', 'TRY', 'Ankara'],
  ['KR', 'KOR', 'South Korea', 'KRW', 'Seoul'],
  ['NZ', 'NZL', 'New Zealand', 'NZD', 'Wellington'],
  ['SK', 'SVK', 'Slovakia', 'EUR', 'Bratislava'],
  ['SI', 'SVN', 'Slovenia', 'EUR', 'Ljubljana'],
  ['HR', 'HRV', 'Croatia', 'EUR', 'Zagreb'],
  ['BG', 'BGR', 'Bulgaria', 'BGN', 'Sofia'],
  ['HU', 'HUN', 'Hungary', 'HUF', 'Budapest'],
  ['LU', 'LUX', 'Luxembourg', 'EUR', 'Luxembourg City'],
  ['IS', 'ISL', 'Iceland', 'ISK', 'Reykjavík'],
  ['SA', 'SAU', 'Saudi Arabia', 'SAR', 'Riyadh'],
  ['RU', 'RUS', 'Russia', 'RUB', 'Moscow'],
];

const SYLLABLES = ['val', 'dor', 'ka', 'ri', 'mon', 'te', 'na', 'sel', 'vi', 'ar', 'lo', 'bre', 'tan', 'is', 'gor', 'mi', 'el', 'zu'];
const ENDINGS = ['ia', 'land', 'stan', 'ovia', 'ara', 'enia'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'PLN', 'CAD', 'AUD', 'JPY'];

/** Nation number `k` (0 = Ukraine, the usual recipient); the same `k` always gives the same nation. */
export function nationAt(k: number): NationInfo {
  const real = REAL[k];
  if (real !== undefined) {
    const [iso2, iso3, name, currency, capital] = real;
    return { iso2, iso3, name, currency, capital };
  }
  const taken = new Set(REAL.map((r) => r[0]));
  const free: string[] = [];
  for (let a = 0; a < 26; a++)
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(65 + a, 65 + b);
      if (!taken.has(code)) free.push(code);
    }
  const j = k - REAL.length;
  const iso2 = free[(j * 37) % free.length]!;
  const s1 = SYLLABLES[j % SYLLABLES.length]!;
  const s2 = SYLLABLES[Math.floor(j / SYLLABLES.length) % SYLLABLES.length]!;
  const ending = ENDINGS[Math.floor(j / (SYLLABLES.length * SYLLABLES.length)) % ENDINGS.length]!;
  const name = `${s1[0]!.toUpperCase()}${s1.slice(1)}${s2}${ending}`;
  return { iso2, iso3: `${iso2}X`, name, currency: CURRENCIES[j % CURRENCIES.length]!, capital: `${name} City` };
}

/** How many nations exist (real + invented, one per free two-letter code). */
export const NATION_COUNT = 26 * 26;

export const FIRST_NAMES = [
  'Anna',
  'Olena',
  'Marta',
  'Sophie',
  'Clara',
  'Ingrid',
  'Léa',
  'Katarzyna',
  'Elena',
  'Hanna',
  'Maria',
  'Ewa',
  'Astrid',
  'Zofia',
  'Chloé',
  'Julia',
  'Freya',
  'Nadia',
  'Petra',
  'Sara',
  'James',
  'Olivier',
  'Tomasz',
  'Lars',
  'Henrik',
  'Mykola',
  'Andriy',
  'Jan',
  'Marco',
  'Pieter',
  'Jonas',
  'Mateusz',
  'Erik',
  'Luca',
  'Stefan',
  'David',
  'Hugo',
  'Karel',
  'Matti',
  'Dmytro',
];

export const LAST_NAMES = [
  'Kowalski',
  'Novak',
  'Lindqvist',
  'Dubois',
  'Marchetti',
  'Hansen',
  'Petrenko',
  'Schneider',
  'Virtanen',
  'Horvat',
  'Jansen',
  'Moreau',
  'Kovalenko',
  'Nowak',
  'Berg',
  'Rossi',
  'Müller',
  'Dvořák',
  'Popescu',
  'Bakker',
  'Fischer',
  'Lambert',
  'Shevchenko',
  'Andersen',
  'Costa',
  'Nielsen',
  'Wójcik',
  'Keller',
  'Ozols',
  'Tamm',
  'Gallagher',
  'Murphy',
  'Whitfield',
  'Ashworth',
  'Carter',
  'Brennan',
  'Sato',
  'Tanaka',
  'Kim',
  'Park',
];

export const FEMININE = new Set(FIRST_NAMES.slice(0, 20));

/** Offices every nation has: [slug, title]. */
export const NATION_OFFICES = [
  ['head-of-government', 'Prime Minister'],
  ['defence-minister', 'Defence Minister'],
  ['foreign-minister', 'Foreign Minister'],
  ['finance-minister', 'Finance Minister'],
] as const;

/** Long-lived organisations: [slug, name, kind]. */
export const ORGANIZATIONS = [
  ['eu', 'the European Union', 'intergovernmental-union'],
  ['nato', 'NATO', 'military-alliance'],
  ['g7', 'the G7', 'intergovernmental-association'],
  ['un', 'the United Nations', 'intergovernmental-association'],
  ['osce', 'the OSCE', 'intergovernmental-association'],
  ['commonwealth', 'the Commonwealth', 'intergovernmental-association'],
  ['nordic-council', 'the Nordic Council', 'intergovernmental-association'],
] as const;

const TOPIC_ADJECTIVES = [
  'air',
  'maritime',
  'energy',
  'grain',
  'cyber',
  'border',
  'nuclear',
  'financial',
  'humanitarian',
  'industrial',
  'long-term',
  'regional',
  'naval',
  'civil',
  'digital',
  'food',
  'medical',
  'rail',
  'winter',
  'frontline',
];
const TOPIC_NOUNS = [
  'defence',
  'security',
  'sanctions',
  'reconstruction',
  'exports',
  'resilience',
  'aid',
  'production',
  'supply chains',
  'training',
  'infrastructure',
  'demining',
  'logistics',
  'shelters',
  'repairs',
  'reserves',
  'corridors',
  'monitoring',
  'guarantees',
  'peace talks',
];

/** Topic number `k`, from a fixed 400-topic vocabulary. */
export function topicAt(k: number): string {
  const adjective = TOPIC_ADJECTIVES[k % TOPIC_ADJECTIVES.length]!;
  const noun = TOPIC_NOUNS[Math.floor(k / TOPIC_ADJECTIVES.length) % TOPIC_NOUNS.length]!;
  return `${adjective} ${noun}`;
}
export const TOPIC_COUNT = TOPIC_ADJECTIVES.length * TOPIC_NOUNS.length;

export const COMPANY_WORDS = ['Arrow', 'Northwind', 'Falcon', 'Granite', 'Meridian', 'Sentinel', 'Aurora', 'Vector', 'Bastion', 'Helix'];
export const COMPANY_SUFFIXES = ['Dynamics', 'Defence Systems', 'Aerospace', 'Industries', 'Technologies', 'Munitions'];

export const VENUES = ['Government House', 'the Foreign Ministry', 'the Defence Ministry', 'the Palace of Congresses', 'the Air Base'];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const FUNDING_PHRASES = [
  'profits from frozen Russian assets',
  'a cut in the overseas aid budget',
  'a special defence fund',
  'windfall tax revenue',
  'the national reserve fund',
  'a joint European bond',
];

/** [kind, subtype, phrase, itemType?, items?] */
export const COMMITMENT_TYPES = [
  ['financial', 'loan', 'loans', undefined, undefined],
  ['financial', 'grant', 'budget support', undefined, undefined],
  ['military', 'weapons-package', 'air defence systems', 'Heavy weapon', 'air defence systems'],
  ['military', 'weapons-package', 'artillery shells', 'Ammunition for heavy weapon', 'artillery shells'],
  ['military', 'weapons-package', 'attack drones', 'Aviation and drones', 'attack drones'],
  ['military', 'equipment', 'armoured vehicles', 'Military equipment', 'armoured vehicles'],
  ['humanitarian', 'relief', 'humanitarian aid', undefined, undefined],
  ['economic', 'reconstruction', 'reconstruction funding', undefined, undefined],
] as const;

export const STATUSES = ['announced', 'agreed', 'approved', 'signed', 'planned', 'in-progress'] as const;

export const STANCE_KINDS = [
  'supports',
  'welcomes',
  'endorses',
  'calls-for',
  'commits-to',
  'concerned-about',
  'opposes',
  'condemns',
] as const;

export const SAYING_VERBS = ['said', 'stated', 'added', 'warned', 'told reporters'] as const;

/** Direct quotes: `{topic}` is replaced by a topic name (mentioned), `{nation}` by the recipient. */
export const QUOTES = [
  'We will stand with {nation} for as long as it takes, and {topic} is where we start',
  'Nobody should doubt our resolve on {topic}',
  'This package shows that {topic} is not a slogan but a plan',
  'Our partners in {nation} asked for help with {topic}, and we are delivering',
  'We cannot wait another winter to act on {topic}',
  'Every euro we spend on {topic} is an investment in our own security',
];

/** Reported speech: the clause after "said". */
export const CLAUSES = [
  '{nation} would receive more help with {topic} before the end of the year',
  'talks on {topic} had made real progress',
  'the government would keep backing {nation} on {topic}',
  'further support for {topic} was under discussion',
  'a decision on {topic} was expected within weeks',
];

export const GROUP_TEMPLATES = [
  { name: 'European leaders', description: 'Leaders of European states named together by the source.' },
  { name: 'officials from around 20 nations', description: 'Officials of about twenty nations.', count: 20 },
  { name: 'the coalition of the willing', description: 'States willing to guarantee a ceasefire.' },
  { name: 'defence ministers of the alliance', description: 'Defence ministers of the alliance members.', org: 'nato' },
  { name: 'EU finance ministers', description: 'Finance ministers of the EU member states.', org: 'eu' },
] as const;
