/**
 * The rules of one fiscal year (content/rules/<year>.yaml): who may apply to each route and grade, how their
 * work history is counted, and how it sets their starting pay, with the worked examples (モデル給与) the site
 * publishes. Recruiters edit the YAML like any other content; an inconsistent file stops the build with the file,
 * the field and what to write instead, in Japanese.
 *
 * Plain zod with no Astro import: the same schema runs in unit tests, at build time and in the Worker.
 * The eligibility checker (src/lib/eligibility.ts) and the pay estimator (src/lib/pay.ts) read the parsed rules; the
 * checks that need them (the worked examples reproduced to the yen) are content checks (src/lib/content-checks.ts,
 * with parseRules), so that nothing here imports them back.
 */
import { z } from 'zod';
import { jobFamilies, labels } from '../lib/taxonomy';
import siteConfig from '../site.config';
import { calendarDate } from './common';

/** An object that names any key it does not know (a misspelt field would otherwise be dropped silently). */
function strict<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${what}に想定していない項目（${issue.keys.join('、')}）があります。綴りを確認するか、取り除いてください`
        : `${what}は、項目ごとに「title: 事務」のような形で書いてください`,
  });
}

/** Text a recruiter writes: trimmed, not empty. */
const words = (label: string, max: number) =>
  z
    .string({ error: `${label}を文字で書いてください` })
    .trim()
    .min(1, { error: `${label}を書いてください` })
    .max(max, { error: `${label}は${max}文字以内で書いてください` });

/** A stable id, referred to from other parts of the file and by the pages: never change it once published. */
const id = (label: string) =>
  z
    .string({ error: `${label}を書いてください` })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: `${label}は半角英小文字・数字・ハイフンで書いてください（例：tokubetsuku-keiken-1）` });

/** A whole number within bounds, with the bounds in the message. */
const whole = (label: string, min: number, max: number, example: number) =>
  z
    .number({ error: `${label}を半角数字で書いてください（例：${example}）` })
    .int({ error: `${label}は整数で書いてください（例：${example}）` })
    .min(min, { error: `${label}は${min}以上にしてください` })
    .max(max, { error: `${label}は${max}以下にしてください` });

/** A number that may have up to two decimals (a percentage, months of bonus). */
const decimal = (label: string, min: number, max: number, example: number) =>
  z
    .number({ error: `${label}を半角数字で書いてください（例：${example}）` })
    .min(min, { error: `${label}は${min}以上にしてください` })
    .max(max, { error: `${label}は${max}以下にしてください` })
    .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
      error: `${label}は小数第2位までで書いてください（例：${example}）`,
    });

const yenAmount = (label: string, example: number) => whole(label, 0, 10_000_000, example);

/**
 * Where a figure comes from, for the ward to fill in: the exam guide, the pay ordinance, and so on.
 * While unconfirmed, write 「要確認：…」.
 */
const source = words('出典（source）', 300);

/** One kind of work a person can enter for a period (正社員, 派遣社員, 育児休業 …). */
const kind = strict(
  {
    /** Stable id the form sends, e.g. `regular`. */
    id: id('職歴の種類のID（kinds.id）'),
    /** As the form shows it, e.g. 「正社員」. */
    label: words('職歴の種類の名前（kinds.label）', 40),
    /**
     * `work`: employment or self-employment, counted when a route's counting rules list it;
     * `leave`: 育児休業・産前産後休業, counted or excluded as the counting rules say;
     * `other`: never counted for eligibility (volunteering, study, training), still converted into pay at its share.
     */
    category: z.enum(['work', 'leave', 'other'], {
      error: '職歴の分類（kinds.category）は work（勤務）・leave（休業）・other（その他）のいずれかにしてください',
    }),
    /** A hint shown beside the choice on the form. */
    hint: words('説明（kinds.hint）', 200).optional(),
  },
  '職歴の種類（kinds）',
);

/** A field of work a period can be tagged with (児童福祉, ICT …), for routes and variants that need their own years. */
const field = strict(
  {
    /** Stable id, e.g. `child-welfare`. */
    id: id('分野のID（fields.id）'),
    /** Short name for summaries, e.g. 「児童福祉」. */
    label: words('分野の名前（fields.label）', 40),
    /** What work belongs to the field, as the form explains it. */
    description: words('分野の説明（fields.description）', 300),
  },
  '経験の分野（fields）',
);

/** A licence or certificate a route may require. */
const qualification = strict(
  {
    /** Stable id, e.g. `shakai-fukushishi`. */
    id: id('資格のID（qualifications.id）'),
    /** e.g. 「社会福祉士」. */
    label: words('資格の名前（qualifications.label）', 60),
  },
  '資格（qualifications）',
);

/** From when experience counts. */
const startRule = z.discriminatedUnion(
  'kind',
  [
    strict(
      {
        /**
         * Counts from 1 April after the fiscal year (April–March) in which the person reaches `age`. The age is reached
         * on the day before the birthday (年齢計算ニ関スル法律), so someone born on 1 April counts a year earlier, with
         * the school year they belong to.
         */
        kind: z.literal('april-after-fiscal-year-of-age'),
        /** e.g. 22: from the April after the fiscal year of the 22nd birthday. */
        age: whole('起算の年齢（startRule.age）', 15, 30, 22),
      },
      '起算日（startRule）',
    ),
    strict(
      {
        /** Counts from any date. */
        kind: z.literal('none'),
      },
      '起算日（startRule）',
    ),
  ],
  { error: '起算日の決め方（startRule.kind）は april-after-fiscal-year-of-age か none にしてください' },
);

/** How a work history is counted: one profile can serve several routes. */
const counting = strict(
  {
    /** Stable id the routes refer to, e.g. `standard`. */
    id: id('数え方のID（counting.id）'),
    /** e.g. 「特別区経験者採用の数え方」. */
    label: words('数え方の名前（counting.label）', 60),
    startRule,
    /** A period counts only at this many hours a week or more, e.g. 29. */
    minHoursPerWeek: decimal('週の勤務時間の下限（counting.minHoursPerWeek）', 0, 60, 29),
    /** Kinds of work (ids from `kinds`, category work or other) that count. */
    kinds: z.array(id('数える職歴の種類（counting.kinds）')).min(1, { error: '数える職歴の種類（counting.kinds）を1つ以上書いてください' }),
    /**
     * 育児休業・産前産後休業: `counts` — the leave counts as experience (at the hours worked before it);
     * `excluded` — days on leave never count, even inside an employment period.
     */
    leave: z.enum(['counts', 'excluded'], {
      error: '休業の扱い（counting.leave）は counts（含める）か excluded（除く）にしてください',
    }),
    /** Whether periods at several employers add up, and the minimum length of each. */
    addingUp: strict(
      {
        /** false: only the longest single period counts. */
        allowed: z.boolean({ error: '通算の可否（counting.addingUp.allowed）は true か false で書いてください' }),
        /** Each period must last this many months (e.g. 12: a period under 1 year does not count); 0 for none. */
        minEachMonths: whole('1つの期間の最低月数（counting.addingUp.minEachMonths）', 0, 120, 12),
        /** When separate periods add up, this many leftover days make a month (e.g. 30). */
        daysPerMonth: whole('1か月とする日数（counting.addingUp.daysPerMonth）', 28, 31, 30),
      },
      '通算の扱い（counting.addingUp）',
    ),
    /** Periods that overlap count once (the only rule there is; written down so the page can say so). */
    overlaps: z.literal('once', { error: '重なる期間の扱い（counting.overlaps）は once（1回だけ数える）にしてください' }),
    source,
  },
  '数え方（counting）',
);

/** A job family (児童福祉 …) that needs its own years in its field on top of the route's requirement. */
const variant = strict(
  {
    /** Stable id, e.g. `child-welfare`. */
    id: id('職種別条件のID（variants.id）'),
    /** One of the site's job families, e.g. 「児童福祉」. */
    jobFamily: z.enum(labels(jobFamilies) as [string, ...string[]], {
      error: `職種（variants.jobFamily）は次のいずれかにしてください：${labels(jobFamilies).join('、')}`,
    }),
    /** The field (id from `fields`) whose years are counted. */
    field: id('分野（variants.field）'),
    /** Years in that field, counted within the route's window with the route's counting rules. */
    requiredYears: whole('分野の必要年数（variants.requiredYears）', 1, 40, 3),
    /** Licences, any one of which is needed (ids from `qualifications`). */
    qualifications: z.array(id('資格（variants.qualifications）')).default([]),
    /** How the requirement reads in the exam guide. */
    note: words('説明（variants.note）', 300),
    source,
  },
  '職種別の条件（variants）',
);

/** One route and grade a person can apply for. */
const route = strict(
  {
    /** Stable id used by the pages and the Worker, e.g. `tokubetsuku-keiken-1`. */
    id: id('区分のID（routes.id）'),
    /** e.g. 「特別区 経験者採用 1級職」. */
    label: words('区分の名前（routes.label）', 60),
    /** The grade as people say it, e.g. 「1級職」「2級職（主任）」. */
    grade: words('職級（routes.grade）', 30),
    /** Who selects: 特別区人事委員会 (joint exam) or the ward itself (区選考). */
    organizer: z.enum(['tokubetsuku', 'ward'], {
      error: `実施者（routes.organizer）は tokubetsuku（特別区人事委員会）か ward（${siteConfig.organisation.name}）にしてください`,
    }),
    /** How experience is counted: the id of a profile in `counting`. */
    counting: id('数え方（routes.counting）'),
    /**
     * 「直近10年中4年以上」: lastYears 10, requiredYears 4. Without lastYears, any time since the start date counts.
     * Both are counted back from the route's reference date (`countsTo`), not from the day of the check.
     */
    window: strict(
      {
        /** The window: the last N years up to the reference date. Omit for 「通算」 without a window. */
        lastYears: whole('対象期間の年数（routes.window.lastYears）', 1, 50, 10).optional(),
        /** Years of counted experience required. */
        requiredYears: whole('必要年数（routes.window.requiredYears）', 1, 50, 4),
        /** Which year's guide states the window; 「要確認：…」 while not verified. */
        source: source.optional(),
      },
      '対象期間（routes.window）',
    ),
    /**
     * The day experience and age are counted to. `exam`: 31 March of the fiscal year of the route's current or next
     * joint exam (content/exams, the exam's `routes`), as the guide says 「試験（選考）受験日の属する年度の末日」;
     * `date`: a fixed day the selection guide gives (e.g. the application deadline); `today`: the day of the check.
     * Required for the ward's routes, so that none counts to today without saying so; the joint exam's routes count
     * to the exam's reference date whether written or not.
     */
    countsTo: z
      .discriminatedUnion(
        'basis',
        [
          strict({ basis: z.literal('exam'), source }, '基準日（routes.countsTo）'),
          strict({ basis: z.literal('date'), date: calendarDate, source }, '基準日（routes.countsTo）'),
          strict({ basis: z.literal('today'), source }, '基準日（routes.countsTo）'),
        ],
        { error: '基準日の決め方（routes.countsTo.basis）は exam・date・today のいずれかにしてください' },
      )
      .optional(),
    /** Only periods tagged with one of these fields (ids from `fields`) count; omit to count any field. */
    fields: z.array(id('数える分野（routes.fields）')).optional(),
    /**
     * Age limit, as the exam guide writes it, one of:
     * - `bornOnOrAfter`: the guide's own birth-date cut-off, e.g. 1966-04-02 for 「昭和41年4月2日以降に生まれた方」
     *   (the 令和8年度 guide: at most 60 on its reference date, 31 March 2027). Used as written, whatever the
     *   reference date; the answer still states the age on that date.
     * - `maxAge`: 「N歳以下」 on the reference date; the cut-off is derived from it. The age is reached on the day
     *   before the birthday (年齢計算ニ関スル法律, 民法143条), so with N = 60 and a reference date of 31 March 2028,
     *   people born on or after 2 April 1967 qualify.
     */
    ageLimit: strict(
      {
        bornOnOrAfter: calendarDate.optional(),
        maxAge: whole('年齢の上限（routes.ageLimit.maxAge）', 15, 80, 59).optional(),
        source: source.optional(),
      },
      '年齢制限（routes.ageLimit）',
    )
      .refine((a) => (a.bornOnOrAfter === undefined) !== (a.maxAge === undefined), {
        error:
          '年齢制限（routes.ageLimit）には bornOnOrAfter（生年月日の基準）か maxAge（基準日時点の上限年齢）のどちらか1つを書いてください',
      })
      .optional(),
    /** Licences, any one of which is needed (ids from `qualifications`); empty for none. */
    qualifications: z.array(id('資格（routes.qualifications）')).default([]),
    /** Which year's guide lists the licences; 「要確認：…」 while not verified. */
    qualificationsSource: source.optional(),
    /**
     * What the checker cannot model, shown beside the answer with its source: e.g. an earlier year's guide that did
     * not add periods up.
     */
    cautions: z.array(strict({ text: words('注意書き（routes.cautions.text）', 300), source }, '注意書き（routes.cautions）')).default([]),
    /** Job families that need their own years, e.g. 児童福祉. */
    variants: z.array(variant).default([]),
    /** How the requirement reads in the exam guide, e.g. 「民間企業等における業務従事歴（直近10年中4年以上）」. */
    note: words('説明（routes.note）', 300),
    source,
  },
  '区分（routes）',
);

/** A linear 号給 table: step 1 pays `firstStepPay`, each step adds `stepIncrement`. */
const table = strict(
  {
    /** 本給 at 1号給, yen a month. */
    firstStepPay: yenAmount('1号給の給料月額（pay.grades.table.firstStepPay）', 160900),
    /** Yen added per 号給. */
    stepIncrement: yenAmount('1号給あたりの増額（pay.grades.table.stepIncrement）', 1900),
    /** The highest 号給 of the grade. */
    maxStep: whole('最高号給（pay.grades.table.maxStep）', 1, 200, 93),
  },
  '給料表（pay.grades.table）',
);

/** One grade's pay. */
const payGrade = strict(
  {
    /** Stable id, e.g. `grade-1`; worked examples refer to it. */
    id: id('職級のID（pay.grades.id）'),
    /** e.g. 「1級職」. */
    label: words('職級の名前（pay.grades.label）', 30),
    /** The route whose eligibility opens this grade (id from `routes`). */
    route: id('区分（pay.grades.route）'),
    table,
    /** 初任給 as a 号給 for each education (ids from `pay.educations`), before experience. */
    startingSteps: z.record(z.string(), whole('初任給の号給（pay.grades.startingSteps）', 1, 200, 29), {
      error: '初任給の号給（pay.grades.startingSteps）を「学歴のID: 号給」の形で書いてください（例：university: 29）',
    }),
    /** Years of experience the starting step already assumes; only converted years beyond it add steps. */
    includedYears: whole('初任給に含まれる経験年数（pay.grades.includedYears）', 0, 40, 8),
    /** The most 号給 experience can add in this grade. */
    maxExperienceSteps: whole('経験加算の上限号給数（pay.grades.maxExperienceSteps）', 0, 200, 40),
  },
  '職級の給与（pay.grades）',
);

/** How much of a kind of experience converts into pay. */
const share = strict(
  {
    /** Id from `kinds`. */
    kind: id('職歴の種類（pay.experience.shares.kind）'),
    /** Percent counted, e.g. 80. */
    percent: decimal('換算率（pay.experience.shares.percent）', 0, 100, 80),
    /** When the share depends on the duties, the highest it can be (the estimate becomes a range). */
    upToPercent: decimal('換算率の上限（pay.experience.shares.upToPercent）', 0, 100, 100).optional(),
  },
  '換算率（pay.experience.shares）',
);

const education = strict(
  {
    /** Stable id, e.g. `university`. */
    id: id('学歴のID（pay.educations.id）'),
    /** e.g. 「大学卒」. */
    label: words('学歴の名前（pay.educations.label）', 30),
    /** Pay experience counts from the April after the fiscal year of this age (e.g. 22 for 大学卒). */
    startingAge: whole('学歴の卒業年齢（pay.educations.startingAge）', 15, 30, 22),
  },
  '学歴（pay.educations）',
);

const pay = strict(
  {
    /** Educations the estimator offers, highest first. */
    educations: z.array(education).min(1, { error: '学歴（pay.educations）を1つ以上書いてください' }),
    /** How prior experience converts into 号給. */
    experience: strict(
      {
        /** 号給 added per year of converted experience, e.g. 4. */
        stepsPerYear: whole('1年あたりの号給数（pay.experience.stepsPerYear）', 1, 12, 4),
        /** Share counted for every kind in `kinds`. */
        shares: z.array(share).min(1, { error: '換算率（pay.experience.shares）を書いてください' }),
        /** Below this many hours a week, a period converts at `shortHoursPercent` at most. */
        fullTimeHoursPerWeek: decimal('フルタイムとする週の勤務時間（pay.experience.fullTimeHoursPerWeek）', 0, 60, 29),
        shortHoursPercent: decimal('短時間勤務の換算率（pay.experience.shortHoursPercent）', 0, 100, 50),
      },
      '経験の換算（pay.experience）',
    ),
    grades: z.array(payGrade).min(1, { error: '職級の給与（pay.grades）を1つ以上書いてください' }),
    /** 地域手当, percent of 本給 (and 扶養手当), e.g. 20. */
    regionalAllowancePercent: decimal('地域手当の率（pay.regionalAllowancePercent）', 0, 50, 20),
    /** 扶養手当, yen a month. */
    dependents: strict(
      {
        spouse: yenAmount('配偶者の扶養手当（pay.dependents.spouse）', 6500),
        child: yenAmount('子1人あたりの扶養手当（pay.dependents.child）', 11500),
        other: yenAmount('その他の扶養親族1人あたりの扶養手当（pay.dependents.other）', 6500),
      },
      '扶養手当（pay.dependents）',
    ),
    /** 期末・勤勉手当, months of monthly pay a year, e.g. 4.55. */
    bonusMonths: decimal('期末・勤勉手当の月数（pay.bonusMonths）', 0, 12, 4.6),
    source,
  },
  '給与（pay）',
);

/** The figures a worked example publishes; the build recomputes each from the rules. */
const figures = strict(
  {
    /** 号給 reached. */
    step: whole('号給（examples.expected.step）', 1, 200, 45),
    /** 本給 (給料月額). */
    basePay: yenAmount('給料月額（examples.expected.basePay）', 244500),
    regionalAllowance: yenAmount('地域手当（examples.expected.regionalAllowance）', 48900),
    /** 本給 + 地域手当. */
    monthly: yenAmount('月額（examples.expected.monthly）', 293400),
    /** Monthly × 12 + bonus. */
    yearly: yenAmount('年額（examples.expected.yearly）', 4855770),
  },
  '期待する額（examples.expected）',
);

/** A worked example (モデル給与) the page publishes. */
const example = strict(
  {
    /** Stable id, e.g. `daigaku-minkan-4`. */
    id: id('モデル給与のID（examples.id）'),
    /** e.g. 「大学卒・民間企業の正社員として4年」. */
    label: words('モデル給与の名前（examples.label）', 80),
    /** Id from `pay.grades`. */
    grade: id('職級（examples.grade）'),
    /** Id from `pay.educations`. */
    education: id('学歴（examples.education）'),
    /** The person's work history in order, full time, from the April after graduation. */
    experience: z
      .array(
        strict(
          {
            /** Id from `kinds`. */
            kind: id('職歴の種類（examples.experience.kind）'),
            years: whole('年数（examples.experience.years）', 0, 45, 4),
            months: whole('月数（examples.experience.months）', 0, 11, 6).default(0),
          },
          '職歴（examples.experience）',
        ),
      )
      .default([]),
    /** Which end of a range the example shows when a share is a range: `low` (default) or `high`. */
    assume: z.enum(['low', 'high'], { error: '試算の前提（examples.assume）は low か high にしてください' }).default('low'),
    expected: figures,
  },
  'モデル給与（examples）',
);

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}

/**
 * The checks that span several parts of the file: ids unique, every reference known, windows long enough. Whether
 * the pay rules reproduce each worked example is checked once the file has parsed (workedExampleProblems in
 * src/lib/content-checks.ts): the schema does not import the pay function, which reads the types defined here.
 */
function crossChecks(rules: RulesShape): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });
  const unique = (list: readonly { id: string }[], where: Path) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) add([...where, i, 'id'], `ID「${item.id}」が重複しています（${where.join('.')}）。別のIDにしてください`);
      seen.add(item.id);
    });
  };
  /** An id that is not among `choices`, with the choices in the message. */
  const known = (value: string, choices: string[], path: Path, what: string, where: string) => {
    if (!choices.includes(value))
      add(path, `${what}「${value}」が ${where} にありません。次のいずれかにしてください：${choices.join('、')}`);
  };

  const ids = {
    kinds: rules.kinds.map((k) => k.id),
    fields: rules.fields.map((f) => f.id),
    qualifications: rules.qualifications.map((q) => q.id),
    counting: rules.counting.map((c) => c.id),
    routes: rules.routes.map((r) => r.id),
    grades: rules.pay.grades.map((g) => g.id),
    educations: rules.pay.educations.map((e) => e.id),
  };
  unique(rules.kinds, ['kinds']);
  unique(rules.fields, ['fields']);
  unique(rules.qualifications, ['qualifications']);
  unique(rules.counting, ['counting']);
  unique(rules.routes, ['routes']);
  unique(rules.pay.educations, ['pay', 'educations']);
  unique(rules.pay.grades, ['pay', 'grades']);
  unique(rules.examples, ['examples']);

  const leaveKinds = rules.kinds.filter((k) => k.category === 'leave').map((k) => k.id);
  rules.counting.forEach((c, i) => {
    c.kinds.forEach((k, j) => {
      known(k, ids.kinds, ['counting', i, 'kinds', j], `数え方 ${c.id} の職歴の種類`, 'kinds');
      if (leaveKinds.includes(k))
        add(
          ['counting', i, 'kinds', j],
          `休業「${k}」は counting.kinds に書かず、counting.leave（counts か excluded）で扱いを決めてください`,
        );
    });
  });

  rules.routes.forEach((r, i) => {
    const at = (...rest: Path) => ['routes', i, ...rest];
    known(r.counting, ids.counting, at('counting'), `区分 ${r.id} の数え方`, 'counting');
    if (r.window.lastYears !== undefined && r.window.requiredYears > r.window.lastYears)
      add(
        at('window', 'requiredYears'),
        `区分 ${r.id} の必要年数（requiredYears: ${r.window.requiredYears}）が対象期間（直近${r.window.lastYears}年）より長くなっています。requiredYears を ${r.window.lastYears} 以下にするか、lastYears を ${r.window.requiredYears} 以上にしてください`,
      );
    if (r.organizer === 'ward' && r.countsTo === undefined)
      add(
        at('countsTo'),
        `区分 ${r.id} は区の選考のため、職務経験と年齢を数える基準日（countsTo）を書いてください（例：basis: date と date: 申込締切日、または basis: today）。出典が確認できないときは source に「要確認：…」と書いてください`,
      );
    if (r.organizer === 'tokubetsuku' && r.countsTo !== undefined && r.countsTo.basis !== 'exam')
      add(
        at('countsTo', 'basis'),
        `区分 ${r.id} は特別区の共同試験のため、基準日は試験の年度の末日（basis: exam）です。countsTo を取り除くか basis: exam にしてください`,
      );
    r.fields?.forEach((f, j) => {
      known(f, ids.fields, at('fields', j), `区分 ${r.id} の分野`, 'fields');
    });
    r.qualifications.forEach((q, j) => {
      known(q, ids.qualifications, at('qualifications', j), `区分 ${r.id} の資格`, 'qualifications');
    });
    unique(r.variants, at('variants'));
    r.variants.forEach((v, j) => {
      known(v.field, ids.fields, at('variants', j, 'field'), `区分 ${r.id} の職種別条件の分野`, 'fields');
      v.qualifications.forEach((q, k) => {
        known(q, ids.qualifications, at('variants', j, 'qualifications', k), `区分 ${r.id} の職種別条件の資格`, 'qualifications');
      });
      if (v.requiredYears > r.window.requiredYears)
        add(
          at('variants', j, 'requiredYears'),
          `区分 ${r.id} の職種別条件「${v.jobFamily}」の必要年数（${v.requiredYears}年）が区分の必要年数（${r.window.requiredYears}年）より長くなっています。${r.window.requiredYears} 以下にしてください`,
        );
    });
  });

  const shareKinds = rules.pay.experience.shares.map((s) => s.kind);
  rules.pay.experience.shares.forEach((s, i) => {
    known(s.kind, ids.kinds, ['pay', 'experience', 'shares', i, 'kind'], '換算率の職歴の種類', 'kinds');
    if (s.upToPercent !== undefined && s.upToPercent < s.percent)
      add(
        ['pay', 'experience', 'shares', i, 'upToPercent'],
        `「${s.kind}」の換算率の上限（upToPercent: ${s.upToPercent}）が換算率（percent: ${s.percent}）より低くなっています。${s.percent} 以上にしてください`,
      );
  });
  for (const k of ids.kinds)
    if (!shareKinds.includes(k))
      add(
        ['pay', 'experience', 'shares'],
        `職歴の種類「${k}」の換算率が pay.experience.shares にありません。「- kind: ${k}」と percent を書き加えてください`,
      );

  rules.pay.grades.forEach((g, i) => {
    const at = (...rest: Path) => ['pay', 'grades', i, ...rest];
    known(g.route, ids.routes, at('route'), `職級 ${g.id} の区分`, 'routes');
    const first = rules.pay.grades.findIndex((other) => other.route === g.route);
    if (first !== i)
      add(
        at('route'),
        `区分「${g.route}」の給与が職級 ${rules.pay.grades[first]?.id} と ${g.id} の2か所にあります。1つの区分に書ける職級の給与は1つです。どちらかの route を直してください`,
      );
    for (const e of ids.educations)
      if (g.startingSteps[e] === undefined)
        add(
          at('startingSteps'),
          `職級 ${g.id} の初任給の号給（startingSteps）に学歴「${e}」がありません。「${e}: 号給」を書き加えてください`,
        );
    for (const [e, step] of Object.entries(g.startingSteps)) {
      known(e, ids.educations, at('startingSteps', e), `職級 ${g.id} の初任給の学歴`, 'pay.educations');
      if (step > g.table.maxStep)
        add(
          at('startingSteps', e),
          `職級 ${g.id} の初任給の号給（${e}: ${step}）が最高号給（table.maxStep: ${g.table.maxStep}）を超えています。${g.table.maxStep} 以下にしてください`,
        );
    }
  });

  rules.examples.forEach((ex, i) => {
    known(ex.grade, ids.grades, ['examples', i, 'grade'], `モデル給与 ${ex.id} の職級`, 'pay.grades');
    known(ex.education, ids.educations, ['examples', i, 'education'], `モデル給与 ${ex.id} の学歴`, 'pay.educations');
    ex.experience.forEach((e, j) => {
      known(e.kind, ids.kinds, ['examples', i, 'experience', j, 'kind'], `モデル給与 ${ex.id} の職歴の種類`, 'kinds');
    });
  });
  return problems;
}

const rulesShape = strict(
  {
    /** true while the figures are plausible samples, not the ward's published ones; the pages say so. */
    sample: z.boolean({ error: 'sample に true（サンプルの数値）か false（区が確認した数値）を書いてください' }),
    /** The fiscal year (April–March) the rules apply to, e.g. 2026 for 令和8年度; the file is named after it. */
    fiscalYear: whole('年度（fiscalYear）', 2000, 2100, 2026),
    /** As the page heads it. */
    title: words('題名（title）', 80),
    source,
    /** The kinds of work the form offers. */
    kinds: z.array(kind).min(1, { error: '職歴の種類（kinds）を1つ以上書いてください' }),
    /** Fields of work that routes or job families count on their own. */
    fields: z.array(field).default([]),
    /** Licences routes may require. */
    qualifications: z.array(qualification).default([]),
    /** Ways of counting a work history, referred to by the routes. */
    counting: z.array(counting).min(1, { error: '数え方（counting）を1つ以上書いてください' }),
    /** Every route and grade, in the order the page lists them. */
    routes: z.array(route).min(1, { error: '区分（routes）を1つ以上書いてください' }),
    pay,
    /** The worked examples (モデル給与) the page publishes; each is recomputed at build (src/lib/content-checks.ts). */
    examples: z.array(example).default([]),
  },
  '規則ファイル',
);
type RulesShape = z.output<typeof rulesShape>;

/** A fiscal year's rules file. */
export const rulesSchema = rulesShape.superRefine((rules, ctx) => {
  for (const p of crossChecks(rules)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

export type RulesInput = z.input<typeof rulesSchema>;
/** A parsed rules file. */
export type Rules = z.output<typeof rulesSchema>;
export type Route = Rules['routes'][number];
export type CountsTo = NonNullable<Route['countsTo']>;
export type Variant = Route['variants'][number];
export type CountingRules = Rules['counting'][number];
export type Kind = Rules['kinds'][number];
export type PayGrade = Rules['pay']['grades'][number];
export type Education = Rules['pay']['educations'][number];
export type WorkedExample = Rules['examples'][number];
export type ExampleFigures = WorkedExample['expected'];

/** A problem as one line: the file, the field and what to do. */
export function problemLine(file: string, path: readonly PropertyKey[], message: string): string {
  const field = path.map(String).join('.');
  return `${file} の ${field === '' ? '（ファイル全体）' : field}：${message}`;
}

/** One line per problem: the file, the field and what to do. */
export function rulesProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => problemLine(file, issue.path, issue.message));
}

/** A period of work as the checker's form and the Worker receive it. */
export const workPeriodSchema = z.strictObject(
  {
    from: calendarDate,
    /** null or omitted: still working there. */
    to: calendarDate.nullable().default(null),
    hoursPerWeek: z
      .number({ error: '週の勤務時間を半角数字で入力してください（例：38.75）' })
      .min(0, { error: '週の勤務時間は0以上で入力してください' })
      .max(168, { error: '週の勤務時間は168以下で入力してください' }),
    /** Id from the rules' `kinds`. */
    kind: id('職歴の種類'),
    /** Id from the rules' `fields`, when the work belongs to one. */
    field: id('経験の分野').optional(),
  },
  { error: '職歴の入力内容を確認してください' },
);

/** What a person enters into the eligibility checker. Nothing of it is stored or logged. */
export const personInputSchema = z
  .strictObject(
    {
      birthDate: calendarDate,
      periods: z.array(workPeriodSchema).max(30, { error: '職歴は30件までにしてください' }),
      /** Ids from the rules' `qualifications`; omit when not asked. */
      qualifications: z.array(id('資格')).max(30).optional(),
    },
    { error: '入力内容を確認してください' },
  )
  .superRefine((p, ctx) => {
    p.periods.forEach((w, i) => {
      if (w.to !== null && w.to < w.from)
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'to'], message: '終了日は開始日と同じか後の日付にしてください' });
    });
  });

export type PersonInputParsed = z.output<typeof personInputSchema>;
