import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Certificate {
  readonly key: string;
  readonly cert: string;
}

export interface TestCa {
  readonly caFile: string;
  /** A server certificate for `names` (the first its common name), signed by the CA, valid from yesterday or over `period`. */
  issue(id: string, names: readonly string[], period?: { readonly start: string; readonly end: string }): Certificate;
}

const openssl = (dir: string, args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });

/**
 * A certificate authority made with openssl in `dir` (P-256 keys), whose `openssl ca` can also sign certificates
 * that expired long ago (-startdate/-enddate), which OpenSSL 3.0's `x509 -req` cannot.
 */
export function makeTestCa(dir: string): TestCa {
  openssl(dir, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Test CA", "-days", "2", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  writeFileSync(join(dir, "index.txt"), "");
  writeFileSync(join(dir, "serial"), "1000\n");
  writeFileSync(
    join(dir, "ca.cnf"),
    [
      "[ca]",
      "default_ca = test",
      "[test]",
      `dir = ${dir}`,
      "database = $dir/index.txt",
      "new_certs_dir = $dir",
      "serial = $dir/serial",
      "certificate = $dir/ca.pem",
      "private_key = $dir/ca.key",
      "default_md = sha256",
      "default_days = 2",
      "policy = anything",
      "copy_extensions = copy",
      "unique_subject = no",
      "x509_extensions = server",
      "[anything]",
      "commonName = supplied",
      "[server]",
      "basicConstraints = CA:FALSE",
      "extendedKeyUsage = serverAuth",
      "",
    ].join("\n"),
  );
  return {
    caFile: join(dir, "ca.pem"),
    issue(id, names, period) {
      openssl(dir, ["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", `${id}.key`, "-out", `${id}.csr`, "-subj", `/CN=${names[0]}`, "-addext", `subjectAltName=${names.map((name) => `DNS:${name}`).join(",")}`]);
      const dates = period ? ["-startdate", period.start, "-enddate", period.end] : [];
      openssl(dir, ["ca", "-batch", "-config", "ca.cnf", "-notext", "-in", `${id}.csr`, "-out", `${id}.pem`, ...dates]);
      return { key: readFileSync(join(dir, `${id}.key`), "utf8"), cert: readFileSync(join(dir, `${id}.pem`), "utf8") };
    },
  };
}
