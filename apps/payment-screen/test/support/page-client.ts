/**
 * A browser without JavaScript, for HTTP-level tests: keeps cookies, does not follow redirects, and can read
 * the hidden fields of a form.
 */
export class PageClient {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(url, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    this.keepCookies(response);
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  async post(url: string, form: Record<string, string>): Promise<{ status: number; location: string | null; html: string }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    this.keepCookies(response);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name.trim(), value);
    }
  }
}

export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden field ${name} in the page`);
  return match[1];
}
