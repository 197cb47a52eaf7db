/**
 * Every word of the interface that is not content. Pages and components take
 * their copy from here so that an English edition can add `en.ts` beside it.
 */
export const ui = {
  skipLink: '本文へ移動',
  nav: {
    label: 'メインメニュー',
    home: 'ホーム',
    jobs: '採用情報',
    internships: 'インターンシップ',
    events: '説明会・イベント',
    stories: '職員の声',
    working: '練馬区で働く',
    plan: '人事・人材育成改革プラン',
    faq: 'よくある質問',
  },
  breadcrumbLabel: 'パンくずリスト',
  footer: {
    privacy: '個人情報の取扱い',
    accessibility: 'ウェブアクセシビリティ方針',
    about: '練馬区について',
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
  applyExternal: '応募方法',
  jointExamNotice:
    'この募集は特別区人事委員会が実施する採用試験によります。最終合格後、採用候補者名簿から各区に提示され、区の面接を経て採用が決まります。',
  facts: {
    hiringType: '採用区分',
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
  noOpenSessions: '現在申込を受け付けている回はありません。',
} as const;

export const storiesCopy = {
  title: '職員の声',
  lead: '民間企業などから転職した職員を中心に、練馬区で働く職員が配属先での仕事や最初の数年を語ります。掲載している人物は架空のもので、実在の職員ではありません。',
  fictionNote: '掲載している人物は架空のもので、実在の職員ではありません。',
  joined: (y: number) => `${y}年入区`,
  previous: '前職',
} as const;

export const planCopy = {
  title: '人事・人材育成改革プラン',
  lead: '練馬区は「一人ひとりの職員の能力を最大限活かすこと」と「民間経験者等の外部人材の採用を強化すること」を車の両輪として、5つの柱と18の取組を進めています。',
  leading: '★ リーディングプロジェクト',
  leadingShort: '★',
  leadingNote: '★は先導的に進める施策（リーディングプロジェクト）です。',
  pillar: (n: number) => `柱${n}`,
  initiative: (n: number) => `取組${n}`,
  forCandidates: '応募を考えている方へ',
  internal: '職員専用',
  internalNote: '職員専用のページです。区の庁内ネットワークからのみ閲覧できます。',
} as const;

export const workingCopy = {
  title: '練馬区で働く',
  lead: 'キャリア、研修、職場環境、子育て・介護との両立など、練馬区で働くことについてご紹介します。',
} as const;

export const faqCopy = {
  title: 'よくある質問',
  lead: '採用試験、経験者採用、勤務条件、インターンシップなどについて、よくいただく質問にお答えします。',
} as const;

export const homeCopy = {
  lead: '民間企業などで培った経験を、区民の暮らしのために生かしませんか。練馬区は経験者採用を強化しています。',
  openJobs: '受付中の募集',
  allJobs: 'すべての採用情報を見る',
  experienced: '経験者採用の募集を見る',
  internships: 'インターンシップ',
  events: '説明会・イベント',
  stories: '職員の声',
  more: '一覧を見る',
} as const;
