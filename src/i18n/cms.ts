/**
 * Every word of the recruiters' web editor (/admin/, Decap CMS) that is not Decap's own:
 * collection names, and one Japanese label and hint per front-matter field. The fields themselves,
 * with their required/optional, limits and choices, come from src/schemas/content.ts
 * (src/lib/cms-config.ts adds the limits to each hint, so they are never written twice).
 */
import siteConfig from '../site.config';

export type CmsCollectionName =
  | 'jobs'
  | 'internships'
  | 'events'
  | 'stories'
  | 'faq'
  | 'glossary'
  | 'pages'
  | 'initiatives'
  | 'pillars'
  | 'planOverview';

export interface FieldCopy {
  label: string;
  /** What to write, in plain words; the limits (文字数, 範囲) are added from the schema. */
  hint?: string;
  /** For a list: what one item is called (「回を追加」). */
  singular?: string;
  /** For a field with a pattern: the form to write, as Decap shows it (「〜が入力規則（…）と一致しません」). */
  pattern?: string;
}

export interface CollectionCopy {
  label: string;
  singular: string;
  description: string;
}

export const cmsCollections: Record<CmsCollectionName, CollectionCopy> = {
  jobs: {
    label: '採用情報',
    singular: '採用情報',
    description: '職員の募集。締切日を過ぎると「受付終了」と表示されます（毎日0時過ぎに再公開）。',
  },
  internships: {
    label: 'インターンシップ',
    singular: 'インターンシップ',
    description: '学生向けのインターンシップ。開催回（sessions）ごとに申込みを受け付けます。',
  },
  events: {
    label: '説明会・イベント',
    singular: 'イベント',
    description: '区独自の採用説明会・職場見学など。開催回（sessions）ごとに申込みを受け付けます。',
  },
  stories: { label: '職員の声', singular: '職員の声', description: '職員インタビュー。登場する人物はすべて架空の名前にします。' },
  faq: { label: 'よくある質問', singular: '質問', description: '質問はここに、回答は本文に書きます。' },
  glossary: {
    label: '用語集',
    singular: '用語',
    description: '区役所ならではの言葉の説明。募集のページでは、最初に出てくる用語（と別の書き方）から用語集にリンクします。',
  },
  pages: { label: '固定ページ', singular: 'ページ', description: '個人情報の取扱い、アクセシビリティ方針など。' },
  initiatives: {
    label: '改革プランの取組',
    singular: '取組',
    description: '人事・人材育成改革プランの18の取組。追加・削除はできません（ちょうど18件）。',
  },
  pillars: { label: '改革プランの柱', singular: '柱', description: '人事・人材育成改革プランの5つの柱。' },
  planOverview: {
    label: '改革プランの第一章',
    singular: '第一章',
    description:
      '人事・人材育成改革プランの第一章「策定にあたって」（目的、社会的背景など）。プランの概要版の言葉を、そのまま書き写します。',
  },
};

/** One label and hint per field name, shared by every collection that has the field. */
export const cmsFields: Record<string, FieldCopy> = {
  // Shared
  title: { label: 'タイトル', hint: '一覧とページの見出しに表示します' },
  summary: { label: '概要', hint: '一覧と検索結果に表示する一文' },
  department: { label: '部署', hint: '例：区民部 戸籍住民課' },
  draft: { label: '下書き', hint: 'オンのあいだはサイトに表示されません。公開するときはオフにします' },
  hiringType: { label: '採用区分' },
  format: { label: '実施形式' },
  body: { label: '本文', hint: 'ページの本文。見出し・箇条書き・リンクが使えます' },
  slug: {
    label: 'URL名（新しく作るときだけ）',
    hint: 'ページのURLとファイル名になります。新しく作るときだけ、半角英小文字・数字・ハイフンで入力します（例：jimu-keiken-2028）。作成後は変更しないでください（既存のページでは空欄のままにします）',
  },
  // Jobs
  jobFamily: { label: '職種' },
  claimHours: {
    label: '繰り上げ時の確定期限（時間）',
    hint: 'キャンセル待ちから繰り上がった方が参加を確定するまでの時間。過ぎると次の方に繰り上がります（通常48）',
  },
  route: {
    label: '選考区分（応募資格・初任給の規則）',
    hint: '応募資格と初任給の規則（content/rules）の区分から選びます。給与の額・必要な経験年数・職級は、選んだ区分の規則から自動で表示します。新卒・会計年度任用職員などは空欄',
  },
  derived: {
    label: '自動で表示する内容（規則と試験日程から）',
    hint: 'ここは入力する欄ではありません。選考区分と特別区の採用試験から、ページに表示する内容を示します',
  },
  employmentType: { label: '雇用形態' },
  workLocation: { label: '勤務地', hint: '建物名（住所）、または「区内各施設」' },
  duties: { label: '職務内容', hint: '担当する仕事を1行に1つずつ', singular: '職務内容' },
  requirements: { label: '応募資格' },
  experienceYears: {
    label: '必要な経験年数',
    hint: '選考区分を選んだ募集では空欄（規則の年数を自動で表示します）。区分のない募集だけ、年数を半角数字で。経験を問わないときは空欄',
  },
  experienceKind: { label: '経験の種類', hint: '例：民間企業等における業務従事歴（直近10年中4年以上）' },
  qualifications: { label: '必要な資格・免許', hint: '1行に1つずつ。不要なときは空のまま', singular: '資格・免許' },
  other: { label: 'その他の条件', hint: '国籍・年齢の要件など、1行に1つずつ', singular: '条件' },
  pay: { label: '給与' },
  unit: { label: '給与の単位' },
  min: {
    label: '給与の下限（円）',
    hint: '選考区分を選んだ募集では空欄（規則の額を自動で表示します）。区分のない募集では必ず書きます。地域手当を含む金額を半角数字で（例：215000）',
  },
  max: { label: '給与の上限（円）', hint: '選考区分を選んだ募集と、金額が1つだけのときは空欄' },
  allowances: { label: '手当', hint: '給与に加えて支給する手当を1行に1つずつ', singular: '手当' },
  experienceNote: { label: '職務経験による加算', hint: '採用前の職務経験で初任給がどう決まるか' },
  openings: { label: '採用予定人数', hint: '「若干名」のときは空欄' },
  exam: {
    label: '特別区の採用試験（試験日程）',
    hint: '特別区の統一採用試験の募集のときだけ書きます。受付期間と試験の日程は content/exams の試験日程から自動で表示します',
  },
  opensOn: { label: '募集開始日', hint: 'この日（日本時間）から応募を受け付けます。特別区の採用試験では空欄にします' },
  closesOn: {
    label: '締切日',
    hint: 'この日の23時59分（日本時間）まで受け付けます。募集開始日と同じか後の日付にします。早く締め切るときはこの日付を早めます。特別区の採用試験では空欄にします',
  },
  selection: {
    label: '選考の流れ',
    hint: '選考の段階を順番に1つずつ。特別区の採用試験では、最終合格の後の区面接・内定だけを書きます',
    singular: '選考の段階',
  },
  step: { label: '段階', hint: '例：書類選考、面接' },
  date: { label: '日付', hint: '日が決まっているときだけ' },
  note: { label: '時期・補足', hint: '期間のときや日が未定のとき。例：1月中旬' },
  apply: { label: '応募方法' },
  method: { label: '受付の方法', hint: 'このサイトで受け付けるか、外部のページで受け付けるか' },
  url: { label: 'URL', hint: 'https:// から書きます' },
  label: { label: 'リンクの文字' },
  jointExam: {
    label: '特別区の統一採用試験',
    hint: '特別区人事委員会の採用試験（合格後に各区へ提示）のときだけオンにします',
  },
  contact: { label: '問い合わせ先', hint: '空欄のときは人事担当（職員課）になります' },
  relatedStories: { label: '関連する職員の声', hint: '募集のページに表示する職員の声を選びます', singular: '職員の声' },
  // Internships and events
  theme: { label: 'テーマ', hint: '参加者が取り組む問いを一文で' },
  activities: { label: '参加者が行うこと', hint: '1行に1つずつ', singular: '行うこと' },
  eligibility: { label: '参加できる方', hint: '学年・専攻などの条件' },
  kind: { label: '種類' },
  audience: { label: '対象となる方', hint: '例：民間企業等で働く社会人の方' },
  sessions: { label: '開催回', hint: '回ごとに申込みを受け付けます。回を追加・変更できます', singular: '回' },
  id: {
    label: '回のID',
    hint: '半角英小文字・数字・ハイフンで3〜64文字（例：ict-2027-02-a）。インターンシップとイベントの全体で重ならないものにし、公開後は変更しないでください（申込みの記録がこのIDで結びついています）',
    pattern: '半角英小文字・数字・ハイフンで3〜64文字',
  },
  dates: { label: '開催日', hint: '複数日のときは日ごとに追加します', singular: '開催日' },
  startTime: { label: '開始時刻', hint: '24時間制' },
  endTime: { label: '終了時刻', hint: '開始時刻より後にします' },
  place: { label: '会場', hint: '建物と部屋。オンラインのときは「オンライン（Zoom）」' },
  capacity: { label: '定員', hint: '1以上の数字' },
  waitlist: { label: 'キャンセル待ちの人数', hint: '定員に達した後で受け付ける人数。受け付けないときは 0' },
  registrationClosesOn: {
    label: '申込締切日',
    hint: 'この日の23時59分（日本時間）まで受け付けます。開催日より前の日付にします',
  },
  // Stories
  name: { label: 'お名前（架空）', hint: '架空のイニシャルかペンネーム。実在の人物の氏名は書かないでください' },
  role: { label: '職と担当', hint: '例：主事（窓口・相談業務）' },
  joinedYear: { label: '入区した年', hint: '西暦を半角数字で' },
  previousCareer: { label: '前職', hint: '経験者採用の方の前職。新卒の方は空欄' },
  // The plan
  number: { label: '番号' },
  pillar: { label: '柱', hint: 'この取組が属する改革プランの柱' },
  leading: { label: 'リーディングプロジェクト（★）', hint: '先導的に進める取組のときオンにします' },
  planPoints: { label: 'プランの記載', hint: 'プランの箇条書きを1行に1つずつ、そのまま', singular: '記載' },
  forCandidates: { label: '応募を考える方にとって', hint: 'この取組が応募を考える方にとって何を意味するかを、平易な言葉で' },
  internalModule: { label: '職員用ページへのリンク', hint: 'この取組を進める職員専用のページ（区の内部のアドレス）' },
  sharesCellWith: {
    label: '同じ欄の取組',
    hint: 'プランの概要版で他の取組と一つの欄にまとめて書かれているときだけ、その取組の番号。お互いに書き、プランの記載も同じにします',
  },
  siteLinks: { label: 'このサイトの関連ページ', hint: '応募を考える方が、この取組に関わるこのサイトのページ', singular: 'ページ' },
  // FAQ and pages
  question: { label: '質問', hint: '回答は本文に書きます' },
  category: { label: '分類' },
  order: { label: '表示順', hint: '分類の中で小さい順に表示します' },
  description: { label: '説明', hint: '検索結果などに表示するページの説明' },
  updatedOn: { label: '最終更新日', hint: '内容を実質的に変えた日' },
  // Glossary
  term: { label: '用語', hint: '区が書くとおりの言葉（例：採用候補者名簿）。募集のページで最初に出てくる箇所から、この説明にリンクします' },
  reading: { label: '読み', hint: 'ひらがなで（例：さいようこうほしゃめいぼ）', pattern: 'ひらがな' },
  aliases: {
    label: '別の書き方',
    hint: '同じ意味でリンクしたい別の書き方（例：名簿）。ほかの意味にも使う言葉は書かないでください',
    singular: '別の書き方',
  },
};

/** Where the same field name means something else in one collection (keyed by dotted path). */
export const cmsFieldOverrides: Partial<Record<CmsCollectionName, Record<string, Partial<FieldCopy>>>> = {
  jobs: {
    title: { label: '職種名', hint: '募集要項のとおり。例：事務（経験者採用・1級職）' },
    department: { label: '配属予定の部署' },
    'apply.url': { label: '応募先のURL', hint: 'https:// から書きます' },
    'apply.label': { label: '応募先リンクの文字', hint: '例：特別区人事委員会 採用試験のページ' },
    'exam.year': { label: '試験の年度', hint: '試験日の属する年度（例：2027）' },
    'exam.id': { label: '試験の種類', hint: '特別区の採用試験の種類を、試験日程（content/exams）の試験から選びます' },
  },
  internships: { department: { label: '受け入れる部署' } },
  events: {
    exam: {
      label: '説明する特別区の採用試験',
      hint: '特別区の採用試験の説明会のときだけ書きます。開催日は、その試験の申込受付が始まる日より前にします',
    },
    'exam.year': { label: '試験の年度', hint: '試験日の属する年度（例：2027）' },
    'exam.id': { label: '試験の種類', hint: '特別区の採用試験の種類を、試験日程（content/exams）の試験から選びます' },
  },
  stories: {
    title: { label: '見出し', hint: 'ご本人の言葉で' },
    department: { label: '所属部署' },
    summary: { label: '紹介文', hint: '一覧に表示します。どんな経験を持つ人が、今どんな仕事をしているか' },
  },
  pillars: { number: { label: '柱の番号', hint: 'プランのとおり' }, title: { label: '柱の名前' }, summary: { label: '説明' } },
  initiatives: {
    number: { label: '取組の番号', hint: 'プランのとおり。18の取組で1つずつ' },
    title: { label: '取組の名前', hint: 'プランの表現のまま' },
    'internalModule.label': { label: 'リンクの文字' },
    'internalModule.url': { label: 'URL', hint: `職員用のホスト（${siteConfig.internalModuleHosts.join('、')}）のアドレス` },
    'siteLinks.label': { label: 'リンクの文字' },
    'siteLinks.href': { label: 'ページのアドレス', hint: 'このサイトのページのアドレスを / から（例：/events/）' },
  },
  planOverview: {
    source: { label: '引用元の資料', hint: 'プランの概要版の題名' },
    sections: { label: '項目', hint: 'プランの順に（目的、社会的背景…）', singular: '項目' },
    heading: { label: '項目の名前', hint: 'プランの表現のまま（例：目的）' },
    paragraphs: { label: '文章', hint: 'プランの文章を1段落ずつ、そのまま', singular: '段落' },
    motto: { label: '強調する一文', hint: 'プランが下線で強調している一文（例：『問題意識を持って…』）' },
    groups: { label: '箇条書き', hint: '小見出し（例：区の抱える主な課題）ごとに', singular: '箇条書き' },
    label: { label: '小見出し', hint: '〈〉は付けずに' },
    numbered: { label: '番号付き', hint: 'プランが①〜④のように番号を振っているときオンにし、番号も記載に残します' },
    points: { label: '記載', hint: 'プランの箇条書きを1行に1つずつ、そのまま（➢ は付けずに）', singular: '記載' },
  },
  faq: {},
  glossary: { order: { hint: '用語集の中で小さい順に表示します（同じ数字は読みの50音順）' } },
  pages: { title: { label: 'ページの名前' } },
};

/** Labels of choices whose stored value is not Japanese. */
export const cmsChoiceLabels: Record<string, Record<string, string>> = {
  'apply.method': { online: 'このサイトで受け付ける', external: '外部のページで受け付ける' },
};

/** The words the editor adds to hints from the schema's limits. */
export const cmsLimits = {
  maxLength: (n: number) => `${n}文字以内`,
  range: (min: number, max: number) => `${min}〜${max}`,
  atLeast: (min: number) => `${min}以上`,
  atMost: (max: number) => `${max}以下`,
  itemsAtLeast: (n: number) => `${n}つ以上`,
  /** A field of one branch of a choice (apply.url when apply.method is external). */
  requiredWhen: (choice: string) => `「${choice}」のときは必ず書きます`,
  requiredWithin: (parent: string) => `「${parent}」を書くときは必ず書きます`,
  onlyWhen: (choice: string) => `「${choice}」のときだけ`,
  /** Shown by Decap as 「〇〇が入力規則（…）と一致しません」. */
  patternMessage: {
    length: (max: number) => `1〜${max}文字`,
    slug: '半角英小文字・数字・ハイフン',
    /** A pattern whose field names no form of its own in cmsFields. */
    other: '決められた形',
    url: 'https:// から始まるアドレス',
  },
  slugMissing: 'URL名（新しく作るときだけ）を半角英小文字・数字・ハイフンで入力してください。',
  pillarOption: (n: number, title: string) => `${n}. ${title}`,
};

/** The label and hint of a field: the collection's own wording first, then the shared one. */
export function fieldCopy(collection: CmsCollectionName, path: readonly string[]): FieldCopy {
  const dotted = path.join('.');
  const name = path[path.length - 1] ?? '';
  const shared = cmsFields[name];
  const own = cmsFieldOverrides[collection]?.[dotted] ?? cmsFieldOverrides[collection]?.[name];
  if (!shared && !own?.label) throw new Error(`src/i18n/cms.ts has no label for ${collection}.${dotted}`);
  return { label: '', ...shared, ...own } as FieldCopy;
}

/** What the editor says when it checks an entry before saving, and what it shows in the read-only field of an opening. */
export const cmsCheckWords = {
  /** A save refused: the fields to fix, one a line. */
  refused: (lines: readonly string[]) => `保存できませんでした。次の欄を直してください。\n${lines.map((l) => `・${l}`).join('\n')}`,
  /** One field's problem in that list: 「給与 › 給与の下限（円）：…」. */
  line: (label: string, message: string) => (label ? `${label}：${message}` : message),
  loading: '規則と試験日程を読み込んでいます…',
  sessionTaken: (id: string, file: string) =>
    `回のID「${id}」は ${file} でも使われています。回のIDはサイト全体で重ならないようにしてください`,
  derived: {
    noRoute: '選考区分を選んでいません。給与と必要な経験年数は、この画面で入力した値を表示します。',
    unknownRoute: (id: string, file: string) => `選考区分「${id}」は ${file} にありません。一覧から選び直してください。`,
    route: (label: string, file: string) => `選考区分：${label}（${file}）`,
    grade: (grade: string) => `職級：${grade}`,
    years: (years: number) => `必要な経験年数：${years}年以上`,
    pay: (range: string) => `給与：月給 ${range}（本給と地域手当の合計）`,
    noPay: '給与：この区分の給与の規則がないため、この画面で入力した額を表示します',
    exam: (year: number, name: string, file: string) => `試験：${year}年度 ${name}（${file}）`,
    unknownExam: (year: number, id: string) => `content/exams に ${year}年度の試験「${id}」がありません。`,
    window: (from: string, to: string) => `受付期間：${from}〜${to}（インターネット）`,
    post: (from: string, by: string) => `郵送：${from}から${by}の消印まで`,
    status: (status: string) => `今日の受付状況：${status}`,
    sample: '（サンプルの数値・日付です。確認してから公開してください）',
  },
};

/** The words of the editor's preview pane that the pages themselves do not have. */
export const cmsPreviewWords = {
  /** Above the preview: what it is, and that it is not published yet. */
  banner: 'プレビュー：公開したときのページの見た目です（保存するまで公開されません）。',
  /** The entry cannot be saved yet: some facts wait for the fields they come from. */
  incomplete: 'まだ入力されていない欄や、直す必要のある欄があります。そろうと、この表示も公開されるページと同じになります。',
};
