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
  async verify(token: string): Promise<{ username: string } | { reason: string }> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return { username: known.username };
    if (known) this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.key as never, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        requiredClaims: ['exp'],
        clockTolerance: 5,
      });
      const username = payload[this.config.auth.usernameClaim];
      if (typeof username !== 'string' || username.length === 0 || username.length > 64) {
        return { reason: 'token names no user' };
      }
      this.remember(token, username, Math.min(now + VERIFIED_FOR_MS, (payload.exp as number) * 1000));
      return { username };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { reason: 'token expired' };
      if (error instanceof errors.JWTClaimValidationFailed) return { reason: `token claim ${error.claim} invalid` };
      return { reason: 'token invalid' };
    }
  }

  private remember(token: string, username: string, until: number): void {
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { username, until });
  }
}
