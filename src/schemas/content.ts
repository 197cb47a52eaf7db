/**
 * The content model: every collection in content/, with what each field means.
 * A file that breaks a rule stops the build with the collection, the file and the field.
 * Plain zod with no Astro import, so the same rules run in unit tests and in `npm run check:content`;
 * References between collections are passed in by src/content.config.ts.
 */
import { z } from 'zod';
import { site } from '../config/site';
import { jobsCopy } from '../i18n/ja';
import { examSelection, examWindow, findExam, jointExamFacts, type SelectionStep } from '../lib/exam-calendar';
import { allowanceLineProblems } from '../lib/job-pay';
import { formatRange, type RulesInForce, routeFigures } from '../lib/pay';
import { employmentTypes, eventKinds, faqCategories, hiringTypes, jobFamilies, labels, sessionFormats } from '../lib/taxonomy';
import { calendarDate, clockTime, oneOf, sessionId, text, yen } from './common';
import type { ExamCalendar } from './exam-calendar';

/** Links to other collections, as Astro's `reference()` makes them (or plain strings in unit tests). */
interface References<S extends z.ZodType, P extends z.ZodType> {
  stories: S;
  pillars: P;
  /** The joint exams' calendars (content/exams), which joint-exam openings take their dates from. */
  calendars?: readonly ExamCalendar[];
  /**
   * The rules in force (the newest content/rules/<year>.yaml) and its file: an opening of a route takes its required
   * years and its pay range from them. Without them (unit tests of other fields) a route is not checked.
   */
  rules?: RulesInForce | undefined;
}

export function contentSchemas<S extends z.ZodType, P extends z.ZodType>(ref: References<S, P>) {
  /** Keeps an entry off the public site while it is being written. */
  const draft = z.boolean().default(false);

  const selectionStep = z.object({
    /** e.g. 「書類選考」「面接」. */
    step: text(40),
    /** The day it takes place, when fixed. */
    date: calendarDate.optional(),
    /** When the date is a period or not fixed yet, e.g. 「1月中旬」. */
    note: text(120).optional(),
  });
  const calendars = ref.calendars ?? [];
  /** A joint exam, by the fiscal year of its exam days and its id in content/exams/<year>.yaml. */
  const examRef = z.object({
    year: z.number({ error: '試験の年度（exam.year）を数字で書いてください（例：2027）' }).int().min(2000).max(2100),
    id: z.string({ error: '試験の種類（exam.id）を書いてください（例：keiken）' }).regex(/^[a-z0-9][a-z0-9-]{1,30}$/, {
      error: '試験の種類（exam.id）は content/exams の試験の id（半角英小文字・数字・ハイフン。例：keiken）で書いてください',
    }),
  });
  /** What a recruiter reads when `exam` names no exam of content/exams, with the ones it can name. */
  const unknownExam = (ref: { year: number; id: string }) =>
    `content/exams に ${ref.year}年度の試験「${ref.id}」がありません。書ける試験：${
      calendars.map((c) => `${c.fiscalYear}（${c.exams.map((e) => e.id).join('・')}）`).join('、') || 'なし'
    }`;

  /** What the rules in force fix for an opening of a route (routeFigures); undefined without a route or rules. */
  const figuresOf = (id: string | undefined) => (id === undefined || !ref.rules ? undefined : routeFigures(ref.rules, id));

  const jobs = z
    .object({
      /** As listed, e.g. 「事務（経験者採用）」. */
      title: text(60),
      /** One sentence for lists and search results. */
      summary: text(160),
      /**
       * The route in the rules (content/rules) whose eligibility and pay apply, e.g. tokubetsuku-keiken-1; omit when
       * none does. Its required years and pay range come from the rules: the opening does not type them.
       */
      route: z
        .string({ error: '選考区分（route）を content/rules の routes の id で書いてください（例：tokubetsuku-keiken-1）' })
        .regex(/^[a-z0-9-]{2,60}$/, {
          error: '選考区分（route）は content/rules の routes の id（半角英小文字・数字・ハイフン）で書いてください',
        })
        .optional(),
      hiringType: oneOf(labels(hiringTypes), '採用区分（hiringType）'),
      jobFamily: oneOf(labels(jobFamilies), '職種（jobFamily）'),
      employmentType: oneOf(labels(employmentTypes), '雇用形態（employmentType）'),
      /** The department that will employ the person, e.g. 「区民部 戸籍住民課」. */
      department: text(80),
      /** Where the work is done: the building or 「区内各施設」. */
      workLocation: text(120),
      /** What the person will do, a line each. */
      duties: z.array(text(200)).min(1, { error: '職務内容を1つ以上書いてください' }),
      requirements: z.object({
        /** Years of work experience required, if any; an opening of a route takes them from the rules instead. */
        experienceYears: z.number().int().min(0).max(40).optional(),
        /** What kind of experience counts, e.g. 「民間企業等での業務従事歴」. */
        experienceKind: text(200).optional(),
        /** Licences or degrees required. */
        qualifications: z.array(text(200)).default([]),
        /** Other conditions (age, nationality rules, etc.). */
        other: z.array(text(200)).default([]),
      }),
      pay: z
        .object({
          unit: z.enum(['月給', '時給'], { error: '給与の単位（unit）は「月給」か「時給」にしてください' }),
          /**
           * Lowest figure in yen, as the ward quotes it (monthly pay including 地域手当). An opening of a route takes
           * min and max from the rules' pay of its grade instead; every other opening writes min.
           */
          min: yen.optional(),
          /** Highest figure, yen; omit for a single figure. */
          max: yen.optional(),
          /** Allowances paid on top, a line each. */
          allowances: z.array(text(120)).default([]),
          /** How prior experience sets the starting grade and step. */
          experienceNote: text(400).optional(),
        })
        .refine((p) => p.max === undefined || p.min === undefined || p.max >= p.min, {
          error: '給与の上限（max）は下限（min）以上にしてください',
          path: ['max'],
        }),
      /** How many people will be hired; omit for 「若干名」. */
      openings: z.number().int().min(1).optional(),
      /**
       * The special wards' joint exam this opening is filled through: the fiscal year of its exam days and its id in
       * content/exams/<year>.yaml. Its window, status and test dates come from there, so a joint-exam opening writes
       * no opensOn or closesOn, and its selection lists only the ward's own steps after the exam (区面接, 内定).
       */
      exam: examRef.optional(),
      /** First day applications are taken, Japan time (the ward's own selections; joint exams take it from content/exams). */
      opensOn: calendarDate.optional(),
      /** Last day to apply, inclusive, Japan time (likewise). */
      closesOn: calendarDate.optional(),
      /** The steps after applying; for a joint exam, only the ward's own steps after the exam's final results. */
      selection: z.array(selectionStep).optional(),
      /** On this site, or at an external address (e.g. the special wards' joint exam). */
      apply: z.discriminatedUnion(
        'method',
        [
          z.object({ method: z.literal('online') }),
          z.object({
            method: z.literal('external'),
            /** Where to apply; for a joint exam, the exam's guide (content/exams) unless given. */
            url: z.url({ error: '応募先のURLを https:// から書いてください' }).optional(),
            label: text(80).optional(),
            /** The special wards' joint exam: the employing ward is decided later (提示), so no job posting of ours. */
            jointExam: z.boolean().default(false),
          }),
        ],
        { error: '応募方法（apply.method）は online か external にしてください' },
      ),
      /** Who answers questions; defaults to the HR department in the site config. */
      contact: text(200).optional(),
      /** Staff voices to show beside the opening (file names in content/stories). */
      relatedStories: z.array(ref.stories).default([]),
      draft,
    })
    .superRefine((job, ctx) => {
      const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      const joint = job.apply.method === 'external' && job.apply.jointExam;
      job.pay.allowances.forEach((line, i) => {
        for (const p of allowanceLineProblems(line)) problem(['pay', 'allowances', i], `${i + 1}行目「${line}」：${p}`);
      });
      const figures = figuresOf(job.route);
      if (figures === 'unknown') {
        const rules = ref.rules;
        problem(
          ['route'],
          `選考区分「${job.route}」は ${rules?.file} にありません。次のいずれかにしてください：${rules?.rules.routes
            .map((r) => `${r.id}（${r.label}）`)
            .join('、')}`,
        );
      } else if (figures) {
        const { route, file, pay } = figures;
        if (job.requirements.experienceYears !== undefined)
          problem(
            ['requirements', 'experienceYears'],
            `必要な経験年数は、選考区分「${route.label}」の規則（${file}）から自動で表示します（${route.window.requiredYears}年）。requirements.experienceYears を消してください`,
          );
        if (pay && (job.pay.min !== undefined || job.pay.max !== undefined))
          problem(
            ['pay', job.pay.min !== undefined ? 'min' : 'max'],
            `給与の額は、選考区分「${route.label}」の規則（${file}）から自動で表示します（月給 ${formatRange(pay)}）。pay.min と pay.max を消してください`,
          );
        if (pay && job.pay.unit !== '月給')
          problem(
            ['pay', 'unit'],
            `選考区分「${route.label}」の給与は規則の月額で表示します。給与の単位（pay.unit）を「月給」にしてください`,
          );
        if (route.organizer === 'tokubetsuku' && !joint)
          problem(
            ['apply', 'method'],
            `選考区分「${route.label}」は特別区人事委員会の採用試験です（${file}）。応募は特別区人事委員会が受け付けます。apply を method: external、jointExam: true にしてください。exam には試験の年度と種類を書きます（content/exams。例：year: 2027、id: keiken）`,
          );
        if (route.organizer !== 'tokubetsuku' && job.apply.method === 'external' && job.apply.jointExam)
          problem(
            ['apply', 'jointExam'],
            `選考区分「${route.label}」は区の選考で、特別区の採用試験ではありません（${file}）。apply の jointExam: true を外してください`,
          );
      }
      // An unknown route is the one problem to fix first: the pay may well come from the right one.
      if (job.pay.min === undefined && figures !== 'unknown' && !figures?.pay)
        problem(['pay', 'min'], '給与の下限（pay.min）を円の数字で書いてください（例：288600）');
      if (joint) {
        if (!job.exam)
          return problem(
            ['exam'],
            '特別区の共同試験の募集では、exam に試験の年度と種類を書いてください（例：year: 2027、id: keiken）。受付期間と試験の日程は content/exams から自動で表示します',
          );
        if (!findExam(calendars, job.exam)) problem(['exam'], unknownExam(job.exam));
        for (const key of ['opensOn', 'closesOn'] as const)
          if (job[key] !== undefined)
            problem(
              [key],
              `特別区の共同試験の募集では ${key} を書かないでください。受付期間は content/exams/${job.exam.year}.yaml の試験日程から自動で表示します`,
            );
        return;
      }
      if (job.exam)
        problem(
          ['exam'],
          'exam は特別区の共同試験の募集（apply の jointExam: true）にだけ書きます。区の選考では opensOn と closesOn を書いてください',
        );
      if (job.apply.method === 'external' && !job.apply.url)
        problem(['apply', 'url'], '応募先のURL（apply.url）を https:// から書いてください');
      if (job.apply.method === 'external' && !job.apply.label) problem(['apply', 'label'], '応募先の説明（apply.label）を書いてください');
      if (job.opensOn === undefined) problem(['opensOn'], '募集開始日（opensOn）を 2026-12-20 の形で書いてください');
      if (job.closesOn === undefined) problem(['closesOn'], '締切日（closesOn）を 2026-12-20 の形で書いてください');
      if (job.opensOn !== undefined && job.closesOn !== undefined && job.opensOn > job.closesOn)
        problem(['closesOn'], '締切日（closesOn）は募集開始日（opensOn）と同じか後の日付にしてください');
      if (!job.selection?.length) problem(['selection'], '選考の流れ（selection）を1つ以上書いてください');
    })
    .transform((job) => {
      // An opening of a route states the rules' figures (checked above: it types none of them).
      const fixed = figuresOf(job.route);
      const fromRules = fixed && fixed !== 'unknown' ? fixed : undefined;
      const facts = {
        ...job,
        requirements: { ...job.requirements, experienceYears: fromRules?.route.window.requiredYears ?? job.requirements.experienceYears },
        // pay.min is there unless the rules give the range (checked above).
        pay: { ...job.pay, min: fromRules?.pay?.low ?? job.pay.min ?? 0, max: fromRules?.pay?.high ?? job.pay.max },
        /** Where the figures came from: the route's name and grade in the rules in force. */
        rulesRoute: fromRules && {
          id: fromRules.route.id,
          label: fromRules.route.label,
          grade: fromRules.route.grade,
          file: fromRules.file,
        },
      };
      const scheduled = job.exam && job.apply.method === 'external' && job.apply.jointExam ? findExam(calendars, job.exam) : undefined;
      if (!scheduled) {
        // Checked above: the ward's own openings state both days.
        return {
          ...facts,
          opensOn: job.opensOn ?? '',
          closesOn: job.closesOn ?? '',
          selection: job.selection as SelectionStep[],
          jointExam: undefined,
        };
      }
      const { exam } = scheduled;
      const given = job.apply as { url?: string | undefined; label?: string | undefined };
      return {
        ...facts,
        ...examWindow(exam),
        selection: examSelection(exam, job.selection ?? []),
        apply: {
          method: 'external' as const,
          jointExam: true,
          url: given.url ?? exam.url,
          label: given.label ?? jobsCopy.exam.applyLabel(site.examBody.name, exam.name),
        },
        /** What the opening states about its exam, all of it from content/exams. */
        jointExam: jointExamFacts(scheduled),
      };
    });

  const session = z
    .object({
      /** Stable id, unique across the site; registrations and calendar files keep it. */
      id: sessionId,
      /** The day or days it takes place. */
      dates: z.array(calendarDate).min(1, { error: '開催日（dates）を1つ以上書いてください' }),
      startTime: clockTime,
      endTime: clockTime,
      /** Room and building, or 「オンライン（Zoom）」. */
      place: text(120),
      /** Seats; at least 1. */
      capacity: z
        .number({ error: '定員（capacity）を数字で書いてください' })
        .int()
        .min(1, { error: '定員（capacity）は1以上にしてください' })
        .max(10_000),
      /** Places on the waiting list once the seats are taken; 0 for none. */
      waitlist: z.number().int().min(0).max(1_000).default(0),
      /** Last day to register, inclusive, Japan time. */
      registrationClosesOn: calendarDate,
      /** Hours a person promoted from the waiting list has to confirm the seat before it passes on. */
      claimHours: z.number({ error: '確定の期限（claimHours）を時間数の数字で書いてください' }).int().min(1).max(168).default(48),
    })
    .refine((s) => s.startTime < s.endTime, { error: '終了時刻（endTime）は開始時刻より後にしてください', path: ['endTime'] })
    .refine((s) => s.dates.every((d) => s.registrationClosesOn <= d), {
      error: '申込締切日（registrationClosesOn）は開催日より前の日付にしてください',
      path: ['registrationClosesOn'],
    });

  /** Sessions of one programme or event: ids must differ (the build also checks across files). */
  const sessions = z
    .array(session)
    .min(1, { error: '回（sessions）を1つ以上書いてください' })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.id))
          ctx.addIssue({ code: 'custom', message: `回のID「${s.id}」が重複しています。別のIDにしてください`, path: [i, 'id'] });
        seen.add(s.id);
      });
    });

  const internships = z.object({
    title: text(60),
    summary: text(160),
    department: text(80),
    /** The question the student works on. */
    theme: text(120),
    /** What a student does, a line each. */
    activities: z.array(text(200)).min(1),
    /** Who may take part. */
    eligibility: text(300),
    format: oneOf(labels(sessionFormats), '実施形式（format）'),
    sessions,
    draft,
  });

  const events = z
    .object({
      title: text(60),
      summary: text(160),
      kind: oneOf(labels(eventKinds), '種類（kind）'),
      /** Who it is for, e.g. 「民間企業等で働く社会人の方」. */
      audience: text(200),
      format: oneOf(labels(sessionFormats), '実施形式（format）'),
      /**
       * The special wards' joint exam this event prepares candidates for (content/exams): its sessions must all
       * take place before that exam's applications open, so nobody learns about an exam after it.
       */
      exam: examRef.optional(),
      sessions,
      draft,
    })
    .superRefine((event, ctx) => {
      if (!event.exam) return;
      const scheduled = findExam(calendars, event.exam);
      if (!scheduled) {
        ctx.addIssue({
          code: 'custom',
          path: ['exam'],
          message: unknownExam(event.exam),
        });
        return;
      }
      const opens = scheduled.exam.internet.from;
      event.sessions.forEach((s, i) => {
        const late = s.dates.find((d) => d >= opens);
        if (late)
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', i, 'dates'],
            message: `${scheduled.exam.name}の説明会は、申込受付の始まる日（${opens}）より前に開いてください（${late} は受付の始まった後です）`,
          });
      });
    });

  const stories = z.object({
    /** A headline in the person's words. */
    title: text(80),
    /** Fictional initials or a pen name: never a real person. */
    name: text(20),
    role: text(60),
    department: text(80),
    /** Year the person joined the ward. */
    joinedYear: z.number().int().min(1950).max(2100),
    hiringType: oneOf(labels(hiringTypes), '採用区分（hiringType）'),
    /** What the person did before, for experienced hires. */
    previousCareer: text(120).optional(),
    summary: text(200),
    draft,
  });

  const internalModule = z.object(
    {
      label: text(60),
      url: z
        .url({ error: '内部モジュールのURL（internalModule.url）を https:// から書いてください' })
        .refine((u) => site.internalModuleHosts.includes(new URL(u).host), {
          error: `内部モジュールのURLは職員用のホスト（${site.internalModuleHosts.join('、')}）にしてください`,
        }),
    },
    { error: '内部モジュールへのリンク（internalModule の label と url）を書いてください' },
  );

  const pillars = z.object({
    /** 1–5, as in the plan. */
    number: z.number().int().min(1).max(5),
    /** e.g. 「採用戦略」. */
    title: text(30),
    /** What the pillar means for someone thinking of working here. */
    summary: text(300),
  });

  const initiatives = z.object({
    /** 1–18, as in the plan. */
    number: z.number().int().min(1).max(18),
    /** The title exactly as the plan words it. */
    title: text(60),
    pillar: ref.pillars,
    /** ★ リーディングプロジェクト. */
    leading: z.boolean().default(false),
    /** The plan's own bullet points. */
    planPoints: z.array(text(200)).min(1),
    /** What it means for a candidate, in plain words. */
    forCandidates: text(400),
    /** The staff-only module that carries the initiative out. */
    internalModule,
    /**
     * The other initiative the plan summary writes in the same cell (8 and 9, 11 and 12, 14 and 15): both files
     * then carry that cell's points, and the plan page shows them once, under the lower number.
     */
    sharesCellWith: z.number().int().min(1).max(18).optional(),
    /** Pages of this site where a candidate acts on the initiative (openings, internships, events), e.g. /events/. */
    siteLinks: z
      .array(
        z.object({
          label: text(60),
          href: z.string().regex(/^\/[a-z0-9/#-]*$/, {
            error: 'このサイトのページのアドレスを / から書いてください（例：/jobs/type/experienced/）',
          }),
        }),
      )
      .default([]),
  });

  /** A group of points under a label of its own in the plan summary, e.g. 〈区の抱える主な課題〉. */
  const planGroup = z.object({
    /** e.g. 「区の抱える主な課題」 (without the 〈〉). */
    label: text(40),
    /** The plan numbers the points itself (①〜④): shown as a numbered list, with the plan's own numbers. */
    numbered: z.boolean().default(false),
    /** The plan's points, a line each, word for word. */
    points: z.array(text(200)).min(1),
  });

  /** The first chapter of the plan (策定にあたって): why the plan exists and what it asks for, in the plan's words. */
  const planOverview = z.object({
    /** The title of the plan summary the page quotes, e.g. 「【概要版】〇〇区人事・人材育成改革プランについて」. */
    source: text(80),
    /** The plan's items in its order (目的, 社会的背景…): each a heading with paragraphs, a motto and groups of points. */
    sections: z
      .array(
        z.object({
          /** The item's name as the plan words it, e.g. 「目的」. */
          heading: text(40),
          /** The plan's sentences, a paragraph each, word for word. */
          paragraphs: z.array(text(300)).default([]),
          /** A sentence the plan underlines as the item's core, e.g. 『問題意識を持って…』, shown emphasised. */
          motto: text(120).optional(),
          groups: z.array(planGroup).default([]),
        }),
      )
      .min(1),
  });

  const faq = z.object({
    question: text(120),
    category: oneOf(faqCategories, '分類（category）'),
    /** Position within its category, smallest first. */
    order: z.number().int().min(0).default(100),
    draft,
  });

  const pages = z.object({
    title: text(60),
    description: text(200),
    /** Last substantive change. */
    updatedOn: calendarDate,
    draft,
  });

  const glossary = z
    .object({
      /** The word as the ward writes it, e.g. 「採用候補者名簿」; job pages link its first use to the entry. */
      term: text(30),
      /** How it reads, in hiragana, e.g. 「さいようこうほしゃめいぼ」 (also the order within the same `order`). */
      reading: text(60).regex(/^[\u3041-\u3096\u30fc・（）　 ]+$/, {
        error: '読み（reading）はひらがなで書いてください（例：さいようこうほしゃめいぼ）',
      }),
      /**
       * Other written forms that are linked too, e.g. 「名簿」 for 採用候補者名簿. Only forms that mean nothing else
       * on this site: a form that is also an everyday word would link the wrong sentence.
       */
      aliases: z.array(text(30)).default([]),
      /** Position in the glossary, smallest first. */
      order: z.number().int().min(0).default(100),
      draft,
    })
    .refine((g) => !g.aliases.includes(g.term), {
      error: '別の書き方（aliases）に用語（term）と同じ言葉は書かないでください',
      path: ['aliases'],
    });

  return { jobs, internships, events, stories, pillars, initiatives, planOverview, faq, pages, glossary };
}
