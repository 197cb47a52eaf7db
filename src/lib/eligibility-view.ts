/**
 * The checker's result as HTML, written the same way by the page script (in place, without a round trip) and by the
 * Worker (a page, for a form posted without JavaScript); the worked examples table and the notices that the static
 * pages show too. Plain strings, no DOM: it runs in the browser, in the Worker and at build. Every value is escaped
 * unless it is HTML this module wrote; every word comes from src/i18n/rules.ts.
 */
import { checkerCopy, dateText, durationText, guideLinks, rulesCopy } from '../i18n/rules';
import type { ExamCalendar } from '../schemas/exam-calendar';
import type { Route, Rules } from '../schemas/rules';
import { fiscalYearName } from './dates';
import { familyOf, type ReferenceDate, type RouteVerdict } from './eligibility';
import type { CheckerAnswer, CheckerInput } from './eligibility-form';
import { formatYen } from './format';
import { html as h, type Raw, raw } from './html';
import { formatRange, type GradeEstimate, type Range } from './pay';
import { markFigures, payFigureSource, sampleMarkHtml, sampleNoticeHtml } from './sample-mark';

const t = checkerCopy;
const r = t.result;

/** 「この確認の結果は目安です。… 必ず<a>試験案内</a>をご確認ください。」 */
export function guideNotice(route: Pick<Route, 'organizer' | 'id'>, calendars: readonly ExamCalendar[] = []): string {
  const link = guideLinks[route.organizer];
  // A joint exam's guide: the page content/exams names for the route's exam (newest year first).
  const examUrl = calendars
    .toReversed()
    .flatMap((c) => c.exams)
    .find((e) => e.routes.includes(route.id))?.url;
  const href = route.organizer === 'tokubetsuku' && examUrl ? examUrl : link.href;
  return h`<p class="notice">${t.guide.before}<a href="${href}">${link.label}</a>${t.guide.after}</p>`.html;
}

/** Where to find the dates of past work (年金記録, 雇用保険の記録). `level` is the heading's level. */
export function datesHelp(level: 2 | 3 = 2): string {
  const d = t.dates;
  const heading = raw(`h${level}`);
  return h`<section class="dates-help" aria-labelledby="dates-help-title">
<${heading} id="dates-help-title">${d.title}</${heading}>
<p>${d.lead}</p>
<ul>
<li>${d.pension}<a href="${d.pensionLink.href}">${d.pensionLink.label}</a></li>
<li>${d.employment}<a href="${d.employmentLink.href}">${d.employmentLink.label}</a></li>
<li>${d.selfEmployed}</li>
</ul>
</section>`.html;
}

/**
 * The published worked examples (rules.examples), as a table that scrolls inside itself on a narrow screen: all of
 * them, or those of the pay grades that belong to `routes` (a route's family); empty when none do.
 */
export function examplesTable(rules: Rules, level: 2 | 3 = 2, routes?: readonly string[]): string {
  const x = t.examples;
  const grades = new Map(rules.pay.grades.map((g) => [g.id, g.label]));
  const shown = new Set(rules.pay.grades.filter((g) => routes === undefined || routes.includes(g.route)).map((g) => g.id));
  const examples = rules.examples.filter((e) => shown.has(e.grade));
  if (examples.length === 0) return '';
  const heading = raw(`h${level}`);
  return h`<section class="worked-examples" aria-labelledby="examples-title">
<${heading} id="examples-title">${x.title}</${heading}>
<p>${x.lead}</p>
${rules.sample ? h`<p class="notice">${t.sample}</p>` : ''}
<div class="table-scroll" role="region" aria-labelledby="examples-caption" tabindex="0">
<table>
<caption id="examples-caption">${x.caption}</caption>
<thead><tr><th scope="col">${x.label}</th><th scope="col">${x.grade}</th><th scope="col">${x.step}</th><th scope="col">${x.monthly}</th><th scope="col">${x.yearly}</th></tr></thead>
<tbody>
${examples.map(
  (e) =>
    h`<tr><th scope="row">${e.label}</th><td>${grades.get(e.grade) ?? e.grade}</td><td class="num">${r.steps(e.expected.step)}</td><td class="num">${formatYen(e.expected.monthly)}</td><td class="num">${formatYen(e.expected.yearly)}${mark(rules.sample)}</td></tr>`,
)}
</tbody>
</table>
</div>
</section>`.html;
}

/** 「要確認」 while a source is not verified (it starts with 要確認, as the rules file writes it). */
export const unverified = (source: string | null | undefined) => source === undefined || source === null || source.startsWith('要確認');

const unverifiedMark = (source: string | null | undefined) =>
  unverified(source) ? h` <span class="unverified-mark">（${r.unverified}）</span>` : '';

/** What the route is counted to, in words: the day, why that day, and whether the figures are projections. */
export function referenceLines(rules: Rules, ref: ReferenceDate, today: string, prospective: boolean): string[] {
  const lines: string[] = [];
  if (ref.missingExam) lines.push(r.reference.missingExam(dateText(today)));
  else if (ref.basis === 'exam' && ref.exam) {
    lines.push(r.reference.exam(dateText(ref.date), `${fiscalYearName(ref.exam.fiscalYear)}の${ref.exam.name}`, prospective));
    if (ref.exam.sample) lines.push(r.reference.sampleExam);
    if (ref.exam.fiscalYear !== rules.fiscalYear)
      lines.push(r.reference.otherYear(fiscalYearName(rules.fiscalYear), fiscalYearName(ref.exam.fiscalYear)));
  } else if (ref.basis === 'date') lines.push(r.reference.date(dateText(ref.date)));
  else lines.push(r.reference.today(dateText(today)));
  return lines;
}

/**
 * Every rule the route is judged by, each with its source and the 「要確認」 mark while it is not verified, and the
 * cautions the checker cannot model (an earlier year's guide that did not add periods up).
 */
export function rulesSourcesHtml(route: Route, level: 2 | 3 | 4 = 2, idPrefix = 'sources'): string {
  const x = r.rules;
  const heading = raw(`h${level}`);
  const items: { rule: string; source: string | null }[] = [
    { rule: `${x.route}（${route.note}）`, source: route.source },
    { rule: x.countsTo, source: route.countsTo?.source ?? null },
    { rule: x.window, source: route.window.source ?? null },
    ...(route.ageLimit ? [{ rule: x.ageLimit, source: route.ageLimit.source ?? null }] : []),
    ...(route.qualifications.length > 0 ? [{ rule: x.qualifications, source: route.qualificationsSource ?? null }] : []),
    ...route.variants.map((v) => ({ rule: `${x.variant(v.jobFamily)}（${v.note}）`, source: v.source })),
  ];
  const id = `${idPrefix}-${route.id}`;
  return h`<section class="rule-sources" aria-labelledby="${id}">
<${heading} id="${id}">${r.sources}</${heading}>
${route.cautions.length > 0 ? h`<p class="notice"><strong>${r.cautions}</strong></p><ul class="cautions">${route.cautions.map((c) => h`<li>${c.text}${unverifiedMark(c.source)}<br><small>${c.source}</small></li>`)}</ul>` : ''}
<p>${r.sourcesLead}</p>
<ul>${items.map((i) => h`<li>${r.sourceLine(i.rule, i.source ?? r.unverified)}${unverifiedMark(i.source)}</li>`)}</ul>
</section>`.html;
}

const verdictText = (v: { eligible: boolean; needsConfirmation: boolean }) =>
  v.needsConfirmation ? rulesCopy.verdict.confirm : v.eligible ? rulesCopy.verdict.eligible : rulesCopy.verdict.notEligible;
const verdictClass = (v: { eligible: boolean; needsConfirmation: boolean }) =>
  v.needsConfirmation ? 'verdict-confirm' : v.eligible ? 'verdict-yes' : 'verdict-no';
const verdictMark = (v: { eligible: boolean; needsConfirmation: boolean }) =>
  v.needsConfirmation ? r.marks.confirm : v.eligible ? r.marks.eligible : r.marks.notEligible;

/** The sample mark after a figure, while the rules are samples. */
const mark = (sample: boolean) => (sample ? raw(sampleMarkHtml()) : '');

const stepsText = (range: Range) => (range.low === range.high ? r.steps(range.low) : `${range.low}〜${r.steps(range.high)}`);

function routeSection(rules: Rules, input: CheckerInput, v: RouteVerdict, open: boolean): Raw {
  const kinds = new Map(rules.kinds.map((k) => [k.id, k.label]));
  const fields = new Map(rules.fields.map((f) => [f.id, f.label]));
  const id = `verdict-${v.routeId}`;
  const others = v.conditions.filter((c) => c.kind !== 'experience');
  const tagged = new Set(input.rows.flatMap((row) => (row.period.field ? [row.period.field] : [])));
  const variants = v.variants.filter((x) => tagged.has(x.field));
  const periods = v.periods.map((p) => {
    const row = input.rows[p.index];
    if (!row) return '';
    const w = row.period;
    const facts = r.periodFacts(
      dateText(w.from),
      w.to === null ? null : dateText(w.to),
      kinds.get(w.kind) ?? w.kind,
      w.hoursPerWeek,
      w.field ? (fields.get(w.field) ?? w.field) : null,
    );
    const status =
      p.counted && p.countedFrom && p.countedTo
        ? r.counted(dateText(p.countedFrom), dateText(p.countedTo), durationText(p.duration))
        : r.notCounted;
    const reasons = p.reasons.filter((x) => x.code !== 'counted');
    return h`<li><strong>${r.period(row.row)}</strong>（${facts}）<br><span class="${p.counted ? 'period-yes' : 'period-no'}">${status}</span>${
      reasons.length > 0 ? h`<ul>${reasons.map((x) => h`<li>${x.message}</li>`)}</ul>` : ''
    }</li>`;
  });
  return h`<section class="verdict ${verdictClass(v)}" aria-labelledby="${id}">
<h3 id="${id}">${v.label}</h3>
<p class="verdict-label"><span class="verdict-mark" aria-hidden="true">${verdictMark(v)}</span>${verdictText(v)}</p>
<p class="verdict-total">${v.summary}</p>
${v.atToday ? h`<p class="verdict-today">${v.atToday.summary}</p>` : ''}
${referenceLines(rules, v.reference, v.atToday?.date ?? v.reference.date, v.prospective).map((line) => h`<p>${line}</p>`)}
${others.length > 0 ? h`<ul class="conditions">${others.map((c) => h`<li>${c.message}</li>`)}</ul>` : ''}
${
  variants.length > 0
    ? h`<h4>${r.variants}</h4><ul class="conditions">${variants.map(
        (x) => h`<li>${r.variantLine(x.jobFamily, verdictText(x))}（${x.summary}）${unverifiedMark(x.source)}<br>${x.note}</li>`,
      )}</ul>`
    : ''
}
<details${open ? raw(' open') : ''}><summary>${r.periods}</summary>
<ol class="period-verdicts">${periods}</ol>
</details>
</section>`;
}

function paySection(answer: CheckerAnswer, sample: boolean): Raw {
  const pay = answer.pay;
  if (!pay)
    return h`<section class="pay-estimate" aria-labelledby="pay-title"><h3 id="pay-title">${r.payHeading}</h3><p>${
      answer.payAvailable ? r.payNeedsEducation : r.payNotAvailable
    }</p></section>`;
  const g: GradeEstimate = pay.likely;
  return h`<section class="pay-estimate" aria-labelledby="pay-title">
<h3 id="pay-title">${r.payTitle(g.label)}</h3>
<dl class="facts">
<dt>${r.step}</dt><dd>${r.stepValue(stepsText(g.step), g.startingStep, stepsText(g.experienceSteps))}</dd>
<dt>${r.basePay}</dt><dd>${markFigures(formatRange(g.basePay), sample)}</dd>
<dt>${r.regional}</dt><dd>${markFigures(formatRange(g.regionalAllowance), sample)}</dd>
<dt>${r.monthly}</dt><dd class="pay-monthly"><strong>${formatRange(g.monthly)}</strong>${mark(sample)}</dd>
<dt>${r.yearly}</dt><dd><strong>${formatRange(g.yearly)}</strong>${mark(sample)}</dd>
</dl>
<h4>${r.assumptions}</h4>
<ul class="assumptions">${pay.assumptions.map((a) => h`<li>${markFigures(a, sample)}</li>`)}</ul>
</section>`;
}

/**
 * The whole result. `standalone`: the Worker's page, which also carries the worked examples, where to find your dates
 * and the way back (the checker page shows those already).
 */
export function resultHtml(
  rules: Rules & { examCalendars?: readonly ExamCalendar[] },
  input: CheckerInput,
  answer: CheckerAnswer,
  opts: { standalone: boolean; back?: string } = { standalone: false },
): string {
  const route = rules.routes.find((x) => x.id === input.route);
  if (!route) throw new RangeError(`unknown route: ${input.route}`);
  const verdicts = answer.eligibility.routes;
  return h`<section class="checker-result" aria-labelledby="checker-result-title">
<h2 id="checker-result-title">${r.title}</h2>
<p>${r.asOf(dateText(answer.today))}${r.noStorage}</p>
${rules.sample ? h`<p class="notice">${t.sample}</p>` : ''}
${opts.standalone && rules.sample ? raw(sampleNoticeHtml(payFigureSource(rules))) : ''}
<h3>${r.overview}</h3>
<ul class="verdict-overview">${verdicts.map(
    (v) =>
      h`<li class="${verdictClass(v)}"><span class="verdict-mark" aria-hidden="true">${verdictMark(v)}</span>${v.label}：<strong>${verdictText(v)}</strong><br><span class="verdict-total">${v.summary}</span>${
        v.atToday ? h`<br><span class="verdict-today">${v.atToday.summary}</span>` : ''
      }</li>`,
  )}</ul>
${raw(guideNotice(route, rules.examCalendars))}
${verdicts.map((v) => routeSection(rules, input, v, v.routeId === input.route))}
${raw(rulesSourcesHtml(route, 3, 'result-sources'))}
${paySection(answer, rules.sample)}
${opts.standalone ? raw(examplesTable(rules, 3, familyOf(rules, route.id))) : ''}
${opts.standalone ? raw(datesHelp(3)) : ''}
${opts.standalone && opts.back ? h`<p>${r.backHint}</p><p><a href="${opts.back}">${r.back}</a></p>` : ''}
</section>`.html;
}
