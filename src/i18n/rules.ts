/**
 * Every word the eligibility checker and the starting-pay estimator show: reasons for each period,
 * the summary line of each route, conditions and the assumptions behind a pay estimate.
 * The rules themselves (labels, numbers) live in content/rules/; only the sentences around them are here.
 */

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
    notStarted: (today: string) => `開始日が今日（${dateText(today)}）より後のため、まだ数えません。`,
    futureClipped: (today: string) => `今日（${dateText(today)}）より後の部分は、まだ数えません。`,
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
    ageMet: (born: string) => `年齢：${born}以降に生まれた方が対象です。条件を満たしています。`,
    ageNotMet: (born: string) => `年齢：${born}以降に生まれた方が対象です。条件を満たしていません。`,
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
  },
} as const;
