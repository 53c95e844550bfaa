import { describe, expect, it } from 'vitest';
import type { Mailer } from '../../../server/invoices/mailer';
import { useSmtpMailer } from '../../support/alerts';
import { type TestClient, unchecked } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

const smtp = useSmtpMailer();

const PAYER = {
  name: 'Agency Ō — Москва',
  emails: ['ap@agency.example', 'finance@agency.example'],
  address: 'Tverskaya 1\nMoscow',
  taxId: 'RU7701',
};

/** A workspace with the creator's details, and an invoice of two lines with VAT 20 % billed to an agency. */
async function invoiceToSend(options: { mailer?: Mailer | null } = {}) {
  const t = await apps.workspace(
    options.mailer === null ? {} : { mailer: options.mailer ?? smtp.mailer },
  );
  const settings = (await t.owner.get('/api/settings')).body;
  const patched = await t.owner.patch('/api/settings', {
    version: settings.version,
    creator: {
      legalName: 'Mia Studio Ltd',
      email: 'mia@studio.example',
      paymentInstructions: 'IBAN GB00 0000 0000',
      paymentLink: 'https://pay.example/mia',
    },
  });
  expect(patched.status, patched.text).toBe(200);
  const created = await t.owner.post('/api/invoices', {
    dealId: t.deal.id,
    lines: [
      { description: 'TikTok video', quantity: 2, unitCents: 150_000 },
      { description: 'Usage rights, 90 days', quantity: 1, unitCents: 50_000 },
    ],
    taxes: [{ label: 'VAT', rateBasisPoints: 2000 }],
    poNumber: 'PO-77',
    payer: PAYER,
    notes: 'INTERNAL: they paid late last time',
  });
  expect(created.status, created.text).toBe(201);
  return { t, invoice: created.body };
}

const tokenOf = (url: string) => url.split('/pay/')[1]!;

async function send(client: TestClient, id: string, body: unknown = {}) {
  return client.post(`/api/invoices/${id}/send`, unchecked(body));
}

describe('POST /api/invoices/:id/send', () => {
  it('e-mails the payer with the PDF attached, Reply-To the creator, and a link to its page; the draft becomes sent', async () => {
    const { t, invoice } = await invoiceToSend();
    expect(invoice.totalCents).toBe(420_000);

    const res = await send(t.owner, invoice.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      sentAt: '2026-03-01T12:00:00.000Z',
      to: PAYER.emails,
      messageId: expect.stringMatching(/^<invoice-.+@localhost\.localdomain>$/),
    });

    expect(smtp.messages).toHaveLength(1);
    const { mail, envelopeTo } = smtp.messages[0]!;
    expect(envelopeTo.sort()).toEqual([...PAYER.emails].sort());
    expect(mail.messageId).toBe(res.body.messageId);
    expect(mail.replyTo?.value[0]?.address).toBe('mia@studio.example');
    expect(mail.subject).toBe(`Invoice ${invoice.number} from Mia Studio Ltd`);
    // Someone pressed Send: not an automatic message.
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe(`Invoice-${invoice.number}.pdf`);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');

    const after = (await t.owner.get(`/api/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ status: 'sent', sentAt: '2026-03-01T12:00:00.000Z' });
    expect(after.publicUrl).toMatch(/^http:\/\/localhost:8787\/pay\/[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain(after.publicUrl!);
    expect(mail.html).toContain(`href="${after.publicUrl}"`);
    expect(mail.text).toContain('€4,200.00'.replace('€', '$'));

    // Only the token's hash is kept: it is nowhere in the database.
    const token = tokenOf(after.publicUrl!);
    const links = await t.db.selectFrom('invoiceLinks').selectAll().execute();
    expect(links).toHaveLength(1);
    expect(JSON.stringify(links)).not.toContain(token);
    const events = await t.db.selectFrom('invoiceEvents').selectAll().execute();
    expect(JSON.stringify(events)).not.toContain(token);

    const timeline = (await t.owner.get(`/api/invoices/${invoice.id}/events`)).body.items;
    expect(timeline[0]).toMatchObject({
      type: 'sent',
      at: '2026-03-01T12:00:00.000Z',
      actorName: expect.any(String),
      to: PAYER.emails,
      subject: mail.subject,
      template: 'invoice',
      messageId: res.body.messageId,
      status: 'accepted',
      resend: false,
    });
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['sent', 'created']);
  });

  it('sends to the addresses, subject and message given, and logs a resend with the same page', async () => {
    const { t, invoice } = await invoiceToSend();
    await send(t.owner, invoice.id);
    const first = (await t.owner.get(`/api/invoices/${invoice.id}`)).body.publicUrl;
    t.clock.advance(60_000);
    const res = await send(t.owner, invoice.id, {
      to: ['Boss@Agency.example'],
      subject: 'Again: {{invoiceNumber}}',
      message: 'Here it is once more: {{invoiceUrl}} <b>not bold</b>',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.to).toEqual(['boss@agency.example']);
    const mail = smtp.messages[1]!.mail;
    expect(mail.subject).toBe(`Again: ${invoice.number}`);
    expect(mail.text).toContain(`Here it is once more: ${first}`);
    expect(mail.html).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>not bold</b>');
    const [resend] = (await t.owner.get(`/api/invoices/${invoice.id}/events`)).body.items;
    expect(resend).toMatchObject({
      type: 'sent',
      resend: true,
      template: 'edited',
      to: ['boss@agency.example'],
    });
    expect((await t.owner.get(`/api/invoices/${invoice.id}`)).body.publicUrl).toBe(first);
  });

  it('answers 400 naming payer.emails when there is nobody to send to, and sends nothing', async () => {
    const t = await apps.workspace({ mailer: smtp.mailer });
    const invoice = (await t.owner.post('/api/invoices', { dealId: t.deal.id, amountCents: 1000 }))
      .body;
    expect(invoice.payer.emails).toEqual([]);
    expectApiError(await send(t.owner, invoice.id), 400, { paths: ['payer.emails'] });
    expect(smtp.messages).toHaveLength(0);
    expect((await t.owner.get(`/api/invoices/${invoice.id}`)).body.status).toBe('draft');
    const preview = (await t.owner.get(`/api/invoices/${invoice.id}/send-preview`)).body;
    expect(preview).toMatchObject({
      canSend: false,
      reason: expect.stringMatching(/billing e-mail/),
    });
  });

  it('refuses a void or a paid invoice with 409', async () => {
    const { t, invoice } = await invoiceToSend();
    const paid = await t.owner.post(`/api/invoices/${invoice.id}/payments`, {
      amountCents: 420_000,
      paidOn: '2026-03-01',
    });
    expect(paid.body.status).toBe('paid');
    expectApiError(await send(t.owner, invoice.id), 409, { code: 'conflict' });
    const other = (
      await t.owner.post('/api/invoices', {
        dealId: t.deal.id,
        amountCents: 500,
        payer: PAYER,
      })
    ).body;
    await t.owner.patch(`/api/invoices/${other.id}`, { version: other.version, status: 'void' });
    expectApiError(await send(t.owner, other.id), 409, { code: 'conflict' });
    expect(smtp.messages).toHaveLength(0);
  });

  it('without SMTP: 409 saying why, the preview says so too, and the PDF still downloads', async () => {
    const { t, invoice } = await invoiceToSend({ mailer: null });
    expect((await t.owner.get('/api/settings')).body.emailEnabled).toBe(false);
    const preview = await t.owner.get(`/api/invoices/${invoice.id}/send-preview`);
    expect(preview.body).toMatchObject({
      to: PAYER.emails,
      replyTo: 'mia@studio.example',
      subject: `Invoice ${invoice.number} from Mia Studio Ltd`,
      canSend: false,
      reason: expect.stringMatching(/SMTP_URL/),
    });
    expectApiError(await send(t.owner, invoice.id), 409, { code: 'email_not_configured' });
    const pdf = await t.owner.get(`/api/invoices/${invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses a subject with a line break and a bad address, naming them', async () => {
    const { t, invoice } = await invoiceToSend();
    expectApiError(
      await send(t.owner, invoice.id, { subject: 'Hi\r\nBcc: victim@example.com' }),
      400,
      {
        paths: ['subject'],
      },
    );
    expectApiError(
      await send(t.owner, invoice.id, { to: ['ok@example.com', 'not-an-address'] }),
      400,
      {
        paths: ['to.1'],
      },
    );
    expect(smtp.messages).toHaveLength(0);
  });

  it('is for editors: a viewer gets 403 and nothing is sent', async () => {
    const { t, invoice } = await invoiceToSend();
    const res = await t.owner.post('/api/invites', { role: 'viewer' });
    const viewer = t.client();
    await viewer.post(`/api/invites/${res.body.token}/accept`, {
      name: 'Vic',
      email: 'vic@studio.example',
      password: 'a long viewer password',
    });
    expectApiError(await send(viewer, invoice.id), 403);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('the payer’s invoice page: GET /api/invoice-links/:token', () => {
  async function sentInvoice() {
    const { t, invoice } = await invoiceToSend();
    await send(t.owner, invoice.id);
    const after = (await t.owner.get(`/api/invoices/${invoice.id}`)).body;
    return { t, invoice: after, token: tokenOf(after.publicUrl!), payer: t.client() };
  }

  it('shows this invoice and the creator’s public details to anybody with the link, and nothing else', async () => {
    const { t, invoice, token, payer } = await sentInvoice();
    const res = await payer.get(`/api/invoice-links/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      number: invoice.number,
      status: 'open',
      issuedOn: '2026-03-01',
      dueOn: invoice.dueOn,
      currency: 'USD',
      lines: invoice.lines,
      taxes: [{ label: 'VAT', rateBasisPoints: 2000, cents: 70_000 }],
      discountCents: 0,
      subtotalCents: 350_000,
      taxCents: 70_000,
      totalCents: 420_000,
      paidCents: 0,
      balanceCents: 420_000,
      poNumber: 'PO-77',
      payer: { name: PAYER.name, address: PAYER.address, taxId: PAYER.taxId },
      creator: { name: 'Mia Studio Ltd', address: '', email: 'mia@studio.example', taxId: '' },
      paymentInstructions: 'IBAN GB00 0000 0000',
      paymentLink: 'https://pay.example/mia',
      remittancePending: false,
    });
    for (const secret of [
      'INTERNAL',
      'Launch',
      'Acme',
      t.deal.id,
      invoice.id,
      'finance@agency.example',
      'owner',
    ]) {
      expect(res.text, secret).not.toContain(secret);
    }
    const pdf = await payer.get(`/api/invoice-links/${token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="Invoice-${invoice.number}.pdf"`,
    );
  });

  it('answers an unknown, a revoked and a void invoice’s token with the same 404', async () => {
    const { t, invoice, token, payer } = await sentInvoice();
    const unknown = await payer.get(`/api/invoice-links/${'x'.repeat(43)}`);
    expectApiError(unknown, 404, { code: 'not_found' });

    await t.owner.post(`/api/invoices/${invoice.id}/link/revoke`);
    const revoked = await payer.get(`/api/invoice-links/${token}`);
    expect([revoked.status, revoked.text]).toEqual([unknown.status, unknown.text]);
    expect((await payer.get(`/api/invoice-links/${token}/pdf`)).text).toBe(unknown.text);
    expect((await t.owner.get(`/api/invoices/${invoice.id}`)).body.publicUrl).toBeNull();

    // The next send makes a new link; voiding the invoice ends that one too.
    await send(t.owner, invoice.id);
    const fresh = (await t.owner.get(`/api/invoices/${invoice.id}`)).body;
    const second = tokenOf(fresh.publicUrl!);
    expect(second).not.toBe(token);
    expect((await payer.get(`/api/invoice-links/${second}`)).status).toBe(200);
    await t.owner.patch(`/api/invoices/${invoice.id}`, { version: fresh.version, status: 'void' });
    const voided = await payer.get(`/api/invoice-links/${second}`);
    expect([voided.status, voided.text]).toEqual([unknown.status, unknown.text]);
  });
});

describe('POST /api/invoice-links/:token/paid', () => {
  async function sentInvoice() {
    const { t, invoice } = await invoiceToSend();
    await send(t.owner, invoice.id);
    const after = (await t.owner.get(`/api/invoices/${invoice.id}`)).body;
    return { t, invoice: after, token: tokenOf(after.publicUrl!), payer: t.client() };
  }

  it('records a notice and alerts the team; confirming it in one click makes it a payment', async () => {
    const { t, invoice, token, payer } = await sentInvoice();
    const res = await payer.post(`/api/invoice-links/${token}/paid`, {
      amountCents: 420_000,
      paidOn: '2026-03-04',
      reference: 'Wire 42',
    });
    expect(res.status, res.text).toBe(202);
    expect((await payer.get(`/api/invoice-links/${token}`)).body.remittancePending).toBe(true);

    const pending = (await t.owner.get(`/api/invoices/${invoice.id}`)).body;
    expect(pending).toMatchObject({ status: 'sent', paidCents: 0 });
    expect(pending.remittances).toEqual([
      {
        id: expect.any(String),
        amountCents: 420_000,
        paidOn: '2026-03-04',
        reference: 'Wire 42',
        status: 'pending',
        createdAt: '2026-03-01T12:00:00.000Z',
        paymentId: null,
      },
    ]);
    const alerts = (await t.owner.get('/api/alerts?state=all')).body.items;
    expect(alerts).toContainEqual(
      expect.objectContaining({
        rule: 'remittance_notice',
        subjectType: 'invoice',
        subjectId: invoice.id,
      }),
    );

    const confirmed = await t.owner.post(
      `/api/invoices/${invoice.id}/remittances/${pending.remittances[0]!.id}/confirm`,
    );
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'paid', paidCents: 420_000, balanceCents: 0 });
    expect(confirmed.body.payments).toEqual([
      expect.objectContaining({ amountCents: 420_000, paidOn: '2026-03-04', note: 'Ref. Wire 42' }),
    ]);
    expect(confirmed.body.remittances[0]).toMatchObject({
      status: 'confirmed',
      paymentId: confirmed.body.payments[0]!.id,
    });
    expectApiError(
      await t.owner.post(
        `/api/invoices/${invoice.id}/remittances/${pending.remittances[0]!.id}/confirm`,
      ),
      409,
    );
    const types = (await t.owner.get(`/api/invoices/${invoice.id}/events`)).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(types).toEqual(['payment', 'remittance', 'sent', 'created']);
  });

  it('a dismissed notice stays unpaid', async () => {
    const { t, invoice, token, payer } = await sentInvoice();
    await payer.post(`/api/invoice-links/${token}/paid`, { amountCents: 1, paidOn: '2026-03-04' });
    const notice = (await t.owner.get(`/api/invoices/${invoice.id}`)).body.remittances[0]!;
    const dismissed = await t.owner.post(
      `/api/invoices/${invoice.id}/remittances/${notice.id}/dismiss`,
    );
    expect(dismissed.body).toMatchObject({ status: 'sent', paidCents: 0 });
    expect(dismissed.body.remittances[0]!.status).toBe('dismissed');
    expect((await payer.get(`/api/invoice-links/${token}`)).body.remittancePending).toBe(false);
  });

  it('names bad fields, refuses a large body, and limits notices per link (429 with Retry-After)', async () => {
    const { t, invoice, token, payer } = await sentInvoice();
    expectApiError(
      await payer.post(`/api/invoice-links/${token}/paid`, {
        amountCents: -5,
        paidOn: '2026-13-01',
      }),
      400,
      { paths: ['amountCents', 'paidOn'] },
    );
    const big = await payer.post(`/api/invoice-links/${token}/paid`, {
      amountCents: 1,
      paidOn: '2026-03-04',
      reference: 'x'.repeat(5_000),
    });
    expectApiError(big, 413, { code: 'payload_too_large' });
    for (let i = 0; i < 5; i++) {
      const ok = await payer.post(`/api/invoice-links/${token}/paid`, {
        amountCents: 1,
        paidOn: '2026-03-04',
      });
      expect(ok.status).toBe(202);
    }
    const limited = await payer.post(`/api/invoice-links/${token}/paid`, {
      amountCents: 1,
      paidOn: '2026-03-04',
    });
    expectApiError(limited, 429, { code: 'too_many_requests' });
    expect(Number(limited.headers.get('retry-after'))).toBe(24 * 60 * 60);
    expect((await t.owner.get(`/api/invoices/${invoice.id}`)).body.remittances).toHaveLength(5);
    // A day later the link takes notices again.
    t.clock.advance(24 * 60 * 60 * 1000 + 1);
    expect(
      (
        await payer.post(`/api/invoice-links/${token}/paid`, {
          amountCents: 1,
          paidOn: '2026-03-04',
        })
      ).status,
    ).toBe(202);
    // An unknown token is not counted, and answers 404.
    expectApiError(
      await payer.post(`/api/invoice-links/${'y'.repeat(43)}/paid`, {
        amountCents: 1,
        paidOn: '2026-03-04',
      }),
      404,
    );
  });
});
