/** Every word of the job alerts by mail: the subscribe form, the Worker's pages and the mails. */

import { site } from '../config/site';
import { type CalendarDate, formatDate } from '../lib/dates';
import { type Mail, signature } from './mail';

export type Frequency = 'daily' | 'weekly';
const frequencyLabel: Record<Frequency, string> = { daily: '毎日', weekly: '毎週' };

export const alertsCopy = {
  formHeading: '新着募集をメールで受け取る',
  formLead: (condition: string) => `「${condition}」に合う新しい募集が始まったときに、メールでお知らせします。`,
  allCondition: 'すべての募集',
  emailLabel: 'メールアドレス',
  frequencyLegend: 'お知らせの頻度',
  frequency: frequencyLabel,
  subscribeButton: '登録する',
  formHint:
    'ご登録のあと、確認のメールをお送りします。メール内のリンクから確認されるまで、お知らせはお送りしません。いつでも停止できます。',
  rssHint: 'RSS でも受け取れます：',
  rssLink: '募集一覧の RSS',

  subscribedTitle: '確認のメールをお送りしました',
  subscribedLead:
    'ご入力のアドレスに確認のメールをお送りしました。メール内のリンクから登録を確定してください。確定されない場合、7日後に登録は取り消されます。',
  invalidEmail: 'メールアドレスを name@example.jp の形で入力してください',

  confirmTitle: 'メールでのお知らせの登録確認',
  confirmLead: (condition: string, frequency: Frequency) =>
    `「${condition}」の新着募集を${frequencyLabel[frequency]}お知らせする登録を確定します。よろしければ、次のボタンを押してください。`,
  confirmButton: '登録を確定する',
  confirmInvalid: 'このリンクは無効か、有効期限が切れています。お手数ですが、募集一覧のページからもう一度ご登録ください。',
  confirmedTitle: '登録が完了しました',
  confirmedLead:
    '新着募集のお知らせの登録が完了しました。条件の変更や配信の停止は、次のページからいつでもできます（このリンクは、第三者に知らせないようご注意ください）。',
  manageLink: '登録内容の確認・変更・停止',

  manageTitle: 'メールでのお知らせの登録内容',
  manageInvalid: 'このリンクは無効です。お手数ですが、お知らせのメールに記載のリンクからお試しください。',
  conditionLabel: '条件',
  frequencyLabel: '頻度',
  statusLabel: '状態',
  status: { pending: '確認待ち', active: '配信中', stopped: '停止済み' } as Record<'pending' | 'active' | 'stopped', string>,
  changeButton: '頻度を変更する',
  changedLead: 'お知らせの頻度を変更しました。',
  /** A frequency change asked of an alert that is not running: nothing was changed. */
  notChangedLead: {
    pending: 'このお知らせはまだ確認されていないため、頻度は変更していません。確認のメールのリンクから登録を完了してください。',
    stopped: 'このお知らせは配信を停止しているため、頻度は変更していません。',
  } as Record<'pending' | 'stopped', string>,
  stopButton: '配信を停止する',
  stoppedTitle: '配信を停止しました',
  stoppedLead: 'メールでのお知らせを停止しました。今後、このお知らせのメールはお送りしません。',
  stoppedNote: 'このお知らせは停止しています。再開するには、募集一覧のページからもう一度ご登録ください。',
  backToJobs: '募集一覧へ',
};

export const alertMails = {
  confirm: (p: { condition: string; frequency: Frequency; confirmUrl: string; manageUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】新着募集のお知らせ：登録の確認のお願い`,
    body: [
      `${site.organisation.name}の職員採用サイトで、新着募集をメールでお知らせする登録のお申込みを受け付けました。`,
      '',
      `条件：${p.condition}`,
      `頻度：${frequencyLabel[p.frequency]}`,
      '',
      '登録を確定するには、7日以内に次のリンクを開き、「登録を確定する」ボタンを押してください。確定されるまで、お知らせはお送りしません。',
      p.confirmUrl,
      '',
      'お心当たりのない場合は、このメールを破棄してください。登録は確定されず、今後メールが届くこともありません。',
      '今後このアドレスへの登録の確認メールを止めるには、次のリンクから停止してください。',
      p.manageUrl,
      signature(),
    ].join('\n'),
  }),

  digest: (p: {
    condition: string;
    frequency: Frequency;
    jobs: { title: string; url: string; opensOn: CalendarDate; closesOn: CalendarDate }[];
    manageUrl: string;
  }): Mail => ({
    subject: `【${site.organisation.name}】新着募集のお知らせ（${p.jobs.length}件）`,
    body: [
      `「${p.condition}」に合う新しい募集をお知らせします。`,
      '',
      ...p.jobs.flatMap((j) => [`■ ${j.title}`, `　受付期間：${formatDate(j.opensOn)}〜${formatDate(j.closesOn)}`, `　${j.url}`, '']),
      `このお知らせは${frequencyLabel[p.frequency]}お送りしています。頻度の変更や配信の停止は、次のリンクからできます。`,
      p.manageUrl,
      signature(),
    ].join('\n'),
  }),
};
