/**
 * The editor's preview pane: an entry drawn as its page will show it, with the site's own stylesheet and the pages'
 * markup and class names (src/pages/jobs/[slug]/index.astro, src/components/ProgrammePage.astro, SessionList.astro,
 * JointExamFacts.astro), from the facts src/lib/cms-preview.ts derives as the build does: the status for today in
 * Japan, the window, the pay of the route's rules with the sample mark, a joint exam's dates and steps.
 *
 * The stylesheet is the one the build links from every page, the admin page included (one stylesheet for the whole
 * site: astro.config.mjs, cssCodeSplit: false), taken from the admin page's own <link>s. Components with scoped
 * styles are rendered at build (/admin/preview.json), so that they carry their scope as on the pages.
 */

import { site } from '../config/site';
import { cmsCheckWords, cmsPreviewWords } from '../i18n/cms';
import { jobsCopy, programmeCopy, sessionCopy, ui } from '../i18n/ja';
import { checkerCopy } from '../i18n/rules';
import type { EditorData, editorSchemas } from '../lib/cms-checks';
import { type JobView, jobView, type PreviewParts, type ProgrammeView, programmeView } from '../lib/cms-preview';
import { formatDate, formatDateBoth, formatWareki, todayInTokyo } from '../lib/dates';
import { bornOnOrAfterFor } from '../lib/eligibility';
import { nationalityOf } from '../lib/exam-calendar';
import { formatPay } from '../lib/format';
import { allowanceText } from '../lib/job-pay';
import { markFigures, payFigureSource, sampleMarkHtml, sampleNoticeHtml } from '../lib/sample-mark';
import type { Status } from '../lib/status';

type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
type CreateClass = (spec: Record<string, unknown>) => unknown;
interface Immutable {
  get(key: string): unknown;
  toJS(): unknown;
}
interface PreviewProps {
  entry: Immutable;
  widgetFor: (name: string) => unknown;
}
export interface PreviewCms {
  registerPreviewTemplate(name: string, component: unknown): void;
  registerPreviewStyle(url: string): void;
}
type Loaded = { data: EditorData; schemas: ReturnType<typeof editorSchemas> };

const plain = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && 'toJS' in v && typeof (v as Immutable).toJS === 'function' ? (v as Immutable).toJS() : v;

/** Registers the site's stylesheet and the templates of the collections whose pages the site draws from an entry. */
export function registerPreviews(cms: PreviewCms, h: H, createClass: CreateClass, ready: Promise<Loaded>): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')) cms.registerPreviewStyle(link.href);

  const parts: Promise<PreviewParts | undefined> = fetch('/admin/preview.json')
    .then((r) => (r.ok ? (r.json() as Promise<PreviewParts>) : undefined))
    .catch(() => undefined);

  /** HTML the site writes itself (sample marks and notices, rendered components), in a neutral wrapper. */
  const html = (markup: string, tag = 'span') => h(tag, { dangerouslySetInnerHTML: { __html: markup } });
  const badge = (status: Status, p: PreviewParts | undefined) =>
    p ? html(p.badges[status]) : h('span', { className: `status ${status}` }, ui.status[status]);
  const list = (items: readonly unknown[], tag = 'ul') => h(tag, null, ...items.map((x, i) => h('li', { key: i }, x)));
  /** A row is [label, value]; anything else (a fact not filled in: '', false, undefined) is left out. */
  const facts = (rows: readonly unknown[]) =>
    h(
      'dl',
      { className: 'facts' },
      ...rows.flatMap((r, i) => (Array.isArray(r) ? [h('dt', { key: `t${i}` }, r[0]), h('dd', { key: `d${i}` }, r[1])] : [])),
    );

  /** A template that waits for the rules, calendars and rendered parts, then draws `render` in the page's frame. */
  const template = (render: (props: PreviewProps, loaded: Loaded, parts: PreviewParts | undefined) => unknown) =>
    createClass({
      getInitialState: () => ({ loaded: undefined, parts: undefined }),
      componentDidMount(this: { setState: (s: unknown) => void }) {
        Promise.all([ready, parts])
          .then(([loaded, p]) => this.setState({ loaded, parts: p }))
          .catch(() => undefined);
      },
      render(this: { props: PreviewProps; state: { loaded?: Loaded; parts?: PreviewParts } }) {
        const { loaded, parts: p } = this.state;
        return h(
          'main',
          { className: 'wrap' },
          h('p', { className: 'notice', 'data-preview-banner': '' }, cmsPreviewWords.banner),
          loaded ? render(this.props, loaded, p) : h('p', null, cmsCheckWords.loading),
        );
      },
    });

  const entryData = (props: PreviewProps) => plain(props.entry.get('data'));

  const job = template((props, loaded, p) => {
    const v = jobView(loaded.schemas, entryData(props), loaded.data, todayInTokyo());
    return jobPage(v, props, loaded, p);
  });

  function jobPage(d: JobView, props: PreviewProps, loaded: Loaded, p: PreviewParts | undefined) {
    const f = jobsCopy.facts;
    const rules = loaded.data.rules.rules;
    const mark = d.paySample ? html(sampleMarkHtml()) : null;
    const calendar = d.jointExam && loaded.data.calendars.find((c) => c.fiscalYear === d.jointExam?.fiscalYear);
    const nationality = d.jointExam && d.jobFamily ? nationalityOf(calendar, d.jobFamily) : undefined;
    const age = d.jointExam && rules.routes.find((r) => r.id === d.route?.id)?.ageLimit;
    const derivedRequirements: string[] = [];
    if (nationality?.kind === 'japanese') derivedRequirements.push(jobsCopy.exam.japaneseRequirement);
    if (nationality?.kind === 'open') derivedRequirements.push(jobsCopy.exam.foreignRequirement(nationality.statuses.join('・')));
    if (d.jointExam && age?.maxAge !== undefined)
      derivedRequirements.push(
        jobsCopy.exam.ageRequirement(
          formatWareki(bornOnOrAfterFor(age.maxAge, d.jointExam.referenceDate)),
          formatDate(d.jointExam.referenceDate),
          age.maxAge,
        ),
      );
    else if (d.jointExam && age?.bornOnOrAfter) derivedRequirements.push(jobsCopy.exam.bornRequirement(formatWareki(age.bornOnOrAfter)));
    const exam = d.jointExam;
    const t = jobsCopy.exam;
    return h(
      'article',
      null,
      // BaseLayout's notice, on a page whose figures carry the sample mark.
      d.paySample && d.pay ? html(sampleNoticeHtml(payFigureSource(rules)), 'div') : null,
      !d.complete && h('p', { className: 'notice', 'data-preview-incomplete': '' }, cmsPreviewWords.incomplete),
      h('h1', null, d.title ?? ''),
      h(
        'p',
        null,
        d.status && badge(d.status, p),
        ' ',
        d.hiringType && h('span', { className: 'tag' }, d.hiringType),
        d.jobFamily && h('span', { className: 'tag' }, d.jobFamily),
      ),
      d.summary && h('p', { className: 'lead' }, d.summary),
      d.opensOn &&
        d.closesOn &&
        h(
          'div',
          { className: 'notice', 'data-job-status': d.status },
          d.status === 'closed' && h('p', null, h('strong', null, jobsCopy.closedNotice)),
          d.status === 'upcoming' && h('p', null, h('strong', null, jobsCopy.upcomingNotice(formatDate(d.opensOn)))),
          h('p', null, `${jobsCopy.window}：${formatDateBoth(d.opensOn)} 〜 `, h('strong', null, formatDateBoth(d.closesOn))),
        ),
      exam &&
        h(
          'section',
          { className: 'joint-exam' },
          h('h2', null, t.heading(exam.name)),
          exam.sample && h('p', { className: 'notice sample-dates' }, h('strong', null, t.sample)),
          facts([
            [t.announced, formatDateBoth(exam.announcedOn)],
            [t.internet, [`${formatDateBoth(exam.internet.from)} 〜 `, h('strong', { key: 's' }, formatDateBoth(exam.internet.to))]],
            exam.post && [t.post, `${formatDateBoth(exam.post.from)} 〜 ${t.postmark(formatDateBoth(exam.post.postmarkedBy))}`],
            [t.referenceDate, [formatDateBoth(exam.referenceDate), h('br', { key: 'b' }), t.referenceDateNote]],
          ]),
          calendar &&
            h(
              'div',
              null,
              h('h3', null, t.rulesHeading),
              list([
                t.onlyOne(calendar.candidateRules.onlyOne.exams.map((e) => `「${e}」`).join('・')),
                ...(nationality?.kind === 'japanese' && d.jobFamily ? [t.nationalityJapaneseOnly(d.jobFamily)] : []),
                ...(nationality?.kind === 'open' && d.jobFamily ? [t.nationalityOpen(d.jobFamily, nationality.statuses.join('・'))] : []),
              ]),
            ),
          h('p', { className: 'source' }, `${t.source}：${exam.source}`),
        ),
      h('h2', null, jobsCopy.duties),
      list(d.duties),
      h('div', { className: 'prose' }, props.widgetFor('body')),
      // As the page writes it.
      h('h2', null, '募集の概要'),
      facts([
        d.hiringType && [f.hiringType, d.hiringType],
        d.route && [f.grade, d.route.grade],
        d.jobFamily && [f.jobFamily, d.jobFamily],
        d.employmentType && [f.employmentType, d.employmentType],
        d.department && [f.department, d.department],
        d.workLocation && [f.workLocation, d.workLocation],
        [f.openings, d.openings ? `${d.openings}名` : f.openingsUnknown],
        d.pay && [f.pay, [formatPay(d.pay), mark && h('span', { key: 'm' }, mark)]],
        d.pay &&
          d.pay.allowances.length > 0 && [
            f.allowances,
            html(markFigures(d.pay.allowances.map((a) => allowanceText(a, rules)).join('、'), d.paySample).html),
          ],
        d.pay?.experienceNote && [f.experienceNote, d.pay.experienceNote],
      ]),
      h('h2', null, jobsCopy.requirements),
      list([...(d.requirements.experienceKind ? [d.requirements.experienceKind] : []), ...derivedRequirements, ...d.requirements.other]),
      d.requirements.qualifications.length > 0 && h('h3', null, jobsCopy.qualifications),
      d.requirements.qualifications.length > 0 && list(d.requirements.qualifications),
      // The page's checker section, without its form: what it says the route requires.
      d.route &&
        h(
          'section',
          null,
          h('h2', null, checkerCopy.jobSection.title),
          h('p', null, checkerCopy.jobSection.lead(d.route.label)),
          h('p', null, checkerCopy.requirement(d.route.note)),
          rules.sample && h('p', { className: 'notice' }, checkerCopy.sample),
        ),
      h('h2', null, jobsCopy.selection),
      h(
        'ol',
        { className: 'steps' },
        ...d.selection.map((s, i) =>
          h(
            'li',
            { key: i },
            h('strong', null, s.step),
            s.date && `：${formatDateBoth(s.date)}`,
            s.until && ` 〜 ${formatDateBoth(s.until)}`,
            s.note && `（${s.note}）`,
          ),
        ),
      ),
      h('h2', null, jobsCopy.applyExternal),
      d.apply?.method === 'external'
        ? [
            d.apply.jointExam && h('p', { key: 'j' }, jobsCopy.jointExamNotice),
            // Not followed from the preview: the pane is not a browser.
            d.apply.label && h('p', { key: 'l' }, h('a', { title: d.apply.url }, d.apply.label)),
          ]
        : d.apply?.method === 'online' && d.status === 'open' && d.closesOn
          ? [
              h('p', { key: 'u' }, jobsCopy.applyUntil(formatDate(d.closesOn))),
              h('p', { key: 'b' }, h('a', { className: 'button' }, jobsCopy.applyOnline)),
            ]
          : d.status &&
            d.opensOn &&
            h('p', null, d.status === 'closed' ? jobsCopy.closedNotice : jobsCopy.upcomingNotice(formatDate(d.opensOn))),
      h('h2', null, f.contact),
      h('p', null, d.contact ?? `${site.organisation.hrDepartment}（電話 ${site.organisation.phone}）`),
    );
  }

  /** ProgrammePage and SessionList: facts, activities, body and the sessions' table. */
  function programmePage(v: ProgrammeView, props: PreviewProps, p: PreviewParts | undefined, activities: boolean) {
    const t = sessionCopy;
    return h(
      'div',
      null,
      !v.complete && h('p', { className: 'notice', 'data-preview-incomplete': '' }, cmsPreviewWords.incomplete),
      h('h1', null, v.title ?? ''),
      v.summary && h('p', { className: 'prose' }, v.summary),
      facts(v.facts),
      activities &&
        v.activities.length > 0 && [h('h2', { key: 'h' }, programmeCopy.activities), h('div', { key: 'l' }, list(v.activities))],
      h('div', { className: 'prose' }, props.widgetFor('body')),
      h('h2', null, t.heading),
      h(
        'div',
        { className: 'sessions table-scroll' },
        h(
          'table',
          null,
          h(
            'thead',
            null,
            h('tr', null, ...[t.date, t.place, t.capacity, t.deadline, t.status, t.apply].map((c) => h('th', { key: c, scope: 'col' }, c))),
          ),
          h(
            'tbody',
            null,
            ...v.sessions.map((s, i) =>
              h(
                'tr',
                { key: i, 'data-session-id': s.id },
                h(
                  'td',
                  { 'data-label': t.date },
                  ...s.dates.map((d) => h('span', { key: d, className: 'day', style: { display: 'block' } }, formatDate(d))),
                  s.startTime && s.endTime ? `${s.startTime}〜${s.endTime}` : '',
                ),
                h('td', { 'data-label': t.place }, s.place ?? ''),
                h(
                  'td',
                  { 'data-label': t.capacity },
                  s.capacity !== undefined ? t.people(s.capacity) : '',
                  s.waitlist > 0 && h('span', { className: 'small', style: { display: 'block' } }, t.waitlist(s.waitlist)),
                ),
                h('td', { 'data-label': t.deadline }, s.registrationClosesOn ? formatDate(s.registrationClosesOn) : ''),
                h('td', { 'data-label': t.status }, s.status && badge(s.status, p)),
                h('td', { 'data-label': t.apply }, s.status === 'open' ? h('a', null, t.register) : '―'),
              ),
            ),
          ),
        ),
      ),
    );
  }

  const pf = programmeCopy.facts;
  const internship = template((props, loaded, p) =>
    programmePage(
      programmeView(
        loaded.schemas,
        'internships',
        entryData(props),
        [
          [pf.department, 'department'],
          [pf.theme, 'theme'],
          [pf.eligibility, 'eligibility'],
          [pf.format, 'format'],
        ],
        todayInTokyo(),
      ),
      props,
      p,
      true,
    ),
  );
  const event = template((props, loaded, p) =>
    programmePage(
      programmeView(
        loaded.schemas,
        'events',
        entryData(props),
        [
          [pf.kind, 'kind'],
          [pf.audience, 'audience'],
          [pf.format, 'format'],
        ],
        todayInTokyo(),
      ),
      props,
      p,
      false,
    ),
  );

  /** The other pages drawn from an entry: a heading, a lead and the body, in the site's prose. */
  const generic = (heading: string, lead?: string) =>
    template((props) => {
      const data = (entryData(props) ?? {}) as Record<string, unknown>;
      const text = (k: string | undefined) => (k && typeof data[k] === 'string' ? (data[k] as string) : undefined);
      return h(
        'article',
        null,
        h('h1', null, text(heading) ?? ''),
        text(lead) && h('p', { className: 'prose' }, text(lead)),
        h('div', { className: 'prose' }, props.widgetFor('body')),
      );
    });

  cms.registerPreviewTemplate('jobs', job);
  cms.registerPreviewTemplate('internships', internship);
  cms.registerPreviewTemplate('events', event);
  cms.registerPreviewTemplate('stories', generic('title', 'summary'));
  cms.registerPreviewTemplate('faq', generic('question'));
  cms.registerPreviewTemplate('glossary', generic('term'));
  cms.registerPreviewTemplate('pages', generic('title', 'description'));
}
