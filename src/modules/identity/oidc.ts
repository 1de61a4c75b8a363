/**
 * OpenID Connect sign-in for officials (the eGov IDP in production): the authorization-code flow with PKCE
 * (RFC 7636, S256), state and nonce, through `openid-client`. The provider's metadata is discovered once and
 * kept; a provider that cannot be reached is a 502 problem, and the next sign-in tries again.
 */
import * as client from 'openid-client';
import type { Logger } from 'pino';
import type { OidcConfig } from '../../platform/config.ts';
import { Problem } from '../../platform/problems.ts';

export interface OidcStart {
  url: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** the IIN, when the provider gives one (the eGov IDP does): links a first sign-in to an official */
  iin: string | undefined;
}

const loopback = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcConfig,
    private readonly log: Logger,
  ) {}

  private config(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    this.configuration ??= client
      .discovery(
        issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        this.settings.clientSecret ? client.ClientSecretBasic(this.settings.clientSecret) : client.None(),
        // plain http only to a provider on this machine (development and tests)
        loopback(issuer) ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.log.warn({ reason: (error as Error).message }, 'OpenID Connect provider unavailable');
        throw new Problem(502, 'oidc_unavailable');
      });
    return this.configuration;
  }

  async start(): Promise<OidcStart> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, codeVerifier, nonce };
  }

  /** Exchanges the code the provider sent back; every check failing (state, PKCE, nonce, signature) is a 401. */
  async finish(callbackQuery: Record<string, string>, checks: { state: string; codeVerifier: string; nonce: string }): Promise<OidcIdentity> {
    const config = await this.config();
    const current = new URL(this.settings.redirectUri);
    for (const [k, v] of Object.entries(callbackQuery)) current.searchParams.set(k, v);
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      const iin = typeof claims.iin === 'string' ? claims.iin : undefined;
      return { issuer: claims.iss, subject: claims.sub, iin };
    } catch (error) {
      // the reason names the failed check (state, nonce, signature, PKCE), never a token or a claim value
      this.log.warn({ reason: (error as Error).message }, 'OpenID Connect sign-in refused');
      throw new Problem(401, 'oidc_failed');
    }
  }
}
