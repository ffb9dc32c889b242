/** A browser-like HTTP client for console tests: keeps cookies, reads the CSRF token of the last page. */
export class ConsoleClient {
  private readonly cookies = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { headers });
  }

  /** Posts a form; the CSRF token comes from the last page unless the fields carry one. */
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams({ _csrf: this.csrfToken(), ...fields });
    return this.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
  }

  /** Posts a file as the upload form does (multipart, field `file`), with the CSRF token of the last page as a header. */
  async upload(path: string, name: string, content: string): Promise<Response> {
    const form = new FormData();
    form.set('file', new Blob([content], { type: 'text/csv' }), name);
    return this.send(path, { method: 'POST', headers: { 'x-csrf-token': this.csrfToken() }, body: form });
  }

  async signIn(merchantId: string, email: string, password: string): Promise<Response> {
    await this.get('/console/sign-in');
    return this.post('/console/sign-in', { merchantId, email, password });
  }

  csrfToken(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? '';
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sends with the session's cookies, follows no redirect, keeps the cookies set and the page it got. */
  private async send(path: string, init: { method?: string; headers: Record<string, string>; body?: RequestInit['body'] }): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers: { ...init.headers, cookie: this.cookieHeader() }, redirect: 'manual' });
    this.keep(response);
    if ((response.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await response.clone().text();
    return response;
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      const text = value.join('=');
      if (text === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), text);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
