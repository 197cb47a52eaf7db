/**
 * The words of every mail the site sends. Ward-specific names come from the site config.
 * Mails to the ward carry no personal data: the job, the reference and a link to the staff area.
 */

import { site } from '../config/site';
import type { CatalogSession } from '../lib/catalog';
import { formatDate } from '../lib/dates';

export interface Mail {
  subject: string;
  body: string;
}

/** The ward's sign-off under every mail. */
export const signature = () =>
  [
    '',
    '――――――――――――――――',
    site.organisation.hrDepartment,
    `電話 ${site.organisation.phone}`,
    site.origin,
    '※このメールは送信専用のアドレスからお送りしています。返信いただいてもお答えできません。',
  ].join('\n');

const when = (s: CatalogSession) => `${s.dates.map(formatDate).join('、')} ${s.startTime}〜${s.endTime}`;

export const mails = {
  applicationReceived: (p: { name: string; reference: string; jobTitle: string; statusUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】応募を受け付けました（受付番号 ${p.reference}）`,
    body: [
      `${p.name} 様`,
      '',
      `${site.organisation.name}の職員採用にご応募いただき、ありがとうございます。次の内容で応募を受け付けました。`,
      '',
      `募集：${p.jobTitle}`,
      `受付番号：${p.reference}`,
      '',
      'お問い合わせの際は、受付番号をお知らせください。選考の結果は、募集ページに記載の時期にメールでお知らせします。',
      '',
      '選考の状況は、ご本人専用の次のリンクからいつでも確認できます。このリンクは、第三者に知らせないようご注意ください。',
      p.statusUrl,
      signature(),
    ].join('\n'),
  }),

  /** Says only that something changed, with the private link: the details are behind it. */
  statusChanged: (p: { reference: string; statusUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】選考状況が更新されました（受付番号 ${p.reference}）`,
    body: [
      'ご応募いただいた採用選考の状況が更新されました。次のリンクからご確認ください（以前のメールのリンクは使えなくなりました）。',
      '',
      p.statusUrl,
      '',
      'このリンクはご本人専用です。第三者に知らせないようご注意ください。',
      signature(),
    ].join('\n'),
  }),

  statusLink: (p: { reference: string; statusUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】選考状況の確認用リンク（受付番号 ${p.reference}）`,
    body: [
      'ご依頼により、選考状況の確認用リンクをお送りします（以前のメールのリンクは使えなくなりました）。',
      '',
      p.statusUrl,
      '',
      'お心当たりがない場合は、このメールを破棄してください。',
      signature(),
    ].join('\n'),
  }),

  applicationNotice: (p: { reference: string; jobTitle: string; staffUrl: string }): Mail => ({
    subject: `［応募受付］${p.jobTitle}（${p.reference}）`,
    body: [`新しい応募がありました。`, '', `募集：${p.jobTitle}`, `受付番号：${p.reference}`, `内容の確認：${p.staffUrl}`].join('\n'),
  }),

  /** Many notices at once (a burst of applications) as one mail: each line is a notice's subject. */
  applicationNoticeSummary: (p: { count: number; lines: string[]; staffUrl: string }): Mail => ({
    subject: `［応募受付］新しい応募が${p.count}件ありました`,
    body: [
      `前回のお知らせ以降に、新しい応募が${p.count}件ありました。`,
      '',
      ...p.lines,
      ...(p.count > p.lines.length ? [`ほか${p.count - p.lines.length}件`] : []),
      '',
      `内容の確認：${p.staffUrl}`,
    ].join('\n'),
  }),

  /**
   * A sign-up with an address already signed up for the same session: the page answered as for any sign-up (so nobody
   * learns who registered), and the person is told here instead.
   */
  registrationAlready: (p: { session: CatalogSession }): Mail => ({
    subject: `【${site.organisation.name}】すでにお申込みいただいています（${p.session.title}）`,
    body: [
      'このメールアドレスで、次の回へのお申込みをすでにいただいています。新たなお申込みは受け付けていません。',
      '',
      `プログラム：${p.session.title}`,
      `日時：${when(p.session)}`,
      '',
      '参加の確定やキャンセル待ちの状況は、最初のお申込みの際にお送りしたメールでご確認ください。キャンセルも、そのメールのリンクからお手続きいただけます。',
      'お心当たりがない場合は、このメールを破棄してください。',
      signature(),
    ].join('\n'),
  }),

  registrationConfirmed: (p: { name: string; reference: string; session: CatalogSession; cancelUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】お申込みを受け付けました（${p.session.title}）`,
    body: [
      `${p.name} 様`,
      '',
      '次の回へのお申込みを受け付け、参加が確定しました。',
      '',
      `プログラム：${p.session.title}`,
      `日時：${when(p.session)}`,
      `会場：${p.session.place}`,
      `受付番号：${p.reference}`,
      '',
      '参加できなくなった場合は、次のリンクからお手続きください。キャンセル待ちの方に席をお譲りします。',
      p.cancelUrl,
      signature(),
    ].join('\n'),
  }),

  registrationWaitlisted: (p: { name: string; reference: string; session: CatalogSession; cancelUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】キャンセル待ちで受け付けました（${p.session.title}）`,
    body: [
      `${p.name} 様`,
      '',
      '定員に達していたため、キャンセル待ちとして受け付けました。席が空いた場合は、お申込み順に参加確定のメールをお送りします。',
      '',
      `プログラム：${p.session.title}`,
      `日時：${when(p.session)}`,
      `受付番号：${p.reference}`,
      '',
      'キャンセル待ちを取り消す場合は、次のリンクからお手続きください。',
      p.cancelUrl,
      signature(),
    ].join('\n'),
  }),

  registrationPromoted: (p: { session: CatalogSession; claimUrl: string; cancelUrl: string; claimBy: string }): Mail => ({
    subject: `【${site.organisation.name}】キャンセル待ちから繰り上がりました（${p.session.title}：${p.claimBy}までに確定してください）`,
    body: [
      'キャンセル待ちでお申込みいただいた方へ',
      '',
      `席が空いたため、あなたの席を確保しました。${p.claimBy}までに、次のリンクから参加を確定してください。期限を過ぎると、次にお待ちの方に席をお譲りします。`,
      p.claimUrl,
      '',
      `プログラム：${p.session.title}`,
      `日時：${when(p.session)}`,
      `会場：${p.session.place}`,
      '',
      '参加できない場合は、次のリンクからお手続きください。',
      p.cancelUrl,
      signature(),
    ].join('\n'),
  }),

  registrationLapsed: (p: { session: CatalogSession }): Mail => ({
    subject: `【${site.organisation.name}】確定の期限が過ぎました（${p.session.title}）`,
    body: [
      'キャンセル待ちから繰り上がった席について、期限までに参加の確定がなかったため、この席はキャンセル待ちの次の方にご案内しました。',
      '',
      `プログラム：${p.session.title}`,
      `日時：${when(p.session)}`,
      '',
      'ご参加を希望される場合は、ほかの回をご検討ください。',
      signature(),
    ].join('\n'),
  }),

  registrationReminder: (p: { session: CatalogSession; day: string; daysBefore: number; cancelUrl: string }): Mail => ({
    subject: `【${site.organisation.name}】${p.daysBefore === 0 ? '本日' : `${p.daysBefore}日後`}の開催のお知らせ（${p.session.title}）`,
    body: [
      'お申込みいただいた次の回の開催が近づきましたので、お知らせします。',
      '',
      `プログラム：${p.session.title}`,
      `日時：${formatDate(p.day)} ${p.session.startTime}〜${p.session.endTime}`,
      `会場：${p.session.place}`,
      '',
      '参加できなくなった場合は、次のリンクからキャンセルしてください。',
      p.cancelUrl,
      signature(),
    ].join('\n'),
  }),

  registrationCancelled: (p: { session: CatalogSession }): Mail => ({
    subject: `【${site.organisation.name}】キャンセルを受け付けました（${p.session.title}）`,
    body: [`次の回のキャンセルを受け付けました。`, '', `プログラム：${p.session.title}`, `日時：${when(p.session)}`, signature()].join(
      '\n',
    ),
  }),

  relayParked: (p: { outboxId: number; kind: string; attempts: number }): Mail => ({
    subject: '［要確認］送信できないメールがあります',
    body: [
      `メール（番号 ${p.outboxId}、種類 ${p.kind}）を${p.attempts}回送信できなかったため、送信を保留しました。`,
      '職員用ページで宛先を確認し、必要に応じて電話などでご連絡ください。',
    ].join('\n'),
  }),
} as const;
