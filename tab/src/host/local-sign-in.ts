import type { TabConfig } from './tab-config';

/** A person of the demo organisation, as the local issuer lists them. */
export interface DemoPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  roles: string[];
  department?: string;
  jobTitle?: string;
  /** In the seeded demo (npm start): what the person does in which programme. */
  participation?: { programme: string; role: 'mentor' | 'mentee' | 'applicant' }[];
}

const STORAGE_KEY = 'tandem.localSession';

interface StoredSession {
  token: string;
  expiresAt: number;
}

/** The local stand-in for Teams SSO: a token from the local issuer for a chosen demo person. */
export class LocalSignIn {
  private early?: Promise<DemoPerson[]>;

  constructor(private readonly config: TabConfig) {}

  /** Asks for the unfiltered list now, for the sign-in screen's first render (used once). */
  prefetchPeople(): void {
    this.early = this.fetchPeople('');
    this.early.catch(() => {});
  }

  private get base(): string {
    return `${this.config.issuerUrl}/${this.config.tenantId}/local`;
  }

  people(search: string): Promise<DemoPerson[]> {
    const early = this.early;
    this.early = undefined;
    return search === '' && early ? early : this.fetchPeople(search);
  }

  private async fetchPeople(search: string): Promise<DemoPerson[]> {
    const url = `${this.base}/people?search=${encodeURIComponent(search)}&top=50`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`people: HTTP ${response.status}`);
    return ((await response.json()) as { value: DemoPerson[] }).value;
  }

  async signIn(personId: string): Promise<string> {
    const response = await fetch(`${this.base}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ personId }),
    });
    if (!response.ok) throw new Error(`sign-in: HTTP ${response.status}`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    const session: StoredSession = {
      token: body.access_token,
      expiresAt: Date.now() + (body.expires_in - 60) * 1000,
    };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    return session.token;
  }

  /** The current token, or undefined when nobody is signed in or the token is about to expire. */
  current(): string | undefined {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    try {
      const session = JSON.parse(raw) as StoredSession;
      return session.expiresAt > Date.now() ? session.token : undefined;
    } catch {
      return undefined;
    }
  }

  signOut(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}
