import { request } from "node:https";
import { MTA_STS_POLICY_PATH } from "../constructs/mail-domain";
import type { HostExpectation } from "./https-expectations";
import type { Mismatch } from "./mismatch";

export interface HttpsOptions {
  /** Connect every hostname here instead of its address in the DNS (SNI and Host stay the hostname). */
  readonly address?: { readonly host: string; readonly port: number };
  /** Trust these CA certificates (PEM) instead of Node's bundled roots. */
  readonly ca?: string;
}

interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const TIMEOUT_MS = 10000;

/**
 * GET https://<host><path>, certificate checked by Node's TLS (chain to a trusted CA, validity dates, the host in
 * its names). Rejects with the TLS or network error's code (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, …).
 */
function get(host: string, path: string, options: HttpsOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address?.host ?? host,
        port: options.address?.port ?? 443,
        servername: host,
        path,
        method: "GET",
        headers: { host },
        ca: options.ca,
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", reject);
    req.end();
  });
}

const HEADER_CHECK: Readonly<Record<string, string>> = { "strict-transport-security": "HSTS" };

/**
 * What differs from the expectation on one hostname: the certificate, then the status (200, or the 301 and its
 * Location), each response header the backend adds (HSTS), and on mta-sts.<domain> the policy (RFC 8461 §3.2).
 */
export async function runHttpsCheck(expectation: HostExpectation, options: HttpsOptions): Promise<Mismatch[]> {
  const { host, zone, answer } = expectation;
  const mismatch = (type: string, expected: string, got: string): Mismatch => ({ zone, name: host, type, expected, got });
  let response: Response;
  try {
    response = await get(host, "/", options);
  } catch (error) {
    return [mismatch("HTTPS", `a certificate valid for ${host}`, String((error as NodeJS.ErrnoException).code ?? (error as Error).message))];
  }
  if (answer.kind === "redirect") {
    const got = `${response.status} ${response.headers.location ?? "(no Location)"}`;
    return got === `301 ${answer.location}` ? [] : [mismatch("REDIRECT", `301 ${answer.location}`, got)];
  }
  const mismatches: Mismatch[] = [];
  if (response.status !== 200) mismatches.push(mismatch("HTTPS", "status 200", `status ${response.status}`));
  for (const header of answer.headers) {
    const got = response.headers[header.name.toLowerCase()];
    const value = Array.isArray(got) ? got.join(", ") : got;
    if (value !== header.value) mismatches.push(mismatch(HEADER_CHECK[header.name.toLowerCase()] ?? header.name, `${header.name}: ${header.value}`, value === undefined ? "nothing" : `${header.name}: ${value}`));
  }
  if (answer.mtaStsPolicy !== undefined) {
    const path = `/${MTA_STS_POLICY_PATH}`;
    try {
      const policy = await get(host, path, options);
      const got = policy.status === 200 ? JSON.stringify(policy.body) : `status ${policy.status}`;
      if (got !== JSON.stringify(answer.mtaStsPolicy)) mismatches.push(mismatch("MTA-STS", JSON.stringify(answer.mtaStsPolicy), got));
    } catch (error) {
      mismatches.push(mismatch("MTA-STS", JSON.stringify(answer.mtaStsPolicy), String((error as NodeJS.ErrnoException).code ?? (error as Error).message)));
    }
  }
  return mismatches;
}
