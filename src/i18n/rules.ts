/**
 * Every word the eligibility checker and the starting-pay estimator show: reasons for each period,
 * the summary line of each route, conditions and the assumptions behind a pay estimate.
 * The rules themselves (labels, numbers) live in content/rules/; only the sentences around them are here.
 */
import siteConfig from '../site.config';

/** A length of time as the checker counts it: whole years, months and leftover days. */
export interface DurationParts {
  years: number;
  months: number;
  days: number;
}

/** 4年2か月, 3年11か月30日, 2か月, 0日 */
export function durationText(d: DurationParts): string {
  const parts = [d.years > 0 ? `${d.years}年` : '', d.months > 0 ? `${d.months}か月` : '', d.days > 0 ? `${d.days}日` : ''];
  const text = parts.join('');
  return text === '' ? '0日' : text;
}

/** 2026-04-01 → 2026年4月1日 */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const yen = (n: number) => `${new Intl.NumberFormat('ja-JP').format(n)}円`;

export const rulesCopy = {
  /** 通算4年2か月 */
  total: (d: DurationParts) => `通算${durationText(d)}`,
  /** 直近10年のうち通算4年2か月（必要：4年）, or 通算3年2か月（必要：3年） when the route has no window. */
  summary: (windowYears: number | null, counted: DurationParts, required: DurationParts) =>
    `${windowYears === null ? '' : `直近${windowYears}年のうち`}通算${durationText(counted)}（必要：${durationText(required)}）`,
  /**
   * 「2028年3月31日時点で直近10年のうち通算4年2か月（見込み。必要：4年）」: the figure at a reference date; 見込み
   * when that day is after today. Without `required`: today's figure beside it.
   */
  summaryAt: (date: string, prospective: boolean, windowYears: number | null, counted: DurationParts, required?: DurationParts) => {
    const notes = [prospective ? '見込み' : '', required ? `必要：${durationText(required)}` : ''].filter((x) => x !== '');
    return `${dateText(date)}時点で${windowYears === null ? '' : `直近${windowYears}年のうち`}通算${durationText(counted)}${
      notes.length > 0 ? `（${notes.join('。')}）` : ''
    }`;
  },
  /** 「本日（2026年12月7日）時点では直近10年のうち通算3年10か月」: today's figure beside the one at the reference date. */
  summaryToday: (date: string, windowYears: number | null, counted: DurationParts) =>
    `本日（${dateText(date)}）時点では${windowYears === null ? '' : `直近${windowYears}年のうち`}通算${durationText(counted)}`,
  /** 児童福祉の経験 通算2年（必要：3年） */
  variantSummary: (fieldLabel: string, counted: DurationParts, required: DurationParts) =>
    `うち${fieldLabel}の経験 通算${durationText(counted)}（必要：${durationText(required)}）`,
  verdict: { eligible: '応募できます', notEligible: '応募資格を満たしていません', confirm: '応募できます（資格の確認が必要です）' },

  /** Why a period counted, or did not, or only in part. `{…}` values are filled in by the checker. */
  reasons: {
    counted: () => 'この期間は職務経験として数えます。',
    invalidDates: () => '終了日が開始日より前か、日付が正しくありません。日付を確認してください。',
    unknownKind: (kind: string) => `職歴の種類「${kind}」はこの規則にありません。種類を選び直してください。`,
    kindNotCounted: (kindLabel: string) => `「${kindLabel}」の期間は職務経験に含まれません。`,
    hoursBelowMinimum: (min: number, hours: number) =>
      `週${min}時間以上の勤務が条件です（この期間は週${hours}時間）。この期間は数えません。`,
    notStarted: (date: string, reference: boolean) =>
      reference
        ? `開始日が基準日（${dateText(date)}）より後のため、数えません。`
        : `開始日が今日（${dateText(date)}）より後のため、まだ数えません。`,
    futureClipped: (date: string, reference: boolean) =>
      reference ? `基準日（${dateText(date)}）より後の部分は数えません。` : `今日（${dateText(date)}）より後の部分は、まだ数えません。`,
    beforeStart: (start: string, age: number) =>
      `${age}歳に達した日の属する年度の翌年度の4月1日（${dateText(start)}）より前の期間は数えません。`,
    partlyBeforeStart: (start: string, age: number) =>
      `${age}歳に達した日の属する年度の翌年度の4月1日（${dateText(start)}）より前の部分は数えません。`,
    outsideWindow: (years: number, start: string) => `直近${years}年（${dateText(start)}以降）より前の期間のため数えません。`,
    partlyOutsideWindow: (years: number, start: string) => `直近${years}年（${dateText(start)}以降）より前の部分は数えません。`,
    shorterThanMinimum: (min: string, length: string) =>
      `通算できるのは1つの期間が${min}以上続いた場合です（この期間は${length}）。この期間は数えません。`,
    overlap: () => '他の期間と重なる部分は、1回だけ数えます。',
    leaveCounted: () => '育児休業・産前産後休業の期間も、休業前の勤務時間で職務経験に含めます。',
    leaveExcluded: () => '育児休業・産前産後休業の期間は職務経験から除きます。',
    leaveExcludedPart: () => 'この期間のうち育児休業・産前産後休業と重なる部分は数えません。',
    fieldMismatch: (fields: string) => `この区分で数えるのは、${fields}の経験です。`,
    notLongest: () => 'この区分では期間を通算できないため、最も長い1つの期間だけを数えます。',
  },

  /** The conditions of a route besides the counted time. */
  conditions: {
    experienceMet: (summary: string) => `職務経験：${summary}。条件を満たしています。`,
    experienceNotMet: (summary: string) => `職務経験：${summary}。条件を満たしていません。`,
    ageMet: (born: string, at: string, age: number) =>
      `年齢：${born}以降に生まれた方が対象です。${dateText(at)}時点で${age}歳です。条件を満たしています。`,
    ageNotMet: (born: string, at: string, age: number) =>
      `年齢：${born}以降に生まれた方が対象です。${dateText(at)}時点で${age}歳です。条件を満たしていません。`,
    qualificationMet: (names: string) => `資格：${names}のいずれかが必要です。条件を満たしています。`,
    qualificationNotMet: (names: string) => `資格：${names}のいずれかが必要です。お持ちの資格に含まれていません。`,
    qualificationUnknown: (names: string) => `資格：${names}のいずれかが必要です。お持ちの資格を確認してください。`,
    fieldMet: (summary: string) => `${summary}。条件を満たしています。`,
    fieldNotMet: (summary: string) => `${summary}。条件を満たしていません。`,
  },

  /** Every assumption behind a pay estimate, in the order the page lists them. */
  assumptions: {
    sample: 'この試算の数値はサンプルです。区が確認した数値に置き換えるまで、実際の給与とは異なります。',
    estimateOnly: '実際の初任給は、採用が決まった後に経歴を確認して決定します。この額は目安です。',
    education: (label: string, grade: string, step: number) => `${label}の初任給（${grade}${step}号給）を基準にしています。`,
    countsFrom: (label: string, date: string) =>
      `職務経験は${dateText(date)}（${label}の方が卒業する年度の翌年度の初日）以降の期間を数えます。`,
    shares: (list: string) => `経験の換算率：${list}。`,
    shortHours: (hours: number, percent: number) => `週${hours}時間未満の期間は${percent}%で換算します。`,
    overlaps: '重なる期間は1回だけ、換算率の高い方で数えます。',
    stepsPerYear: (steps: number) => `換算した経験1年につき${steps}号給を加算します（1年未満は月数に応じて、号給未満は切り捨て）。`,
    included: (grade: string, years: number) => `${grade}の初任給は職務経験${years}年を含んでいるため、${years}年を超える分を加算します。`,
    cap: (grade: string, steps: number) => `${grade}で経験により加算する号給は最大${steps}号給までです。`,
    capReached: (grade: string, steps: number) => `経験による加算が上限（${grade}：${steps}号給）に達しています。`,
    maxStep: (grade: string, step: number) => `${grade}の号給は${step}号給が上限です。`,
    regional: (percent: number) => `地域手当は給料月額（扶養手当を含む）の${percent}%です。`,
    dependents: (amount: number) => `扶養手当：月額${yen(amount)}を含めています。`,
    noDependents: '扶養手当は含めていません（扶養する家族がいる場合は加算されます）。',
    yearly: (months: number) =>
      `年額は月額の12か月分と期末・勤勉手当${months}か月分の合計です。住居手当・通勤手当・超過勤務手当は含みません。`,
    range: '経験の換算率が職務内容によって変わるため、低い換算率と高い換算率の両方で試算しています。',
    likely: (grade: string) => `応募できる職級のうち最も高い${grade}で採用された場合の額です。`,
    notEligible: (grade: string) => `いずれの職級の応募資格も満たしていないため、${grade}で試算しています。`,
    /** A route with one grade (the ward's own selections). */
    only: (grade: string) => `${grade}で採用された場合の額です。`,
    onlyNotEligible: (grade: string) => `応募資格を満たしていませんが、参考として${grade}で採用された場合の額を試算しています。`,
  },
} as const;

/** Where a route's exam guide (試験案内・選考案内) is published, by who runs the selection. */
export const guideLinks = {
  // The href is the guide's page of the route's exam in content/exams (on the exam body's site from the site config);
  // this one is the fallback, our page listing every exam with its guide.
  tokubetsuku: { label: '特別区人事委員会の採用試験案内', href: '/selection/#exam-calendar' },
  ward: { label: '各募集ページの選考案内', href: '/jobs/' },
} as const;

/**
 * The eligibility checker and starting-pay estimator: its pages (/eligibility/), its form, the errors it shows and the
 * result that the page script and the Worker both write (src/lib/eligibility-view.ts).
 */
export const checkerCopy = {
  title: '応募資格と初任給の確認',
  routeTitle: (label: string) => `応募資格と初任給の確認：${label}`,
  description: '生年月日と職歴を入力すると、経験者採用などの各区分に応募できるかどうかと、初任給の目安を確認できます。',
  indexLead: '生年月日と職歴を入力すると、応募できるかどうかと初任給の目安を、その場で確認できます。確認したい区分を選んでください。',
  routeLead: (label: string) => `生年月日と職歴を入力して「確認する」を押すと、${label}に応募できるかどうかと、初任給の目安を表示します。`,
  familyLead: '特別区 経験者採用の区分では、1級職・2級職（主任）・3級職（係長級）のすべてについて判定します。',
  privacy: '入力した生年月日や職歴は、この確認のためだけに使います。保存や記録はしません。',
  sample: 'このページの数値はサンプルです。区が確認した数値に置き換えるまで、実際の応募資格・給与とは異なる場合があります。',
  organizers: {
    tokubetsuku: '特別区 経験者採用（特別区人事委員会が実施）',
    ward: `${siteConfig.organisation.name}の選考（${siteConfig.organisation.name}が実施）`,
  },
  requirement: (note: string) => `応募資格：${note}`,
  checkLink: (label: string) => `${label}の応募資格と初任給を確認する`,

  /** The notice that the exam guide governs, around a link to it. */
  guide: {
    before: 'この確認の結果は目安です。応募資格と給与は、試験案内（選考案内）の記載が優先します。応募する前に、必ず',
    after: 'をご確認ください。',
  },

  /** Where people whose dates are uncertain can find them. */
  dates: {
    title: '勤務した期間が分からないときは',
    lead: '入社日や退職日がはっきりしない場合は、次の記録で確認できます。',
    pension: '会社員・公務員として厚生年金に加入していた期間は、年金記録で確認できます：',
    pensionLink: { label: 'ねんきんネット（日本年金機構）', href: 'https://www.nenkin.go.jp/n_net/' },
    employment: '雇用保険に加入していた期間は、お近くのハローワークで確認できます：',
    employmentLink: { label: 'ハローワークインターネットサービス（厚生労働省）', href: 'https://www.hellowork.mhlw.go.jp/' },
    selfEmployed: '自営業・フリーランスの期間は、開業届や確定申告書の控えで確認できます。',
  },

  /** The worked examples (モデル給与) table. */
  examples: {
    title: 'モデル給与（掲載例）',
    lead: '経歴ごとの初任給の例です。試算の結果と見比べてください。',
    caption: 'モデル給与：経歴、職級、号給、月額、年額',
    label: '経歴',
    grade: '職級',
    step: '号給',
    monthly: '月額（給料月額＋地域手当）',
    yearly: '年額（期末・勤勉手当を含む）',
  },

  form: {
    sections: { route: '確認する区分', about: 'ご本人について', work: '職歴' },
    route: '区分',
    birthDate: '生年月日',
    birthDateHint: '例：1990-05-10',
    education: '最終学歴',
    educationHint: '初任給の目安の計算に使います。選ばない場合は、応募資格だけを表示します。',
    workHint:
      '勤務先ごとに、勤務した期間・週の勤務時間・種類を入力してください。同じ勤務先でも雇用形態が変わった場合は、分けて入力してください。使わない欄は空欄のままで構いません。',
    periodLegend: (n: number) => (n === 1 ? '職歴 1' : `職歴 ${n}（ある場合）`),
    from: '勤務開始日',
    fromHint: '例：2021-04-01',
    to: '勤務終了日',
    toHint: '現在も勤務している場合は空欄にしてください。例：2023-03-31',
    hours: '週の勤務時間',
    hoursHint: '残業を除いた、決められた勤務時間です。例：38.75',
    kind: '種類',
    field: '経験の分野',
    fieldHint: '福祉・児童福祉・ICT・心理の職種や選考に応募する場合、その分野の業務であれば選んでください。',
    noField: '該当なし',
    aboutKinds: '職歴の種類と分野について',
    submit: '確認する',
  },

  /** Validation messages; each names the field, and the period by its number on the form. */
  errors: {
    route: '確認する区分を一覧から選んでください',
    birthDateMissing: '生年月日を入力してください',
    birthDateInvalid: '生年月日を 1990-05-10 の形で、実在する日付で入力してください',
    /** A date in the right form that the calendar does not have (1990-02-30, 2023-02-29). */
    birthDateNotExist: (date: string) => `生年月日に存在しない日付（${dateText(date)}）が入力されています。正しい日付を入力してください`,
    birthDateFuture: '生年月日が今日より後の日付になっています。生年月日を確認してください',
    education: '最終学歴を一覧から選び直してください',
    noPeriods: '職歴を1件以上入力してください（勤務開始日・週の勤務時間・種類）',
    tooMany: (max: number) => `職歴は${max}件までにしてください`,
    fromMissing: (n: number) => `職歴${n}の勤務開始日を入力してください`,
    fromInvalid: (n: number) => `職歴${n}の勤務開始日を 2021-04-01 の形で、実在する日付で入力してください`,
    fromNotExist: (n: number, date: string) =>
      `職歴${n}の勤務開始日に存在しない日付（${dateText(date)}）が入力されています。正しい日付を入力してください`,
    fromBeforeBirth: (n: number) => `職歴${n}の勤務開始日が生年月日より前になっています。日付を確認してください`,
    toInvalid: (n: number) => `職歴${n}の勤務終了日を 2023-03-31 の形で、実在する日付で入力してください`,
    toNotExist: (n: number, date: string) =>
      `職歴${n}の勤務終了日に存在しない日付（${dateText(date)}）が入力されています。正しい日付を入力してください`,
    toBeforeFrom: (n: number) => `職歴${n}の勤務終了日は、勤務開始日と同じ日かそれより後の日付にしてください`,
    hoursMissing: (n: number) => `職歴${n}の週の勤務時間を入力してください`,
    hoursNotNumber: (n: number) => `職歴${n}の週の勤務時間を数字で入力してください（例：38.75）`,
    hoursRange: (n: number) => `職歴${n}の週の勤務時間は0から168までの数字で入力してください`,
    kindMissing: (n: number) => `職歴${n}の種類を選んでください`,
    kindUnknown: (n: number) => `職歴${n}の種類を一覧から選び直してください`,
    fieldUnknown: (n: number) => `職歴${n}の経験の分野を一覧から選び直してください`,
    rulesUnavailable: '応募資格の規則を読み込めませんでした。時間をおいて、もう一度お試しください。',
  },

  result: {
    pageTitle: '応募資格と初任給の確認結果',
    title: '確認の結果',
    asOf: (date: string) => `${date}時点で、入力いただいた生年月日と職歴から判定しました。`,
    /** The day a route is counted to, and why. */
    reference: {
      exam: (date: string, exam: string, prospective: boolean) =>
        `職務経験と年齢は、試験案内のとおり、${exam}の受験日の属する年度の末日（${date}）の時点で数えています。${
          prospective ? '現在も勤務中の期間は、その日まで勤務を続けた場合の見込みです。' : ''
        }`,
      date: (date: string) => `職務経験と年齢は、選考案内に定める基準日（${date}）の時点で数えています。`,
      today: (date: string) => `この選考は、職務経験と年齢を本日（${date}）の時点で数えています。`,
      missingExam: (date: string) =>
        `試験の日程がまだ掲載されていないため、職務経験と年齢を本日（${date}）の時点で数えています。試験案内の基準日で数え直してください。`,
      sampleExam: '試験の日程はサンプルのため、基準日も仮のものです。',
      otherYear: (rulesYear: string, examYear: string) =>
        `この確認は${rulesYear}の規則で判定しています。${examYear}の試験案内が公表されたら、その規則でご確認ください。`,
    },
    cautions: 'ご注意ください',
    unverified: '要確認',
    sources: '判定に使った規則と出典',
    sourcesLead:
      '「要確認」の印がある規則は、公表された試験案内でまだ確認できていないものです。応募する前に、必ず試験案内でご確認ください。',
    sourceLine: (rule: string, source: string) => `${rule}：${source}`,
    rules: {
      countsTo: '基準日',
      window: '職務経験の年数',
      ageLimit: '年齢',
      qualifications: '資格',
      variant: (jobFamily: string) => `${jobFamily}職の条件`,
      route: 'この区分の応募資格',
    },
    overview: '職級ごとの判定',
    marks: { eligible: '○', confirm: '△', notEligible: '×' },
    variants: '職種ごとの条件',
    variantLine: (jobFamily: string, verdict: string) => `${jobFamily}職：${verdict}`,
    periods: '職歴ごとの判定',
    period: (n: number) => `職歴${n}`,
    periodFacts: (from: string, to: string | null, kind: string, hours: number, field: string | null) =>
      `${from}〜${to ?? '現在'}・${kind}・週${hours}時間${field ? `・${field}` : ''}`,
    counted: (from: string, to: string, length: string) => `数えます：${from}〜${to}（${length}）`,
    notCounted: '数えません',
    payHeading: '初任給の目安',
    payTitle: (grade: string) => `初任給の目安（${grade}）`,
    payNeedsEducation: '最終学歴を選んで確認し直すと、初任給の目安も表示します。',
    payNotAvailable: 'この選考には初任給の試算がありません。初任給は、選考案内でご確認ください。',
    step: '号給',
    stepValue: (range: string, starting: number, added: string) => `${range}（学歴の基準 ${starting}号給＋職務経験の加算 ${added}）`,
    steps: (n: number) => `${n}号給`,
    basePay: '給料月額（本給）',
    regional: '地域手当',
    monthly: '月額（給料月額＋地域手当）',
    yearly: '年額（期末・勤勉手当を含む）',
    assumptions: '試算の前提',
    backHint: 'ブラウザの「戻る」で入力画面に戻ると、入力した内容を直して確認し直せます。',
    back: '入力画面に戻る',
    noStorage: '入力いただいた内容は保存していません。',
  },

  /** The short section on an opening's page that leads to the checker. */
  jobSection: {
    title: '応募資格と初任給の確認',
    lead: (label: string) =>
      `生年月日と職歴を入力すると、「${label}」に応募できるかどうかと初任給の目安を、その場で確認できます（入力した内容は保存しません）。`,
    more: '職歴が3件以上ある方や、ほかの区分でも確かめたい方は、',
    link: '詳しい確認のページをご利用ください',
  },
} as const;

/** The mark beside every figure taken from a rules file that says `sample: true`, and the page notice it links to. */
export const sampleCopy = {
  mark: '（サンプル）',
  notice:
    'このページで「（サンプル）」と付いている給与などの数値はサンプルです。区が確認した数値に置き換えるまで、実際の額とは異なります。',
  /** Where the real figures will come from: the rules file's pay source, without its 「要確認：」. */
  source: (source: string) => `実際の数値は、${source}に基づいて掲載します。`,
} as const;
