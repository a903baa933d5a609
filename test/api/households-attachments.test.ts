import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs } from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';

/** A real 1×1 PNG: the content sniffer reads its IHDR chunk, not only the signature. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(file: { name: string; type: string; content: Buffer }, sensitivity?: string) {
  const boundary = 'relais-test-boundary';
  const parts: Buffer[] = [];
  if (sensitivity) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="sensitivity"\r\n\r\n${sensitivity}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('household notes and documents', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let siaoWorker: TestSession;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    caseworker = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!.session;
    const siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    siaoWorker = siao.members.caseworker!.session;
    householdId = await createHouseholdAs(t, caseworker);
    await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/consents`,
      headers: caseworker.headers,
      payload: { organisationId: siao.org.id, purpose: 'support', validFrom: TODAY, method: 'signed_form' },
    });
  });
  afterAll(() => t.close());

  const upload = (session: TestSession, form: ReturnType<typeof multipart>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/documents`,
      headers: { ...session.headers, ...form.headers },
      payload: form.payload,
    });

  it('lets only the caseworker level write a confidential note', async () => {
    const post = (session: TestSession, sensitivity: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/households/${householdId}/notes`,
        headers: session.headers,
        payload: { body: `Note ${sensitivity}`, sensitivity },
      });
    expect((await post(siaoWorker, 'confidential')).statusCode).toBe(403);
    expect((await post(siaoWorker, 'shared')).statusCode).toBe(201);
    expect((await post(caseworker, 'confidential')).statusCode).toBe(201);
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/notes`,
      headers: caseworker.headers,
      payload: { body: '  ', sensitivity: 'shared' },
    });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields)).toEqual(['body']);

    const bodies = async (session: TestSession) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/households/${householdId}/notes`,
          headers: session.headers,
        })
      )
        .json()
        .items.map((n: { body: string }) => n.body);
    expect(await bodies(caseworker)).toEqual(expect.arrayContaining(['Note confidential', 'Note shared']));
    expect(await bodies(siaoWorker)).toEqual(['Note shared']);
  });

  it('stores a document recognised by its content, and audits each download', async () => {
    const res = await upload(
      caseworker,
      multipart({ name: 'quittance.png', type: 'image/png', content: PNG }, 'shared'),
    );
    expect(res.statusCode).toBe(201);
    const docId = res.json().id as string;

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}/documents`,
      headers: siaoWorker.headers,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: docId,
        fileName: 'quittance.png',
        mimeType: 'image/png',
        sizeBytes: PNG.length,
      }),
    ]);

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}/documents/${docId}/content`,
      headers: siaoWorker.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''quittance.png");
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.householdId, householdId), eq(auditLog.action, 'household.document.download')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.entityId).toBe(docId);
  });

  it('refuses a file whose content is not an accepted type, whatever its name and declared type', async () => {
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const res = await upload(
      caseworker,
      multipart({ name: 'facture.pdf', type: 'application/pdf', content: exe }),
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const lying = await upload(
      caseworker,
      multipart({ name: 'photo.pdf', type: 'application/pdf', content: PNG }),
    );
    expect(lying.statusCode).toBe(415);
  });

  it('refuses a file over 10 MB with 413 and stores nothing', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const before = (
      await t.app.inject({
        method: 'GET',
        url: `/api/households/${householdId}/documents`,
        headers: caseworker.headers,
      })
    ).json().items.length;
    const res = await upload(caseworker, multipart({ name: 'gros.txt', type: 'text/plain', content: big }));
    expect(res.statusCode).toBe(413);
    const after = (
      await t.app.inject({
        method: 'GET',
        url: `/api/households/${householdId}/documents`,
        headers: caseworker.headers,
      })
    ).json().items.length;
    expect(after).toBe(before);
  });

  it('answers 400 without a file and 404 for a document of another household', async () => {
    const noFile = await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/documents`,
      headers: { ...caseworker.headers, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(noFile.statusCode).toBe(400);
    const other = await createHouseholdAs(t, caseworker);
    const doc = (
      await upload(
        caseworker,
        multipart({ name: 'a.txt', type: 'text/plain', content: Buffer.from('bonjour') }),
      )
    ).json().id as string;
    const cross = await t.app.inject({
      method: 'GET',
      url: `/api/households/${other}/documents/${doc}/content`,
      headers: caseworker.headers,
    });
    expect(cross.statusCode).toBe(404);
  });
});
