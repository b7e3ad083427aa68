import type { AttemptView, AuthoredCourse, AuthoredCourseList, CourseList, CourseView, MarkedAttemptView, NewCourseRequest } from '@harbour/contract';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { publishStarterCourses } from '../src/services/starter-courses';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

const words = (en: string, cy: string) => ({ en, cy });
/** Six questions, each with its right answer first; a quiz asks three and passes at 100 %. */
const COURSE: NewCourseRequest = {
  slug: 'spotting-exploitation',
  content: {
    title: words('Spotting exploitation', 'Adnabod camfanteisio'),
    summary: words('The three steps, the signs, and what to do.', 'Y tri cham, yr arwyddion, a beth i’w wneud.'),
    modules: [
      { id: 'three-steps', title: words('Act, Means, Purpose', 'Gweithred, Dull, Diben'), body: words('# Three steps\n\nAct, means, purpose.', '# Tri cham') },
      { id: 'first-response', title: words('A first response', 'Ymateb cyntaf'), body: words('Use a professional interpreter.', 'Defnyddiwch gyfieithydd.') },
    ],
    questions: Array.from({ length: 6 }, (_, i) => ({
      id: `q${i}`,
      ...(i === 0 ? { scenario: words('A man at a car wash has no coat in winter.', 'Dyn mewn golchfa geir heb gôt yn y gaeaf.') } : {}),
      prompt: words(`Question ${i}`, `Cwestiwn ${i}`),
      options: [
        { text: words('Right', 'Cywir'), correct: true, feedback: words(`Yes, ${i}.`, `Ie, ${i}.`) },
        { text: words('Wrong', 'Anghywir'), correct: false, feedback: words(`No, ${i}.`, `Na, ${i}.`) },
      ],
    })),
    passMark: 100,
    questionsPerAttempt: 3,
    refresherMonths: 24,
  },
};

describe(`training on ${TEST_STORE}: a colleague takes a course the team wrote`, () => {
  let t: TestApp;
  let ds: Client;
  let officer: Client;
  let courseId: string;

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    t.clock.advance(Date.parse('2026-12-02T10:00:00Z') - t.clock.now);
    ds = await signIn(t, 'supervisor');
    officer = await signIn(t, 'officer');
  });
  afterAll(async () => t?.close());

  it('the DS writes a course in English and Welsh, refused with the field named when a Welsh text is missing', async () => {
    const missing = structuredClone(COURSE);
    (missing.content.modules[1]!.body as { cy: string }).cy = '';
    const refused = await ds.request('POST', '/api/training/authoring', missing);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('content.modules.1.body.cy');
    expect((await officer.request('POST', '/api/training/authoring', COURSE)).statusCode).toBe(403);

    const created = await ds.request('POST', '/api/training/authoring', COURSE);
    expect(created.statusCode).toBe(201);
    const course = created.json<AuthoredCourse>();
    expect(course).toMatchObject({ slug: 'spotting-exploitation', version: 1, published: false });
    courseId = course.id;
    expect((await ds.request('POST', '/api/training/authoring', COURSE)).statusCode).toBe(400);
    // A draft is not the colleagues' to see.
    expect((await officer.request('GET', '/api/training/courses')).json<CourseList>().courses).toEqual([]);
    expect((await officer.request('GET', `/api/training/courses/${courseId}`)).statusCode).toBe(404);
    expect((await ds.request('POST', `/api/training/authoring/${courseId}/publish`)).json<AuthoredCourse>()).toMatchObject({ published: true });
    expect((await ds.request('POST', `/api/training/authoring/${courseId}/publish`)).statusCode).toBe(400);
  });

  it('the officer reads it whole, in both languages, with nothing of the quiz’s answers', async () => {
    const [listed] = (await officer.request('GET', '/api/training/courses')).json<CourseList>().courses;
    expect(listed).toMatchObject({ id: courseId, standing: 'never', completedOn: null, certificate: null, questionsPerAttempt: 3, passMark: 100 });
    const read = await officer.request('GET', `/api/training/courses/${courseId}`);
    const course = read.json<CourseView>();
    expect(course.modules.map((m) => m.body.cy)).toEqual(['# Tri cham', 'Defnyddiwch gyfieithydd.']);
    expect(read.body).not.toContain('correct');
    expect(read.body).not.toContain('feedback');
  });

  it('fails, then passes a retake asked other questions, with feedback on every answer, and a certificate', async () => {
    const first = await officer.request('POST', `/api/training/courses/${courseId}/attempts`);
    expect(first.statusCode).toBe(201);
    expect(first.body).not.toContain('correct');
    const attempt = first.json<AttemptView>();
    expect(attempt.questions).toHaveLength(3);
    const [wrong, ...rest] = attempt.questions.map((q) => q.id);
    const answers = { [wrong!]: 1, [rest[0]!]: 0, [rest[1]!]: null };
    const marked = (await officer.request('POST', `/api/training/attempts/${attempt.id}`, { answers })).json<MarkedAttemptView>();
    expect(marked).toMatchObject({ score: 1, total: 3, percent: 33, passed: false, certificate: null });
    expect(marked.questions.find((q) => q.id === wrong)).toMatchObject({ chosen: 1, right: false });
    for (const q of marked.questions) expect(q.options.map((o) => o.feedback.en)).toEqual([`Yes, ${q.id.slice(1)}.`, `No, ${q.id.slice(1)}.`]);
    // Sent again, with other answers: the mark it was given stands.
    const again = (await officer.request('POST', `/api/training/attempts/${attempt.id}`, { answers: { [wrong!]: 0 } })).json<MarkedAttemptView>();
    expect(again).toMatchObject({ score: 1, passed: false });
    // Not another colleague's to send, nor a question it did not ask.
    expect((await ds.request('POST', `/api/training/attempts/${attempt.id}`, { answers: {} })).statusCode).toBe(404);

    const retake = (await officer.request('POST', `/api/training/courses/${courseId}/attempts`)).json<AttemptView>();
    expect(retake.questions.map((q) => q.id).filter((id) => attempt.questions.some((q) => q.id === id))).toEqual([]);
    expect((await officer.request('POST', `/api/training/attempts/${retake.id}`, { answers: { q9: 0 } })).statusCode).toBe(400);
    const passed = (
      await officer.request('POST', `/api/training/attempts/${retake.id}`, { answers: Object.fromEntries(retake.questions.map((q) => [q.id, 0])) })
    ).json<MarkedAttemptView>();
    expect(passed).toMatchObject({ score: 3, total: 3, percent: 100, passed: true });
    expect(passed.certificate).toMatch(/^HT-2026-/);
    const [listed] = (await officer.request('GET', '/api/training/courses')).json<CourseList>().courses;
    expect(listed).toMatchObject({ standing: 'current', completedOn: '2026-12-02', refresherDue: '2028-12-02', certificate: passed.certificate });
  });

  it('the certificate is a bilingual PDF the colleague downloads, and no one else can', async () => {
    const [listed] = (await officer.request('GET', '/api/training/courses')).json<CourseList>().courses;
    const number = listed!.certificate!;
    const response = await officer.request('GET', `/api/training/certificates/${number}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="certificate-${number}.pdf"`);
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-certificate-')), 'certificate.pdf');
    writeFileSync(file, response.rawPayload);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\b/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    for (const words of [
      'Heddlu Gwent',
      'Gwent Police',
      'Tystysgrif Cwblhau',
      'Certificate of Completion',
      'Adnabod camfanteisio',
      'Spotting exploitation',
      'Cwblhawyd ar 2 Rhagfyr 2026',
      'Completed on 2 December 2026',
      'Cwrs gloywi erbyn 2 Rhagfyr 2028',
      'Refresher due by 2 December 2028',
      `Certificate number ${number}`,
    ])
      expect(text).toContain(words);
    const me = (await officer.request('GET', '/api/session')).json<{ user: { displayName: string } }>();
    expect(text).toContain(me.user.displayName);
    // Another colleague's, or one that never was: not found alike. A malformed number: refused, named.
    expect((await ds.request('GET', `/api/training/certificates/${number}`)).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/training/certificates/HT-2026-0000000000')).statusCode).toBe(404);
    const malformed = await officer.request('GET', '/api/training/certificates/nonsense');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('certificate');
  });

  it('a picture added to a module keeps only its pixels, for colleagues to see; what is not a picture is refused', async () => {
    const upload = (client: Client, bytes: Buffer, type = 'image/jpeg') =>
      t.app.inject({
        method: 'POST',
        url: '/api/training/images',
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': type },
        payload: bytes,
      });
    // A photo from a phone: the camera, the place and the time in its EXIF.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#00703c' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 35/1 0/1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const added = await upload(ds, photo);
    expect(added.statusCode, added.body).toBe(201);
    const image = added.json<{ url: string; width: number; height: number }>();
    expect(image).toMatchObject({ width: 64, height: 48 });
    expect(image.url).toMatch(/^\/api\/training\/images\/[0-9a-f-]{36}$/);

    const seen = await officer.request('GET', image.url);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
    const kept = await sharp(seen.rawPayload).metadata();
    expect(kept.exif).toBeUndefined();
    expect([kept.width, kept.height]).toEqual([64, 48]);

    const lying = await upload(ds, Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(lying.statusCode).toBe(400);
    expect(lying.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual(['image']);
    expect((await upload(officer, photo)).statusCode).toBe(403);
    expect((await (await signIn(t, 'partner')).request('GET', image.url)).statusCode).toBe(403);
  });

  it('a new version drafted leaves colleagues on the published one until it is published; a partner takes no training', async () => {
    const revised = structuredClone(COURSE.content);
    (revised.title as { en: string }).en = 'Spotting exploitation (2027)';
    expect((await ds.request('PUT', `/api/training/authoring/${courseId}`, { content: revised })).json<AuthoredCourse>()).toMatchObject({
      version: 2,
      published: false,
    });
    expect((await officer.request('GET', '/api/training/courses')).json<CourseList>().courses[0]).toMatchObject({ version: 1 });
    await ds.request('POST', `/api/training/authoring/${courseId}/publish`);
    const [now] = (await officer.request('GET', '/api/training/courses')).json<CourseList>().courses;
    expect(now).toMatchObject({ version: 2, title: { en: 'Spotting exploitation (2027)' }, standing: 'current' });
    const partner = await signIn(t, 'partner');
    expect((await partner.request('GET', '/api/training/courses')).statusCode).toBe(403);
    const audit = await t.store.db.selectFrom('audit_log').select('action').where('action', 'like', 'training.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'training.course-created',
        'training.course-published',
        'training.course-saved',
        'training.courses-listed',
        'training.attempt-started',
        'training.attempt-marked',
        'training.certificate-downloaded',
        'training.image-added',
      ]),
    );
  });
});

describe(`the starter courses on ${TEST_STORE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
  });
  afterAll(async () => t?.close());

  it('are published once into a store without them, even by two processes at once, in teaching order, as Harbour’s, and the team’s own changes kept', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    // Two Harbour processes starting at once against one database: each course published once, neither fails.
    const [once, twice] = await Promise.all([publishStarterCourses(t.repos, now), publishStarterCourses(t.repos, now)]);
    expect(once + twice).toBe(3);
    const officer = await signIn(t, 'officer');
    const listed = (await officer.request('GET', '/api/training/courses')).json<CourseList>().courses;
    expect(listed.map((c) => c.slug)).toEqual(['spotting-exploitation', 'first-response', 'partners-and-harbour']);
    expect(listed.every((c) => c.version === 1 && c.standing === 'never')).toBe(true);
    const created = await t.repos.audit.list({ action: 'training.course-created', limit: 10 });
    expect(created.map((e) => [e.actorId, e.details?.['slug']])).toEqual(
      expect.arrayContaining([
        [null, 'spotting-exploitation'],
        [null, 'first-response'],
        [null, 'partners-and-harbour'],
      ]),
    );

    // The team changes one: starting again publishes nothing over it.
    const ds = await signIn(t, 'supervisor');
    const first = listed[0]!;
    const authored = (await ds.request('GET', '/api/training/authoring')).json<AuthoredCourseList>().courses.find((c) => c.id === first.id)!;
    const changed = structuredClone(authored.content);
    changed.title.en = 'Spotting modern slavery in Gwent';
    expect((await ds.request('PUT', `/api/training/authoring/${first.id}`, { content: changed })).statusCode).toBe(200);
    expect((await ds.request('POST', `/api/training/authoring/${first.id}/publish`)).statusCode).toBe(200);
    expect(await publishStarterCourses(t.repos, now)).toBe(0);
    const again = (await officer.request('GET', '/api/training/courses')).json<CourseList>().courses;
    expect(again.map((c) => [c.slug, c.version, c.title.en])).toEqual([
      ['spotting-exploitation', 2, 'Spotting modern slavery in Gwent'],
      ['first-response', 1, 'Your first response'],
      ['partners-and-harbour', 1, 'Working with partners, and recording in Harbour'],
    ]);
  });
});
