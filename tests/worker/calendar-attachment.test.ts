import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../src/lib/dates';
import { testNow } from '../clock';
import { catalog, ORIGIN, postForm, postJson, registration } from './support';

interface Attachment {
  filename: string;
  content: string;
  contentType: string;
}
const attachmentsOf = async (kind: string, sessionTitle: string) =>
  (
    await env.DB.prepare("SELECT attachments FROM outbox WHERE kind = ?1 AND subject LIKE '%' || ?2 || '%' ORDER BY id")
      .bind(kind, sessionTitle)
      .all<{ attachments: string | null }>()
  ).results.map((r) => (r.attachments ? (JSON.parse(r.attachments) as Attachment[]) : null));
const utf8 = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
function events(text: string) {
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the calendar file in the confirmation mail', () => {
  it('is attached to confirmations and promotions (not to waiting-list mail), with the events of /calendar/<id>.ics', async () => {
    const today = todayInTokyo(testNow());
    const found = Object.entries((await catalog()).sessions).find(
      ([, s]) => s.capacity === 3 && s.waitlist >= 1 && s.registrationClosesOn >= today,
    );
    if (!found) throw new Error('no open session with 3 seats');
    const [id, s] = found;
    await env.DB.prepare('DELETE FROM registrations WHERE session_id = ?1').bind(id).run();
    await env.DB.prepare("DELETE FROM outbox WHERE subject LIKE '%' || ?1 || '%'").bind(s.title).run();
    for (let i = 0; i < 4; i++) expect((await postJson('/api/registrations', registration(id))).status).toBe(202);
    const confirmed = await attachmentsOf('registration_confirmed', s.title);
    expect(confirmed).toHaveLength(3);
    expect(await attachmentsOf('registration_waitlisted', s.title)).toEqual([null]);
    const [a] = confirmed[0] ?? [];
    expect(a?.filename).toBe(`${id}.ics`);
    expect(a?.contentType).toContain('text/calendar');
    const mailed = events(utf8(a?.content ?? ''));
    const res = await SELF.fetch(`${ORIGIN}/calendar/${id}.ics`);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const published = events(await res.text());
    expect(mailed.map((e) => e.uid)).toEqual(published.map((e) => e.uid));
    expect(mailed.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
      s.dates.map((d) => new Date(`${d}T${s.startTime}:00+09:00`).toISOString()),
    );
    expect(mailed.map((e) => e.endDate.toJSDate().toISOString())).toEqual(published.map((e) => e.endDate.toJSDate().toISOString()));
    expect(mailed.map((e) => e.description)).toEqual(published.map((e) => e.description));
    expect(mailed[0]?.location).toBe(s.place);

    const body =
      (
        await env.DB.prepare("SELECT body FROM outbox WHERE kind = 'registration_confirmed' AND subject LIKE '%' || ?1 || '%' ORDER BY id")
          .bind(s.title)
          .first<{ body: string }>()
      )?.body ?? '';
    const token = body.match(/token=([A-Za-z0-9_-]+)/)?.[1] ?? '';
    expect((await postForm('/api/registrations/cancel', new URLSearchParams({ token }))).status).toBe(200);
    const [promoted] = await attachmentsOf('registration_promoted', s.title);
    expect(promoted?.[0]?.filename).toBe(`${id}.ics`);
    expect(await attachmentsOf('registration_cancelled', s.title)).toEqual([null]);
  });
});
