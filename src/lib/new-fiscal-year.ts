/**
 * A new fiscal year in one action (`npm run new-year`, scripts/new-fiscal-year.mjs): next year's rules
 * (content/rules) and joint-exam calendar (content/exams) written from this year's, one year on and marked as samples
 * to verify, and what that means for each published opening and session, in Japanese.
 *
 * Pure: file text and parsed content in, file text and report lines out. The script reads and writes the files and
 * validates what it would write with the same schemas as the build.
 *
 * What moves by a year: every date value (29 February becomes 28 February); in strings and comments, the old year's
 * name (令和8年度, 2026年度) and every date written with its year (昭和41年（1966年）4月2日, 2027年4月1日, 令和9年3月).
 * Other years stay as written: they name an earlier year's guide (令和5年度の試験案内), and the report lists them.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { ExamCalendar } from '../schemas/exam-calendar';
import type { Rules } from '../schemas/rules';
import { type CalendarDate, dateOf, dateParts, dayNumber, daysInMonth, isCalendarDate } from './calendar';
import { eraYear, fiscalYearName, formatDate, formatWareki, weekdayOf } from './dates';

const nextDay = (day: CalendarDate): CalendarDate => dateOf(dayNumber(day) + 1);
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number): CalendarDate => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** The same day a year later; 29 February becomes 28 February. */
export function nextYearDate(day: CalendarDate): CalendarDate {
  const p = dateParts(day);
  if (p === null || !isCalendarDate(day)) throw new Error(`日付ではありません：${day}`);
  return iso(p.year + 1, p.month, Math.min(p.day, daysInMonth(p.year + 1, p.month)));
}

/** The first western year of each era, for dates written with the era only (令和9年3月31日). */
const eraStart: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };
const ERA = '(明治|大正|昭和|平成|令和)(元|\\d{1,2})年';
const WEEKDAY = '(?:（[日月火水木金土]）)?';
const westernOf = (era: string, year: string) => (eraStart[era] ?? 0) + (year === '元' ? 1 : Number(year)) - 1;
/** 令和10年 for a year: the era of its 1 April, as a fiscal year reads it. */
const eraYearOf = (year: number) => eraYear(iso(year, 4, 1));

/** One kind of written year and how it reads a year later (undefined: left as written). */
interface Form {
  pattern: string;
  next: (m: RegExpExecArray, fiscalYear: number) => string | undefined;
}

/** A day of a match, a year later, with the weekday in brackets when the match had one. */
function movedDay(year: number, month: string, day: string, weekday: boolean) {
  const d = nextYearDate(iso(year, Number(month), Number(day)));
  const p = dateParts(d) ?? { year: 0, month: 0, day: 0 };
  return { d, ...p, weekday: weekday ? `（${weekdayOf(d)}）` : '' };
}

const forms: Form[] = [
  // 昭和41年（1966年）4月2日: the era first, the western year beside it (formatWareki).
  {
    pattern: `${ERA}（(\\d{4})年）(\\d{1,2})月(\\d{1,2})日`,
    next: (m) => {
      return formatWareki(movedDay(Number(m[3]), m[4] ?? '', m[5] ?? '', false).d);
    },
  },
  // 2026年（令和8年）12月20日（日）: the western year first, the era beside it (formatDateBoth).
  {
    pattern: `(?<!\\d)(\\d{4})年（${ERA}）(\\d{1,2})月(\\d{1,2})日${WEEKDAY}`,
    next: (m) => {
      const d = movedDay(Number(m[1]), m[4] ?? '', m[5] ?? '', m[0].endsWith('）'));
      return `${d.year}年（${eraYear(d.d)}）${d.month}月${d.day}日${d.weekday}`;
    },
  },
  // 2027年4月1日（木）, 2027年4月.
  {
    pattern: `(?<!\\d)(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日${WEEKDAY})?`,
    next: (m) => {
      if (m[3] === undefined) return `${Number(m[1]) + 1}年${m[2]}月`;
      const d = movedDay(Number(m[1]), m[2] ?? '', m[3], m[0].endsWith('）'));
      return `${d.year}年${d.month}月${d.day}日${d.weekday}`;
    },
  },
  // 令和9年3月31日, 令和9年3月.
  {
    pattern: `${ERA}(\\d{1,2})月(?:(\\d{1,2})日)?`,
    next: (m) => {
      const year = westernOf(m[1] ?? '', m[2] ?? '');
      if (m[4] === undefined) return `${eraYearOf(year + 1)}${m[3]}月`;
      const d = movedDay(year, m[3] ?? '', m[4], false);
      return `${eraYear(d.d)}${d.month}月${d.day}日`;
    },
  },
  // The year's name: 令和8年度, 2026年度. Another year's stays (it names that year's guide).
  {
    pattern: `令和(?:元|\\d{1,2})年度|(?<!\\d)\\d{4}年度`,
    next: (m, fiscalYear) =>
      m[0] === fiscalYearName(fiscalYear)
        ? fiscalYearName(fiscalYear + 1)
        : m[0] === `${fiscalYear}年度`
          ? `${fiscalYear + 1}年度`
          : undefined,
  },
  // Any other year (平成30年度, 令和5年, 2023年): left as written, and listed.
  { pattern: `${ERA}度?|(?<!\\d)\\d{4}年度?`, next: () => undefined },
];
const anyForm = new RegExp(forms.map((f) => `(?:${f.pattern})`).join('|'), 'g');
const whole = forms.map((f) => new RegExp(`^(?:${f.pattern})$`));

/** A piece of text changed: what it read and what it reads now. */
export interface Rewrite {
  from: string;
  to: string;
}

export interface ShiftedText {
  text: string;
  /** Each year or date moved on, in order. */
  rewritten: Rewrite[];
  /** Each year left as written (another year's guide, a historical date), in order. */
  kept: string[];
}

/** The text of fiscal year `fiscalYear`'s file as next year's: its year's name and its dates a year on. */
export function nextYearText(text: string, fiscalYear: number): ShiftedText {
  const rewritten: Rewrite[] = [];
  const kept: string[] = [];
  const out = text.replace(anyForm, (found) => {
    const i = whole.findIndex((re) => re.test(found));
    const m = whole[i]?.exec(found);
    const next = m ? forms[i]?.next(m, fiscalYear) : undefined;
    if (next === undefined) kept.push(found);
    else if (next !== found) rewritten.push({ from: found, to: next });
    return next ?? found;
  });
  return { text: out, rewritten, kept };
}

/** A date value moved on, by its place in the file, e.g. routes.4.ageLimit.bornOnOrAfter. */
export interface MovedDate {
  path: string;
  from: CalendarDate;
  to: CalendarDate;
}

export interface NextYearFile {
  /** The new file's fiscal year (the old one plus one). */
  fiscalYear: number;
  /** The new file, comments and layout kept. */
  text: string;
  dates: MovedDate[];
  rewritten: Rewrite[];
  kept: string[];
  /** Sources (source, qualificationsSource …) that did not start with 「要確認」 and now do. */
  marked: string[];
}

/** Keys whose value names where a figure comes from: `source`, `qualificationsSource`. */
const isSourceKey = (key: string) => key === 'source' || key.endsWith('Source');
const UNVERIFIED = '要確認：';

/**
 * Next year's rules or exam calendar from this year's YAML: fiscalYear plus one, `sample: true`, every source
 * starting with 「要確認：」, every date value a year on, years and dates in strings and comments moved as
 * nextYearText does, and `provenance` (lines of a comment) added under the file's opening comment.
 */
export function nextYearFile(source: string, provenance: string): NextYearFile {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(`YAML として読めません：${doc.errors[0]?.message ?? ''}`);
  const year = doc.get('fiscalYear');
  if (typeof year !== 'number' || !Number.isInteger(year)) throw new Error('fiscalYear（年度）を 2026 のような整数で書いてください');

  const result: NextYearFile = { fiscalYear: year + 1, text: '', dates: [], rewritten: [], kept: [], marked: [] };
  const shift = (s: string) => {
    const r = nextYearText(s, year);
    result.rewritten.push(...r.rewritten);
    result.kept.push(...r.kept);
    return r.text;
  };
  const comments = (node: { commentBefore?: string | null | undefined; comment?: string | null | undefined }) => {
    if (node.commentBefore) node.commentBefore = shift(node.commentBefore);
    if (node.comment) node.comment = shift(node.comment);
  };
  const walk = (node: unknown, path: string, key: string) => {
    if (isMap(node) || isSeq(node)) comments(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) comments(pair.key);
        const k = String(isScalar(pair.key) ? pair.key.value : '');
        walk(pair.value, path ? `${path}.${k}` : k, k);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, `${path}.${i}`, key);
      });
    } else if (isScalar(node)) {
      comments(node);
      const value = node.value;
      if (typeof value !== 'string') return;
      if (isCalendarDate(value)) {
        const to = nextYearDate(value);
        result.dates.push({ path, from: value, to });
        node.value = to;
        return;
      }
      const shifted = shift(value);
      const marked = isSourceKey(key) && !shifted.startsWith('要確認');
      node.value = marked ? `${UNVERIFIED}${shifted}` : shifted;
      if (marked) result.marked.push(path);
    }
  };
  comments(doc);
  walk(doc.contents, '', '');
  doc.set('fiscalYear', year + 1);
  doc.set('sample', true);
  const lines = provenance
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n\n${lines}` : lines;
  result.text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return result;
}

/** What a file written by `npm run new-year` says of itself, in its opening comment. */
export const provenance = (from: string) =>
  [
    `※ npm run new-year が ${from} から作りました。日付は1年後の同じ月日、年度の名前は次の年度にしてあります。`,
    '  数値・日付・出典を試験案内などで確かめてから、sample: false にしてください。',
  ].join('\n');

/**
 * Whether a rules or calendar file is one `npm run new-year` wrote that is still a sample: the command then starts
 * no further year on its own, so that running it twice does not make two years.
 */
export function madeByNewYearUnchecked(source: string): boolean {
  return /^# ※ npm run new-year が /m.test(source) && parseDocument(source).get('sample') === true;
}

/** The front matter of a Markdown file as an object; undefined when it has none. */
export function frontMatter(source: string): Record<string, unknown> | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!m) return undefined;
  const data: unknown = parseDocument(m[1] ?? '').toJS();
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** A joint exam named by its fiscal year and its id in content/exams/<year>.yaml. */
export interface ExamRef {
  year: number;
  id: string;
}

const examRefOf = (value: unknown): ExamRef | undefined => {
  const v = value as { year?: unknown; id?: unknown } | null | undefined;
  return typeof v?.year === 'number' && typeof v.id === 'string' ? { year: v.year, id: v.id } : undefined;
};

/** A published opening (content/jobs), as far as a new year concerns it. */
export interface OpeningFacts {
  file: string;
  title: string;
  route?: string | undefined;
  exam?: ExamRef | undefined;
  /** The whole file, to find what it writes out by hand (a birth-date limit, …). */
  source: string;
}

/** A published programme or event (content/internships, content/events). */
export interface ProgrammeFacts {
  file: string;
  title: string;
  exam?: ExamRef | undefined;
  sessions: { id: string; dates: CalendarDate[] }[];
}

/** The opening in a Markdown file; undefined for a draft or a file without front matter. */
export function openingFacts(file: string, source: string): OpeningFacts | undefined {
  const d = frontMatter(source);
  if (!d || d['draft'] === true) return undefined;
  return {
    file,
    title: String(d['title'] ?? ''),
    route: typeof d['route'] === 'string' ? d['route'] : undefined,
    exam: examRefOf(d['exam']),
    source,
  };
}

/** The programme or event in a Markdown file; undefined for a draft or a file without front matter. */
export function programmeFacts(file: string, source: string): ProgrammeFacts | undefined {
  const d = frontMatter(source);
  if (!d || d['draft'] === true) return undefined;
  const sessions = Array.isArray(d['sessions']) ? (d['sessions'] as { id?: unknown; dates?: unknown }[]) : [];
  return {
    file,
    title: String(d['title'] ?? ''),
    exam: examRefOf(d['exam']),
    sessions: sessions.map((s) => ({
      id: String(s.id ?? ''),
      dates: Array.isArray(s.dates) ? s.dates.map(String).filter(isCalendarDate) : [],
    })),
  };
}

/** The two files a new year starts from and the two it writes. */
export interface NewYear {
  rules: { from: string; to: string; old: Rules; next: Rules; file: NextYearFile };
  exams: { from: string; to: string; old: ExamCalendar; next: ExamCalendar; file: NextYearFile };
}

/** One published file the new year concerns, and what to do about it. */
export interface Affected {
  file: string;
  title: string;
  /** What it has to do with the new year and what to do, one line each. */
  notes: string[];
}

/** One group of affected files, with what applies to all of them. */
export interface AffectedGroup {
  heading: string;
  lead: string[];
  items: Affected[];
  /** The published openings the new year leaves alone, listed so that the report accounts for every one. */
  unconcerned?: boolean;
}

/** 令和9年度（2027年度） */
const yearName = (year: number) => `${fiscalYearName(year)}（${year}年度）`;
/** The file name with the year in its name moved on: jimu-keiken-2027.md → jimu-keiken-2028.md. */
const renamed = (file: string, from: number, to: number) => {
  const name = file.split('/').at(-1) ?? file;
  return name.includes(String(from)) ? file.replace(new RegExp(`${from}(?=[^/]*$)`), String(to)) : undefined;
};

/**
 * Every published opening and session the new year concerns, grouped by what it means for them:
 * - openings with a route: the build and the checker read the newest rules file, so the new one from the moment it
 *   is in content/rules; and what they write by hand that the new file moved (a birth-date limit);
 * - joint-exam openings and events of the old calendar's year: to move to the new exam when it is the one recruited for;
 * - programmes and events whose sessions all end before the new fiscal year begins.
 */
export function affectedBy(y: NewYear, openings: readonly OpeningFacts[], programmes: readonly ProgrammeFacts[]): AffectedGroup[] {
  const { rules, exams } = y;
  const newYearStart = `${rules.next.fiscalYear}-04-01`;
  const groups: AffectedGroup[] = [];

  // Openings with a route.
  const moved = new Map<string, { from: CalendarDate; to: CalendarDate }[]>();
  for (const route of rules.next.routes) {
    const old = rules.old.routes.find((r) => r.id === route.id);
    const pairs: [CalendarDate | undefined, CalendarDate | undefined][] = [
      [old?.ageLimit?.bornOnOrAfter, route.ageLimit?.bornOnOrAfter],
      [old?.countsTo?.basis === 'date' ? old.countsTo.date : undefined, route.countsTo?.basis === 'date' ? route.countsTo.date : undefined],
    ];
    moved.set(
      route.id,
      pairs.flatMap(([from, to]) => (from && to && from !== to ? [{ from, to }] : [])),
    );
  }
  const withRoute = openings.filter((o) => o.route !== undefined);
  if (withRoute.length > 0)
    groups.push({
      heading: `選考区分（route）のある募集：${withRoute.length}件`,
      lead: [
        `サイトは content/rules のいちばん新しい年度のファイルを使います。${rules.to} を置くと、これらの募集の応募資格の確認と初任給の試算、ビルドでの必要年数と給与の確認は、${rules.to} の規則によります。`,
        `給与の額と必要な経験年数は、${rules.to} の規則から自動で表示します（募集のファイルを書き直す必要はありません）。${rules.to} の数字を確かめて直すと、これらの募集のページにそのまま反映されます。`,
      ],
      items: withRoute.map((o) => {
        const route = rules.next.routes.find((r) => r.id === o.route);
        const notes = [
          route
            ? `区分 ${route.id}（${route.label}）：必要年数 ${route.window.requiredYears}年`
            : `区分「${o.route}」は ${rules.to} にありません。route を直すか、規則に区分を書き加えてください（ビルドが止まります）。`,
        ];
        for (const { from, to } of moved.get(o.route ?? '') ?? []) {
          const written = [formatWareki(from), from, formatDate(from).replace(/（.）$/, '')].find((s) => o.source.includes(s));
          if (written)
            notes.push(
              `「${written}」と書かれています。${rules.to} では、この区分の日付を ${formatWareki(to)} にしました（要確認）。${rules.to} を置くと、このページの応募資格の確認は新しい日付で判定します。新しい年度の選考で募集するときは、選考案内で確かめてから書き直してください。`,
            );
        }
        return { file: o.file, title: o.title, notes };
      }),
    });

  // Joint-exam openings of the old calendar's year.
  const examOf = (id: string, calendar: ExamCalendar) => calendar.exams.find((e) => e.id === id);
  const oldYear = exams.old.fiscalYear;
  const newYear = exams.next.fiscalYear;
  const examOpenings = openings.filter((o) => o.exam?.year === oldYear);
  if (examOpenings.length > 0)
    groups.push({
      heading: `${yearName(oldYear)}の特別区の採用試験の募集（exam.year: ${oldYear}）：${examOpenings.length}件`,
      lead: [
        `${fiscalYearName(newYear)}の試験で募集するときは、exam.year を ${newYear} にします。受付期間・試験の日程・年齢の基準日は ${exams.to} から表示します（今はサンプルの日付です）。`,
        'ページのアドレス（ファイル名）は変えられません。ファイル名に年度が入っている募集は、このファイルをもとに新しいファイルを作るほうが分かりやすくなります。',
      ],
      items: examOpenings.map((o) => {
        const id = o.exam?.id ?? '';
        const now = examOf(id, exams.old);
        const next = examOf(id, exams.next);
        const notes = [
          now ? `試験 ${id}（${now.name}）：今の申込受付は ${formatDate(now.internet.from)}〜${formatDate(now.internet.to)}` : `試験 ${id}`,
        ];
        notes.push(
          next
            ? `${fiscalYearName(newYear)}の${next.name}の申込受付（サンプル）：${formatDate(next.internet.from)}〜${formatDate(next.internet.to)}`
            : `${exams.to} に試験「${id}」はありません。`,
        );
        const copy = renamed(o.file, oldYear, newYear);
        if (copy) notes.push(`新しいファイルの例：${copy}（exam.year: ${newYear}）`);
        return { file: o.file, title: o.title, notes };
      }),
    });

  // Events for the old calendar's year's exams.
  const examEvents = programmes.filter((p) => p.exam?.year === oldYear);
  if (examEvents.length > 0)
    groups.push({
      heading: `${yearName(oldYear)}の特別区の採用試験を説明するイベント（exam.year: ${oldYear}）：${examEvents.length}件`,
      lead: [
        `${fiscalYearName(newYear)}の試験の説明会は、exam.year を ${newYear} にして開きます。開催日は、その試験の申込受付が始まる日より前にします（その日以降ではビルドが止まります）。`,
      ],
      items: examEvents.map((p) => {
        const id = p.exam?.id ?? '';
        const next = examOf(id, exams.next);
        return {
          file: p.file,
          title: p.title,
          notes: [
            next
              ? `試験 ${id}（${next.name}）：${fiscalYearName(newYear)}の申込受付の始まる日（サンプル）は ${formatDate(next.internet.from)} です。`
              : `${exams.to} に試験「${id}」はありません。`,
          ],
        };
      }),
    });

  // Sessions that end before the new fiscal year begins.
  const ending = programmes
    .map((p) => ({ p, old: p.sessions.filter((s) => s.dates.length > 0 && s.dates.every((d) => d < newYearStart)) }))
    .filter(({ old }) => old.length > 0);
  if (ending.length > 0)
    groups.push({
      heading: `${yearName(rules.next.fiscalYear)}が始まる ${formatDate(newYearStart)} より前に終わる回のあるインターンシップ・イベント：${ending.length}件`,
      lead: [
        `${fiscalYearName(rules.next.fiscalYear)}の回は、回を追加して開きます。新しい回には新しいIDを付け、今の回は消さないでください（申込みの記録が回のIDで結びついています）。`,
        'タイトルやファイル名に年が入っている件は、新しいファイルを作るほうが分かりやすくなります。',
      ],
      items: ending.map(({ p, old }) => {
        const days = old.flatMap((s) => s.dates).sort();
        const first = days[0] ?? '';
        const last = days.at(-1) ?? '';
        const when = first === last ? formatDate(first) : `${formatDate(first)}〜${formatDate(last)}`;
        const notes = [`${old.length}回（${old.map((s) => s.id).join('、')}）：${when}`];
        const years = [...p.title.matchAll(/(?<!\d)\d{4}年|令和(?:元|\d{1,2})年/g)].map((m) => m[0]);
        if (years.length > 0) notes.push(`タイトルに「${years.join('」「')}」とあります。`);
        return { file: p.file, title: p.title, notes };
      }),
    });

  const concerned = new Set(groups.flatMap((g) => g.items.map((i) => i.file)));
  const others = openings.filter((o) => !concerned.has(o.file));
  if (others.length > 0)
    groups.push({
      heading: `この変更が関わらない募集：${others.length}件`,
      lead: [`選考区分（route）も exam.year: ${oldYear} もない募集です。`],
      items: others.map((o) => ({ file: o.file, title: o.title, notes: [] })),
      unconcerned: true,
    });
  return groups;
}

/** How many times each rewrite was made: 「令和8年度」→「令和9年度」（30か所）. */
function rewriteSummary(rewritten: readonly Rewrite[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rewritten) counts.set(`「${r.from}」→「${r.to}」`, (counts.get(`「${r.from}」→「${r.to}」`) ?? 0) + 1);
  return [...counts].map(([what, n]) => `${what}（${n}か所）`);
}

const unique = (list: readonly string[]) => [...new Set(list)];

/** Weekend exam days that the move put on a weekday: the sample dates follow the calendar, not the weekday. */
function weekendsMoved(old: ExamCalendar, next: ExamCalendar): string[] {
  const weekend = (d: CalendarDate) => ['土', '日'].includes(weekdayOf(d));
  return old.exams.flatMap((e) => {
    const n = next.exams.find((x) => x.id === e.id);
    return e.steps.flatMap((s, i) => {
      const to = n?.steps[i]?.date;
      return to && weekend(s.date) && !weekend(to) ? [`${e.name} ${s.step}：${formatDate(s.date)} → ${formatDate(to)}`] : [];
    });
  });
}

/**
 * What `npm run new-year` prints: the files written (or that would be, with --dry-run), what changed in them, what
 * the site does with them, then every published file the new year concerns and what to do.
 */
export function newYearReport(y: NewYear, groups: readonly AffectedGroup[], written: boolean): string {
  const { rules, exams } = y;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const bullet = (s: string) => line(`  - ${s}`);
  line(
    written
      ? `${yearName(rules.next.fiscalYear)}の規則と、${yearName(exams.next.fiscalYear)}の特別区の採用試験の日程を作りました。`
      : `--dry-run のため、ファイルは書き出していません。書き出すときは、次の2つを作ります。`,
  );
  line();
  for (const [what, f] of [
    ['応募資格と初任給の規則', rules],
    ['特別区の採用試験の日程', exams],
  ] as const) {
    line(`■ ${f.to}（${what}。${f.from} をもとにしました）`);
    bullet(`sample: true（サンプル）にし、出典（source）はすべて「要確認：」で始まります。`);
    if (f.file.marked.length > 0) bullet(`「要確認：」を付けた出典：${f.file.marked.join('、')}`);
    const dates = f.file.dates;
    if (dates.length > 0 && dates.length <= 5) bullet(`日付：${dates.map((d) => `${d.path} ${d.from} → ${d.to}`).join('、')}`);
    if (dates.length > 5) bullet(`日付：${dates.length}個を、1年後の同じ月日にしました（曜日は変わります。2月29日は2月28日にします）。`);
    const words = rewriteSummary(f.file.rewritten);
    if (words.length > 0) bullet(`文と注釈（#）で書き換えた年と日付：${words.join('、')}`);
    const kept = unique(f.file.kept);
    if (kept.length > 0)
      bullet(`そのままにした年：${kept.join('、')}（前の年度の資料などを指しています。新しい年度の資料で確かめてください）`);
  }
  const weekends = weekendsMoved(exams.old, exams.next);
  if (weekends.length > 0) bullet(`土曜・日曜から平日に移った試験日：${weekends.join('、')}`);
  line();
  line('■ サイトでは');
  bullet(`応募資格の確認と初任給の試算は、${rules.to} の規則で計算し、「サンプル」「要確認」の印を付けて表示します。`);
  bullet(`選考の流れのページ（/selection/）に、${fiscalYearName(exams.next.fiscalYear)}の日程をサンプルとして載せます。`);
  for (const e of exams.next.exams.filter((x) => x.routes.length > 0)) {
    const now = exams.old.exams.find((x) => x.id === e.id);
    if (!now) continue;
    bullet(
      `区分 ${e.routes.join('・')} の応募資格の確認は、${fiscalYearName(exams.old.fiscalYear)}の${now.name}の申込受付が終わった翌日（${formatDate(nextDay(now.internet.to))}）から、${fiscalYearName(exams.next.fiscalYear)}の試験（サンプル）の基準日 ${formatDate(`${exams.next.fiscalYear + 1}-03-31`)} で数えます。`,
    );
  }
  bullet(
    '試験案内と給与条例で数値・日付・出典を確かめて直し、npm run check:content で誤りがないことを確かめてから、sample: false にします。',
  );
  line();
  const concerned = groups.filter((g) => !g.unconcerned);
  const total = new Set(concerned.flatMap((g) => g.items.map((i) => i.file))).size;
  line(
    total > 0
      ? `■ この変更が関わる公開中の募集・インターンシップ・イベント：${total}件`
      : '■ この変更が関わる公開中の募集・回はありません。',
  );
  for (const g of groups) {
    line();
    line(`◆ ${g.heading}`);
    for (const l of g.lead) line(`  ${l}`);
    for (const item of g.items) {
      bullet(`${item.file}（${item.title}）`);
      for (const n of item.notes) line(`      ${n}`);
    }
  }
  return `${out.join('\n')}\n`;
}
