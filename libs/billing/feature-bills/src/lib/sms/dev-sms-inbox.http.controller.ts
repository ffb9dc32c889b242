import { Controller, Get, Header } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DevSmsInboxEntity } from '@kessai/billing-data-access';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Escapes the text, then makes each http(s) URL a tappable link. */
const linkify = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * Development only (registered when SMS_PROVIDER=dev-inbox, which production refuses): the messages the
 * development provider "sent", newest first, with tappable payment links.
 */
@Controller('dev/sms-inbox')
export class DevSmsInboxHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  async list(): Promise<string> {
    const messages = await this.dataSource.getRepository(DevSmsInboxEntity).find({ order: { receivedAt: 'DESC', id: 'DESC' }, take: 200 });
    const items = messages
      .map((m) => `<li><div class="to">${escapeHtml(m.toPhone)} · ${m.receivedAt.toISOString()}</div><div class="body">${linkify(m.body)}</div></li>`)
      .join('\n');
    return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS inbox (development)</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}li{list-style:none;border-bottom:1px solid #ddd;padding:.75rem 0}.to{color:#666;font-size:.8rem}.body{font-size:1.1rem;word-break:break-all}a{display:inline-block;padding:.25rem 0}</style>
</head><body><h1>SMS inbox (development)</h1><ul>
${items || '<li>No messages yet.</li>'}
</ul></body></html>`;
  }
}
