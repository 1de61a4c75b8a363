/** docs/access-control.md, written from the policy table (scripts/access-control-doc.ts writes it; a test keeps it current). */
import * as limits from './limits.ts';
import { ACTIONS, ACTION_IDS, GLOBAL_ROLES, GRANTABLE, POLICY, ROLES, SCOPES } from './policy.ts';

const SCOPE_WORDS: Record<(typeof SCOPES)[number], string> = {
  own: "the principal's own record or case (their profile, an appeal they filed or are assigned to)",
  subdivision: "the principal's structural subdivision and the subdivisions inside it",
  body: "the principal's body",
  subordinate: 'the body and every body below it; an apparatus of an akim counts as its akimat',
  all: 'everywhere',
};

export function renderAccessControlDoc(): string {
  const lines: string[] = [];
  lines.push('# Access control');
  lines.push('');
  lines.push('<!-- Generated from src/modules/identity/policy.ts by `node --import tsx scripts/access-control-doc.ts`; do not edit by hand. -->');
  lines.push('');
  lines.push('Every route asks one question through `Access.require(request, action, target)`: may this principal do this action to this target?');
  lines.push('The answer comes from one table, role × action → the widest scope in which the role may do it. No principal is a 401 problem;');
  lines.push('a principal whose roles do not reach the target is a 403 problem that names the missing permission (`forbidden`, detail in kk/ru/en).');
  lines.push('');
  lines.push('A role is held through a **position** (the role of the post, anchored at its body and subdivision, for as long as the appointment runs;');
  lines.push('an acting appointment under Standard Regulation p.19 has an end date and expires by itself) or through a direct **role grant**');
  lines.push('(anchored at a body, optionally a subdivision, optionally for a period). An applicant is a citizen or organisation signed in with a one-time code.');
  lines.push('An API token acts for an official with at most the actions listed in its scopes.');
  lines.push('');
  lines.push('## Scopes');
  lines.push('');
  lines.push('Narrowest first; each includes the ones before it.');
  lines.push('');
  lines.push('| scope | covers |');
  lines.push('|---|---|');
  for (const s of SCOPES) lines.push(`| \`${s}\` | ${SCOPE_WORDS[s]} |`);
  lines.push('');
  lines.push('## Actions');
  lines.push('');
  lines.push('| action | allows |');
  lines.push('|---|---|');
  for (const a of ACTION_IDS) lines.push(`| \`${a}\` | ${ACTIONS[a]} |`);
  lines.push('');
  lines.push('## Roles × actions');
  lines.push('');
  lines.push('An empty cell: not allowed anywhere.');
  lines.push('');
  lines.push(`| action | ${ROLES.map((r) => `\`${r}\``).join(' | ')} |`);
  lines.push(`|---|${ROLES.map(() => '---').join('|')}|`);
  for (const a of ACTION_IDS) lines.push(`| \`${a}\` | ${ROLES.map((r) => POLICY[r][a] ?? '').join(' | ')} |`);
  lines.push('');
  lines.push('## Who may grant which roles');
  lines.push('');
  lines.push('Granting needs `roles.assign` where the role is anchored, through a role that may hand the role out:');
  lines.push('');
  for (const [role, grantable] of Object.entries(GRANTABLE)) lines.push(`- \`${role}\`: ${grantable.map((g) => `\`${g}\``).join(', ')}`);
  lines.push('');
  lines.push(`Roles that reach everywhere (${GLOBAL_ROLES.map((r) => `\`${r}\``).join(', ')}) are granted without a body, and only through a role that itself reaches everywhere.`);
  lines.push('Nobody grants `applicant`: it is what a signed-in citizen or organisation is.');
  lines.push('');
  lines.push('## Signing in');
  lines.push('');
  lines.push('The numbers are this system\'s own choices (src/modules/identity/limits.ts), not legal ones.');
  lines.push('');
  lines.push(`- **Officials**: login and password (scrypt N=2^${Math.log2(limits.SCRYPT.N)}, r=${limits.SCRYPT.r}, p=${limits.SCRYPT.p}; at least ${limits.PASSWORD_MIN_LENGTH} characters). ${limits.LOCKOUT_THRESHOLD} wrong passwords in a row lock the account for ${limits.LOCKOUT_MINUTES} minutes (423 \`account_locked\`). Or OpenID Connect (the eGov IDP), authorization code with PKCE, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI (and OIDC_CLIENT_SECRET for a confidential client) are set; the first sign-in links the provider's subject to the official with the IIN of the \`iin\` claim.`);
  lines.push(`- **Applicants**: a ${limits.OTP_DIGITS}-digit one-time code to an e-mail or a Kazakhstan phone, valid ${limits.OTP_TTL_MINUTES} minutes, ${limits.OTP_MAX_ATTEMPTS} tries, at most ${limits.OTP_MAX_PER_HOUR} codes an hour per address; the first right code opens the cabinet. Or by certificate (NCA RK EDS), as eGov does it: \`GET /api/v1/auth/certificate/challenge\` gives a one-time text (only its hash is kept; valid ${limits.CERTIFICATE_CHALLENGE_MINUTES} minutes, used up by the first attempt), the person signs it (detached CMS) and posts it to \`POST /api/v1/auth/certificate\`; the signature port checks the chain to the trust store (TYNDA_TRUST_DIR), validity, revocation and key usage, and the IIN (serialNumber) — or the BIN of an organisation's certificate — opens that cabinet, created on first sign-in. A used, expired or unknown challenge is 401 \`challenge_invalid\`, a signature that does not verify 401 \`certificate_invalid\` with the reason, each an audit event; without a trust store both routes answer 501 \`not_configured\`.`);
  lines.push(`- **Sessions**: an opaque random token (only its SHA-256 is stored) in the \`tynda_session\` cookie (HttpOnly, SameSite=Lax, Secure behind https) or as \`Authorization: Bearer\`; it ends after ${limits.SESSION_IDLE_MINUTES} minutes idle, ${limits.SESSION_MAX_HOURS} hours after sign-in, at logout, and (others of the account) at a password change.`);
  lines.push('- **API tokens** (`tyt_…`): issued by a system administrator for an official (an integration\'s service account), with scopes (a list of actions), optionally an expiry; revocable; hash only.');
  lines.push('- **Audit**: every sign-in, failed sign-in, lock, logout, password change or reset, role grant or revocation, appointment, token issue or revocation, and every unmasked look at personal data is an `audit_event` (`GET /api/v1/audit-events`, `audit.read`). Logins that do not exist are kept as a hash.');
  lines.push('');
  lines.push('## Demo accounts');
  lines.push('');
  lines.push('`tynda seed --demo`, and `npm start` on an empty embedded database (TYNDA_DEMO=on|off; default on without DATABASE_URL), load data/demo/organisation.json with an official for every role.');
  lines.push('Their passwords are **generated for each database** and printed at every start until changed (`PUT /api/v1/auth/password`); one-time codes for the demo applicants go to files in TYNDA_DATA_DIR/outbox.');
  lines.push('');
  return lines.join('\n');
}
