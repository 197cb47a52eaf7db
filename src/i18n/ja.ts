/**
 * Every word of the interface that is not content. Pages and components take
 * their copy from here so that an English edition can add `en.ts` beside it.
 */
import siteConfig from '../site.config';

/** The ward's name and office, from its config (plain data: no validator in the browser's bundles). */
const ward = siteConfig.organisation.name;
const office = `${siteConfig.organisation.region}${siteConfig.organisation.locality}${siteConfig.organisation.streetAddress}`;

export const ui = {
  skipLink: '本文へ移動',
  nav: {
    label: 'メインメニュー',
    home: 'ホーム',
    jobs: '採用情報',
    internships: 'インターンシップ',
    events: '説明会・イベント',
    stories: '職員の声',
    working: `${ward}で働く`,
    plan: '人事・人材育成改革プラン',
    faq: 'よくある質問',
  },
  breadcrumbLabel: 'パンくずリスト',
  footer: {
    privacy: '個人情報の取扱い',
    accessibility: 'ウェブアクセシビリティ方針',
    about: `${ward}について`,
    rss: '採用情報のRSS',
    contact: 'お問い合わせ',
  },
  status: { upcoming: '受付前', open: '受付中', closed: '受付終了' },
} as const;

export const jobsCopy = {
  listTitle: '採用情報',
  listLead: '経験者採用を中心に、新卒・専門人材・会計年度任用職員の募集を掲載しています。',
  openOnly: '受付中の募集',
  allJobs: 'すべての募集',
  count: (n: number) => `${n}件`,
  none: '条件に合う募集は現在ありません。',
  filterHeading: '条件で絞り込む',
  facets: { type: '採用区分', family: '職種', employment: '雇用形態' },
  searchLabel: 'キーワードで探す',
  searchHint: '例：ICT、保健師、会計年度任用職員',
  searchButton: '検索',
  /** Filled in by the browser: {q} the query, {n} the number found. */
  searchResultsTemplate: '「{q}」の検索結果：{n}件',
  countTemplate: '{n}件',
  filterApply: 'この条件で表示',
  filterAny: 'すべて',
  deadline: '締切',
  opens: '受付開始',
  window: '受付期間',
  closedNotice: 'この募集の受付は終了しました。',
  upcomingNotice: (d: string) => `この募集は${d}から受付を開始します。`,
  applyOnline: 'この募集に応募する',
  applyUntil: (d: string) => `締切日（${d}）の23時59分まで、このサイトから応募できます。`,
  applyExternal: '応募方法',
  jointExamNotice:
    'この募集は特別区人事委員会が実施する採用試験によります。最終合格後、採用候補者名簿から各区に提示され、区の面接を経て採用が決まります。',
  /** A joint-exam opening's calendar, all of it from content/exams. */
  exam: {
    heading: (name: string) => `${name}の日程`,
    /** The apply link's words on a joint-exam opening that names none of its own. */
    applyLabel: (body: string, exam: string) => `${body}のホームページ（${exam}の案内・受験申込み）`,
    announced: '告示（試験案内の公表）',
    internet: 'インターネット申込み',
    post: '郵送申込み',
    postmark: (d: string) => `${d}の消印まで有効`,
    referenceDate: '職務経験・年齢を数える基準日',
    referenceDateNote: '試験（選考）を受ける日の属する年度の末日です。この日の時点で応募資格を満たす見込みがあれば応募できます。',
    sample:
      'この日程はサンプルです。過去の試験案内の日程の型に合わせた仮の日付で、実際の日程とは異なります。必ず特別区人事委員会の試験案内でご確認ください。',
    source: '出典',
    onlyOne: (exams: string) => `${exams}は、同じ年度にはいずれか1つしか申し込めません。`,
    nationalityJapaneseOnly: (family: string) => `${family}は、日本国籍が必要です。`,
    nationalityOpen: (family: string, statuses: string) => `${family}は、日本国籍がない方も、${statuses}の在留資格があれば受験できます。`,
    rulesHeading: '申し込む前にご確認ください',
    /** Requirements derived from the rules and the calendar, shown with the opening's own. */
    ageRequirement: (born: string, at: string, maxAge: number) => `${born}以降に生まれた方（${at}時点で${maxAge}歳以下の方）`,
    bornRequirement: (born: string) => `${born}以降に生まれた方`,
    japaneseRequirement: '日本国籍を有する方',
    foreignRequirement: (statuses: string) => `日本国籍を有する方、または${statuses}の在留資格をお持ちの方`,
  },
  facts: {
    hiringType: '採用区分',
    grade: '職級',
    jobFamily: '職種',
    employmentType: '雇用形態',
    department: '配属予定',
    workLocation: '勤務地',
    openings: '採用予定数',
    openingsUnknown: '若干名',
    pay: '給与',
    allowances: '手当',
    experienceNote: '職務経験の加算',
    contact: 'お問い合わせ',
  },
  duties: '職務内容',
  requirements: '応募資格',
  experience: (years: number, kind?: string) => `${kind ?? '職務経験'}${kind ? '' : `${years}年以上`}`,
  qualifications: '必要な資格・免許',
  selection: '選考の流れ',
  stories: 'この仕事の職員の声',
  rssTitle: '採用情報（受付中・受付予定）',
} as const;

export const sessionCopy = {
  heading: '開催日程',
  date: '日時',
  place: '会場',
  capacity: '定員',
  deadline: '申込締切',
  status: '受付状況',
  people: (n: number) => `${n}名`,
  waitlist: (n: number) => `（キャンセル待ち${n}名まで）`,
  register: '申し込む',
  apply: 'お申込み',
  addIcs: 'カレンダーに追加（.ics）',
  addGoogle: 'Googleカレンダーに追加',
  /** After the Google link of a multi-day session: the link adds the first day only (the .ics adds every day). */
  googleFirstDayOnly: '（1日目のみ）',
} as const;

export const notFoundCopy = {
  title: 'ページが見つかりません',
  lead: 'お探しのページは、移動または削除されたか、URLが間違っている可能性があります。',
  suggestions: '次のページからお探しください。',
} as const;

export const programmeCopy = {
  internships: {
    title: 'インターンシップ',
    lead: '学生の皆さんが区の仕事を実際に体験できるプログラムです。参加は選考とは関係ありません。',
  },
  events: {
    title: '説明会・イベント',
    lead: '区が独自に開く採用説明会、職場見学、先輩職員とのオンライン相談会などのご案内です。',
  },
  facts: {
    department: '実施部署',
    theme: 'テーマ',
    eligibility: '対象',
    audience: '対象',
    format: '実施形式',
    kind: '種類',
  },
  activities: '内容',
  nextSession: '次回',
  noOpenSessions: '現在申込みを受け付けている回はありません。',
} as const;

export const storiesCopy = {
  title: '職員の声',
  lead: `民間企業などから転職した職員を中心に、${ward}で働く職員が配属先での仕事や最初の数年を語ります。掲載している人物は架空のもので、実在の職員ではありません。`,
  fictionNote: '掲載している人物は架空のもので、実在の職員ではありません。',
  joined: (y: number) => `${y}年入区`,
  previous: '前職',
} as const;

export const planCopy = {
  title: '人事・人材育成改革プラン',
  lead: `${ward}は「一人ひとりの職員の能力を最大限活かすこと」と「民間経験者等の外部人材の採用を強化すること」を車の両輪として、5つの柱と18の取組を進めています。`,
  leading: '★ リーディングプロジェクト',
  leadingShort: '★',
  leadingNote: '★は『リーディングプロジェクト』（先導的に進める施策）です。',
  pillar: (n: number) => `柱${n}`,
  initiative: (n: number) => `取組${n}`,
  forCandidates: '応募を考えている方へ',
  internal: '職員専用',
  // Read at the top of a public page: it speaks of the links marked 職員専用, never of the page itself.
  internalNote:
    '「職員専用」と記したリンクの先は、区の職員が使う庁内のページで、区の庁内ネットワークからのみ閲覧できます。各取組の内容は、このページでどなたでもご覧いただけます。',
  /** The plan's two chapters, as the plan summary names them. */
  chapters: { overview: '第一章　策定にあたって', initiatives: '第二章　具体的な取組' },
  source: (title: string) => `「第一章」と各取組の箇条書きは、区が公表している「${title}」の記載を、そのまま引用しています。`,
  /** Two initiatives the plan summary writes in one cell: the points are shown once, under the first. */
  sharedCellFirst: (a: number, b: number) => `プランの概要版では、取組${a}と取組${b}を一つの欄にまとめて、次のように記載しています。`,
  sharedCellSecond: {
    before: 'プランの概要版では、この取組を',
    link: (n: number) => `取組${n}`,
    after: 'と一つの欄にまとめて記載しています（プランの記載は、そちらに掲げています）。',
  },
  siteLinks: 'このサイトの関連ページ',
} as const;

export const workingCopy = {
  title: `${ward}で働く`,
  lead: `キャリア、研修、職場環境、子育て・介護との両立など、${ward}で働くことについてご紹介します。`,
} as const;

export const faqCopy = {
  title: 'よくある質問',
  lead: '採用試験、経験者採用、勤務条件、インターンシップなどについて、よくいただく質問にお答えします。',
} as const;

export const homeCopy = {
  lead: `民間企業などで培った経験を、区民の暮らしのために生かしませんか。${ward}は経験者採用を強化しています。`,
  openJobs: '受付中の募集',
  allJobs: 'すべての採用情報を見る',
  experienced: '経験者採用の募集を見る',
  internships: 'インターンシップ',
  events: '説明会・イベント',
  stories: '職員の声',
  more: '一覧を見る',
} as const;

/** Words of the pages and JSON answers the Worker writes. */
export const submissionCopy = {
  errorTitle: '入力内容を確認してください',
  errorPrefix: 'エラー：',
  backHint: 'ブラウザの「戻る」で入力画面に戻ると、入力した内容が残っていますので、そのまま修正できます。',
  // A plain link reloads the form empty: its words say so, so that nobody loses what they typed by following it.
  backLink: '入力画面を最初から開き直す（入力した内容は残りません）',
  applicationReceivedTitle: '応募を受け付けました',
  applicationReceivedLead: (job: string) => `「${job}」への応募を受け付けました。確認のメールをお送りします。`,
  referenceLabel: '受付番号',
  referenceHint: 'お問い合わせの際は、この受付番号をお知らせください。',
  statusLinkLead: '選考の状況は、ご本人専用の次のリンクからいつでも確認できます（確認のメールにも記載しています）。',
  statusLinkText: '選考状況を確認する',
  statusLinkByMail: '選考状況の確認用リンクは、確認のメールでお送りしています。',
  full: 'この回は定員に達し、キャンセル待ちの受付も終了しました。ほかの回をご検討ください。',
  claimCancelled:
    'このお申込みはすでにキャンセルされているため、参加を確定できません。ご参加を希望される場合は、あらためてお申し込みください。',
  registrationReceivedTitle: 'お申込みを受け付けました',
  registrationReceivedLead:
    '参加が確定したか、キャンセル待ちとなったかを、受付番号とあわせて、ご入力いただいたメールアドレスにお知らせしました。',
  registrationMailHint: 'メールが届かない場合は、迷惑メールのフォルダもご確認ください。',
  backToProgramme: 'プログラムのページへ戻る',
  keyReused:
    'この送信は、先に受け付けた別の内容と重なっているため、受け付けられませんでした。ページを読み込み直して、もう一度お申し込みください。',
  jobUnknown: 'お探しの募集は見つかりませんでした。採用情報の一覧からお探しください。',
  jobExternal: 'この募集は、このサイトでは応募を受け付けていません。募集ページに記載の方法でお申し込みください。',
  jobUpcoming: 'この募集はまだ受付を開始していません。募集ページで受付期間をご確認ください。',
  jobClosed: 'この募集の受付は終了しました。',
  sessionUnknown: 'お申込みの回が見つかりませんでした。一覧からお選びください。',
  sessionClosed: 'この回の申込受付は終了しました。',
  notPdf: '添付できるのはPDFファイルだけです。職務経歴書をPDFで保存して、もう一度添付してください',
  pdfTooLarge: '添付ファイルは5MB以内にしてください',
  crossSite: 'このサイトのフォーム以外からの送信は受け付けていません。',
  rateLimited: '短い時間に送信が集中しています。1分ほど待ってから、もう一度送信してください。',
  unavailable:
    'ただいま混み合っているため、受け付けることができませんでした。内容は保存されていません。しばらく待ってから、もう一度送信してください。',
  unexpected:
    '申し訳ありません。問題が発生したため、受け付けることができませんでした。内容は保存されていません。しばらく待ってから、もう一度お試しください。',
  methodNotAllowed: 'この方法では利用できません。',
  notFound: 'お探しのAPIは見つかりませんでした。',
  turnstileFailed: '送信元の確認ができませんでした。ページを読み込み直して、もう一度送信してください。',
  cancelTitle: 'お申込みのキャンセル',
  cancelConfirm: (title: string, when: string) => `「${title}」（${when}）のお申込みをキャンセルしますか。`,
  cancelButton: 'キャンセルする',
  cancelDoneTitle: 'キャンセルを受け付けました',
  cancelDone: 'キャンセルを受け付けました。ご連絡ありがとうございました。',
  cancelInvalid: 'このキャンセル用のリンクは無効です。すでにキャンセル済みか、リンクが古くなっています。',
  claimTitle: '参加の確定',
  claimConfirm: (title: string, when: string) => `「${title}」（${when}）への参加を確定しますか。`,
  claimButton: '参加を確定する',
  claimDone: '参加が確定しました。当日お会いできることを楽しみにしています。',
  claimInvalid: 'このリンクは無効です。すでにキャンセル済みか、リンクが古くなっています。',
  claimLapsed: '参加の確定の期限が過ぎたため、この席はキャンセル待ちの次の方にご案内しました。',
} as const;

/** Labels and hints of the application and sign-up forms. */
export const formCopy = {
  required: '必須',
  optional: '任意',
  submit: '送信する',
  submitting: '送信しています…',
  chars: (max: number) => `${max}文字以内`,
  /** {n} characters typed of {max}. */
  counterTemplate: '{n}／{max}文字',
  counterOverTemplate: '{over}文字多すぎます（{max}文字以内）',
  errorSummaryTitle: '入力内容を確認してください',
  errorTitlePrefix: 'エラー：',
  networkError: '送信できませんでした。通信状況をご確認のうえ、もう一度送信してください。入力内容は消えていません。',
  privacyLink: '個人情報の取扱い',
  honeypotLabel: 'この欄には何も入力しないでください',
  draft: {
    keepOnDevice: '入力中の内容をこの端末に保存する（タブを閉じても残ります）',
    sharedComputer:
      '入力中の内容は、このタブを閉じるまで自動で保存されます。図書館などの共用のパソコンでは、チェックを入れないでください。送信すると保存した内容は消えます。',
    restored: '前回の入力内容を復元しました。内容を確認してから送信してください。',
  },
  apply: {
    breadcrumb: '応募フォーム',
    title: (job: string) => `応募フォーム：${job}`,
    lead: 'すべての項目を入力し、内容を確認のうえ送信してください。送信後、受付番号を表示し、確認のメールをお送りします。',
    purpose:
      'ご記入いただいた個人情報は、この募集の選考と選考に関するご連絡のためにだけ利用します。本籍、出生地、家族に関すること、思想・信条などはお尋ねしません。',
    closed: 'この募集は現在、応募を受け付けていません。',
    sections: { about: 'ご本人について', contact: '連絡先', education: '学歴', work: '職歴', more: '資格・志望動機など', consent: '同意' },
    name: '氏名',
    nameHint: '戸籍上の漢字で入力してください（外字は近い字で構いません）。',
    nameKana: '氏名（フリガナ）',
    birthDate: '生年月日',
    email: 'メールアドレス',
    emailHint: '受付の確認と選考のご連絡に使います。',
    phone: '電話番号',
    phoneHint: '例：03-1234-5678',
    postalCode: '郵便番号',
    postalCodeHint: '例：176-8501',
    address: '住所',
    addressHint: `都道府県から建物名・部屋番号まで、1行で入力してください（例：${office}）`,
    educationLevel: '最終学歴',
    school: '学校名・学部',
    graduated: '卒業（修了）年月',
    graduatedHint: '例：2015-03',
    workLegend: (n: number) => `職歴 ${n}`,
    workHint: '新しい順に入力してください。現在の勤務先は「勤務終了年月」を空欄にしてください。',
    employer: '勤務先',
    from: '勤務開始年月',
    fromHint: '例：2018-04',
    to: '勤務終了年月',
    toHint: '例：2024-03',
    duties: '職務内容',
    addWork: '職歴を追加する',
    qualifications: '資格・免許',
    qualificationsHint: '取得年月とあわせて入力してください。',
    motivation: '志望動機',
    motivationHint: `${ward}で取り組みたいこと、これまでの経験の生かし方などをお書きください。`,
    referral: 'この募集を知ったきっかけ',
    cv: '職務経歴書（PDF）',
    cvHint: 'PDFファイル、5MB以内。添付しなくても応募できます。',
    consent: '「個人情報の取扱い」を読み、内容に同意します',
    choose: '選んでください',
  },
  register: {
    breadcrumb: '参加申込み',
    title: (programme: string) => `参加申込み：${programme}`,
    lead: '必要事項を入力して送信してください。定員に達した回は、キャンセル待ちとして受け付けます。',
    purpose: 'ご記入いただいた個人情報は、このプログラムの運営とご連絡のためにだけ利用します。',
    seatsLoading: '残席を確認しています…',
    seatsTemplate: '残り{seats}席',
    waitlistTemplate: '満席です（キャンセル待ち 残り{waitlist}名）',
    fullText: '満席です（キャンセル待ちの受付も終了しました）',
    closed: 'この回の申込受付は終了しました。',
    session: '申し込む回',
    name: '氏名',
    nameKana: '氏名（フリガナ）',
    email: 'メールアドレス',
    school: '学校名',
    faculty: '学部・学科',
    year: '学年',
    motivation: '参加の動機',
    supportNeeds: '参加にあたって必要な配慮',
    supportNeedsHint:
      '車いすでの移動、手話通訳、資料の拡大など、必要な配慮があればお書きください。この情報は配慮の準備のためにだけ使い、開催日から30日後に削除します。',
    consent: '「個人情報の取扱い」を読み、内容に同意します',
    choose: '選んでください',
  },
} as const;

export const glossaryCopy = {
  title: '用語集',
  lead: '募集のページや試験案内に出てくる、区役所ならではの言葉を、民間企業などから転職を考えている方にも分かるように説明します。',
  /** After the term: its reading in hiragana. */
  reading: (r: string) => `（${r}）`,
  aliases: (forms: readonly string[]) => `ほかの書き方：${forms.join('、')}`,
  /** 「選考がどのように進むかは、〈選考の流れ〉のページをご覧ください。」 */
  selectionLink: { before: '選考がどのように進むかは、', link: '選考の流れ', after: 'のページをご覧ください。' },
} as const;

/** One step of a selection flow: who carries it out, and what happens, in plain words. */
export interface FlowStep {
  name: string;
  /** Who carries it out: the special wards' personnel commission, the ward that was presented the candidate, or this site's own ward. */
  by: 'commission' | 'ward' | 'own';
  text: string;
}

export const selectionCopy = {
  title: '選考の流れ',
  /** The joint exams' calendar (content/exams). */
  calendar: {
    heading: '特別区の採用試験の日程',
    lead: '特別区人事委員会の試験案内による、年度ごとの日程です。特別区の採用試験による募集の受付期間と選考の日程は、この日程から表示しています。',
    what: '内容',
    when: '日程',
    guideLink: (name: string) => `${name}の試験案内（特別区人事委員会）`,
    japaneseOnly: (families: string) => `${families}は、日本国籍が必要です。`,
    openToForeignNationals: (families: string, statuses: string) =>
      `${families}は、日本国籍がない方も、${statuses}の在留資格があれば受験できます。`,
  },
  lead: `${ward}の職員になるまでの選考は、特別区（東京23区）が共同で行う採用試験と、${ward}が独自に行う選考の2通りがあります。それぞれ、申込みから採用までの流れを順番に説明します。`,
  /** 「区役所ならではの言葉の意味は、〈用語集〉で説明しています。」 */
  glossaryLink: { before: '区役所ならではの言葉の意味は、', link: '用語集', after: 'で説明しています。' },
  contents: 'このページの内容',
  by: { commission: '担当：特別区人事委員会', ward: '担当：提示を受けた区', own: `担当：${ward}` },
  jointExam: {
    id: 'joint-exam',
    heading: '特別区の採用試験（I類・経験者採用）',
    intro:
      '大学卒業程度の方向けのI類採用試験や、民間企業などでの経験を生かす経験者採用試験は、23区が共同で設けている特別区人事委員会が行います。申込みから最終合格までは特別区人事委員会が、どの区で働くかが決まってからは区が担当します。',
    flowLabel: '特別区の採用試験の流れ',
    steps: [
      {
        name: '申込み',
        by: 'commission',
        text: `特別区人事委員会のホームページから申し込みます。${ward}への申込みは必要ありません。`,
      },
      {
        name: '筆記試験',
        by: 'commission',
        text: '教養試験や論文など、試験の区分ごとに決められた筆記試験を受けます。',
      },
      { name: '面接', by: 'commission', text: '筆記試験に合格した方が、特別区人事委員会の面接を受けます。' },
      {
        name: '最終合格',
        by: 'commission',
        text: '筆記試験と面接の結果で決まります。この時点では、まだ採用は決まっていません。',
      },
      {
        name: '採用候補者名簿に登載',
        by: 'commission',
        text: '最終合格した方は、試験の区分ごとの採用候補者名簿に載ります。',
      },
      {
        name: '区への提示',
        by: 'commission',
        text: 'ご本人の希望や各区の採用予定数をもとに、特別区人事委員会が名簿に載った方を各区に紹介します。紹介を受けた区から連絡があります。',
      },
      {
        name: '区面接',
        by: 'ward',
        text: `提示を受けた区が面接を行います。${ward}に提示された方には、${ward}が面接を行います。`,
      },
      { name: '内定', by: 'ward', text: '区面接の結果、採用が決まると、区から内定の連絡があります。' },
      {
        name: '採用',
        by: 'ward',
        text: '内定した区の職員として働き始めます。採用の時期は試験案内でご確認ください。',
      },
    ] satisfies FlowStep[],
    noCall: {
      id: 'no-call',
      heading: 'どの区からも提示がなかったときは',
      paragraphs: [
        '最終合格しても、すぐに区から連絡があるとは限りません。希望する方が多い区では、希望どおりの区に提示されないこともあります。',
        '採用候補者名簿には有効期間があり、その間は、ほかの区から提示を受けることがあります。有効期間の長さと、その後の扱いは試験ごとに異なり、特別区人事委員会の試験案内に書かれています。有効期間のうちにどの区にも採用されなかった場合、その試験による採用はありません。',
        `${ward}で働きたい方は、特別区人事委員会から希望する区を尋ねられたときに、${ward}を挙げてください。`,
      ],
    },
    openings: '受付中・受付予定の募集',
    noOpenings: '現在、受付中または受付予定の募集はありません。試験の日程は特別区人事委員会のホームページでご確認ください。',
  },
  ward: {
    id: 'ward',
    heading: `${ward}独自の選考（任期付職員・専門人材・会計年度任用職員）`,
    intro: `任期付職員、専門人材、会計年度任用職員の募集は、${ward}が自ら選考します。採用候補者名簿や提示の仕組みは通りません。このサイトの応募フォームから応募していただき、${ward}から直接、結果をお知らせします。`,
    flowLabel: `${ward}独自の選考の流れ`,
    steps: [
      {
        name: '応募',
        by: 'own',
        text: '募集のページの応募フォームから、締切日の23時59分までに応募します。受付完了のメールが届きます。',
      },
      {
        name: '書類選考',
        by: 'own',
        text: '応募フォームの内容と職務経歴書をもとに選考し、結果をメールでお知らせします。',
      },
      {
        name: '面接',
        by: 'own',
        text: '書類選考を通過した方に、日時と場所をお知らせします。募集によっては面接が2回あります。',
      },
      {
        name: '結果のお知らせ',
        by: 'own',
        text: '最終結果をメールでお知らせします。採用が決まった方には、働き始める日などをご案内します。',
      },
    ] satisfies FlowStep[],
    datesLead: '受付中・受付予定の募集ごとの日程です。日程は募集によって異なります。',
    /** One group per hiring type, in this order. */
    groups: ['任期付', '専門人材', '会計年度任用職員'] as const,
    groupHeading: (hiringType: string) => (hiringType === '任期付' ? '任期付職員' : hiringType),
    noOpenings: '現在、受付中または受付予定の募集はありません。',
    window: (from: string, to: string) => `受付期間：${from} 〜 ${to}`,
    jobSteps: (title: string) => `${title}の選考の日程`,
  },
} as const;

/** The applicant's status page (a private link; no account). */
export const statusCopy = {
  title: '選考状況の確認',
  lead: (job: string, reference: string) => `「${job}」への応募（受付番号 ${reference}）の選考状況です。`,
  stagesLabel: '選考の段階',
  current: '現在の段階',
  received: '受付',
  since: (when: string) => `（${when}から）`,
  message: '担当者からのお知らせ',
  next: '次の予定',
  nextNone: 'すべての段階が終わりました。結果は別途お知らせします。',
  withdrawn: 'この応募は辞退の手続きが完了しています。',
  withdraw: '応募を辞退する',
  withdrawConfirmTitle: '応募の辞退',
  withdrawConfirm: '辞退すると、この募集の選考は終了し、取り消すことはできません。辞退してよろしいですか。',
  withdrawConfirmButton: '辞退する',
  withdrawDone: '辞退の手続きが完了しました。ご応募いただき、ありがとうございました。',
  invalid: 'このリンクは無効です。古いリンクの可能性があります。受付番号とメールアドレスから、新しいリンクを受け取れます。',
  resendTitle: '選考状況の確認用リンクの再送',
  resendLead: '受付番号と、応募のときのメールアドレスを入力してください。一致する応募があれば、確認用のリンクをお送りします。',
  reference: '受付番号',
  referenceHint: '例：K7QM-4TXA',
  email: 'メールアドレス',
  resendButton: '送信する',
  resendDone:
    '入力された内容と一致する応募がある場合は、そのメールアドレスに確認用のリンクをお送りしました。届かない場合は、受付番号とメールアドレスをご確認ください。',
  resendLink: '確認用のリンクを再送する',
  moveStage: '次の段階に進める',
  moveMessage: '応募者へのお知らせ（任意）',
  moveMessageHint: '選考状況のページに表示します。個人的な内容は書かないでください。',
} as const;
