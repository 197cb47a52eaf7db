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
