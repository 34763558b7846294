/**
 * DNSimple's API budget: 2,400 requests an hour per account; every response carries X-RateLimit-Limit,
 * X-RateLimit-Remaining and X-RateLimit-Reset (epoch seconds), and past the limit the API answers
 * 429 Too Many Requests with the same headers (https://developer.dnsimple.com/v2/#rate-limiting).
 */
/** The production API; the sandbox's is https://api.sandbox.dnsimple.com, a test's a local server (--dnsimple-api). */
export const DNSIMPLE_API = "https://api.dnsimple.com";

export interface Budget {
  readonly limit: number;
  readonly remaining: number;
  /** When the window resets, in epoch milliseconds. */
  readonly resetAt: number;
}

/**
 * The account's budget now, from the headers of `GET /v2/whoami` (the cheapest authenticated call). A 429 carries
 * the same headers, so it is a budget of 0 until the reset, not an error.
 */
export async function readBudget(apiBase: string, token: string, fetchImpl: typeof fetch = fetch): Promise<Budget> {
  const url = `${apiBase.replace(/\/+$/, "")}/v2/whoami`;
  const response = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });
  await response.arrayBuffer();
  if (!response.ok && response.status !== 429) throw new Error(`GET ${url}: HTTP ${response.status}; check DNSIMPLE_TOKEN and the API base (${apiBase})`);
  const header = (name: string) => {
    const value = Number(response.headers.get(name));
    if (response.headers.get(name) === null || !Number.isFinite(value)) throw new Error(`GET ${url}: no ${name} header in the answer (HTTP ${response.status})`);
    return value;
  };
  return { limit: header("X-RateLimit-Limit"), remaining: response.status === 429 ? 0 : header("X-RateLimit-Remaining"), resetAt: header("X-RateLimit-Reset") * 1000 };
}

/**
 * Whether terraform failed on DNSimple's rate limit: the provider (dnsimple-go's ErrorResponse.Error, dnsimple/
 * dnsimple.go) prints "<METHOD> <URL>: 429 <message>", the API's message being "quota exceeded", and does not retry.
 */
export function hitRateLimit(terraformOutput: string): boolean {
  return /\bhttps?:\/\/\S*dnsimple\S*: 429\b/.test(terraformOutput) || /\b429 quota exceeded\b/.test(terraformOutput);
}
