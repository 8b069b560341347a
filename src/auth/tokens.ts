import { errors, jwtVerify, SignJWT } from 'jose';
import type { HubConfig } from '../config';
import { signingKey, verificationKey, type KeyResolver } from './token-keys';

/** Issues a token with the local key (demo and operator use: `npm run token -- <username>`). */
export async function issueToken(config: HubConfig, username: string, ttl = config.auth.tokenTtl): Promise<string> {
  const { key, kid, alg } = await signingKey(config.dataDir);
  return new SignJWT({ [config.auth.usernameClaim]: username })
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .setSubject(username)
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}

/** Clock skew allowed between the issuer and the hub, in seconds. */
const CLOCK_SKEW_S = 5;

// A username claim the hub can look up and record: no control characters or lone surrogates, at most 64 characters.
const USABLE_USERNAME = /^(?:[^\p{Cc}\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]){1,64}$/u;

// Values no issuer would sign in earnest: text with control characters or lone surrogates, times that are not numbers.
const MALFORMED_TEXT = /[\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const TIME_CLAIMS = ['exp', 'iat', 'nbf'];

function holdsMalformed(value: unknown, key = '', depth = 0): boolean {
  if (TIME_CLAIMS.includes(key) && depth === 1) return !(typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e11);
  if (typeof value === 'string') return MALFORMED_TEXT.test(value) || value.length > 10_000;
  if (value === null || typeof value !== 'object' || depth > 8) return false;
  return Object.entries(value).some(([k, v]) => holdsMalformed(v, k, depth + 1));
}

/** Why a token was refused; `claim` is the username a validly signed token named, so the attempt can be recorded. */
export type TokenRefusal = { reason: string; claim?: string };

/** A token verified this recently is not verified again (same string, same claims) until it expires. */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_MAX = 10_000;

export class TokenVerifier {
  // Signature checks were a tenth of the hub's CPU per inquiry, for the same few tokens again and again.
  private readonly verified = new Map<string, { username: string; until: number }>();

  private constructor(
    private readonly config: HubConfig,
    private readonly key: KeyResolver,
  ) {}

  static async create(config: HubConfig): Promise<TokenVerifier> {
    return new TokenVerifier(config, await verificationKey(config));
  }

  /** The username a valid token names; a short reason otherwise (never echoed in detail to clients). */
  async verify(token: string): Promise<{ username: string } | TokenRefusal> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return { username: known.username };
    if (known) this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.key as never, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        requiredClaims: ['exp', 'iat'],
        clockTolerance: CLOCK_SKEW_S,
        maxTokenAge: this.config.auth.maxTokenLifetimeSeconds + CLOCK_SKEW_S,
      });
      const iat = payload.iat as number;
      const exp = payload.exp as number;
      if (iat > now / 1000 + CLOCK_SKEW_S) return { reason: 'token issued in the future' };
      if (exp - iat > this.config.auth.maxTokenLifetimeSeconds) return { reason: 'token lifetime over the maximum' };
      const username = payload[this.config.auth.usernameClaim];
      if (typeof username !== 'string' || username.length === 0) return { reason: 'token names no user' };
      // Signed by a trusted issuer, yet unusable: refused, and recorded (with the claim made safe to store).
      if (!USABLE_USERNAME.test(username)) return { reason: 'token names a malformed user', claim: username.slice(0, 200) };
      this.remember(token, username, Math.min(now + VERIFIED_FOR_MS, (payload.exp as number) * 1000));
      return { username };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { reason: 'token expired' };
      if (error instanceof errors.JWTClaimValidationFailed) {
        const refusal = { reason: `token claim ${error.claim} invalid` };
        // Signed by a trusted key, yet holding values meant to break things: refused, and recorded.
        if (!holdsMalformed(error.payload)) return refusal;
        const named = error.payload[this.config.auth.usernameClaim];
        return { ...refusal, claim: typeof named === 'string' ? named.slice(0, 200) : '' };
      }
      return { reason: 'token invalid' };
    }
  }

  private remember(token: string, username: string, until: number): void {
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { username, until });
  }
}
