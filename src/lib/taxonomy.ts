/**
 * The fixed vocabularies of the content model. Recruiters write the Japanese label in front matter;
 * the ASCII key becomes the URL of each pre-built listing page.
 */
export const hiringTypes = {
  experienced: '経験者採用',
  graduate: '新卒・I類相当',
  'fixed-term': '任期付',
  specialist: '専門人材',
  'fiscal-year': '会計年度任用職員',
} as const;

export const jobFamilies = {
  clerical: '事務',
  ict: 'ICT・DX',
  civil: '土木',
  architecture: '建築',
  welfare: '福祉',
  'child-welfare': '児童福祉',
  'public-health-nurse': '保健師',
  childcare: '保育',
  psychology: '心理',
  electrical: '電気',
  mechanical: '機械',
} as const;

/** Employment types, each with the schema.org `employmentType` it maps to. */
export const employmentTypes = {
  permanent: { label: '常勤（任期の定めなし）', schemaOrg: ['FULL_TIME'] },
  'fixed-term': { label: '常勤（任期付）', schemaOrg: ['FULL_TIME', 'TEMPORARY'] },
  'fiscal-full': { label: '会計年度任用（フルタイム）', schemaOrg: ['FULL_TIME', 'TEMPORARY'] },
  'fiscal-part': { label: '会計年度任用（パートタイム）', schemaOrg: ['PART_TIME', 'TEMPORARY'] },
} as const;

export const sessionFormats = { 'on-site': '対面', online: 'オンライン', hybrid: '対面・オンライン併用' } as const;

export const eventKinds = {
  briefing: '説明会',
  tour: '職場見学',
  'online-qa': 'オンライン相談会',
  fair: '合同説明会',
} as const;

export const faqCategories = ['応募・試験', '経験者採用', '勤務条件・待遇', 'インターンシップ・説明会', 'その他'] as const;

type Labelled = Record<string, string | { label: string }>;
const labelOf = (v: string | { label: string }) => (typeof v === 'string' ? v : v.label);

/** The Japanese labels of a vocabulary, in order, for a zod enum. */
export function labels<T extends Labelled>(vocab: T): [string, ...string[]] {
  return Object.values(vocab).map(labelOf) as [string, ...string[]];
}

/** The URL key of a label, e.g. keyOf(hiringTypes, '経験者採用') === 'experienced'. */
export function keyOf<T extends Labelled>(vocab: T, label: string): keyof T & string {
  const found = Object.entries(vocab).find(([, v]) => labelOf(v) === label);
  if (!found) throw new Error(`unknown label: ${label}`);
  return found[0];
}
