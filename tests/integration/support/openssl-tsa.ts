import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real RFC 3161 timestamp authority for tests: `openssl ts -reply` behind a small HTTP server
 * (POST application/timestamp-query → application/timestamp-reply), with a throwaway CA and a TSA
 * certificate (extendedKeyUsage critical timeStamping) made by openssl. Not an imitation: the
 * replies are whatever OpenSSL's TSA produces, and `verify` checks our stored tokens with
 * `openssl ts -verify` against that CA. `mode` makes it fail on purpose (an HTTP 503, or no answer).
 */
export type OpensslTsa = {
  url: string;
  caFile: string;
  requests: number;
  mode: "ok" | "down" | "hang";
  verify: (token: Buffer, data: Buffer) => Promise<{ ok: boolean; out: string }>;
  stop: () => Promise<void>;
};

const openssl = (args: string[], cwd: string): Promise<{ code: number; out: string }> =>
  new Promise((resolve) =>
    execFile("openssl", args, { cwd, encoding: "utf8" }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr })),
  );

async function must(args: string[], cwd: string) {
  const r = await openssl(args, cwd);
  if (r.code !== 0) throw new Error(`openssl ${args.join(" ")} failed:\n${r.out}`);
}

const CONFIG = `[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = .
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.crt
certs = $dir/ca.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startOpensslTsa(port = 0): Promise<OpensslTsa> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-tsa-"));
  await must(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Aegis Test TSA Root",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], dir); // prettier-ignore
  await must(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/O=Aegis Tests/CN=Aegis Test TSA"], dir);
  fs.writeFileSync(path.join(dir, "tsa.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n");
  await must(
    ["x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tsa.crt", "-days", "2", "-extfile", "tsa.ext"],
    dir,
  );
  fs.writeFileSync(path.join(dir, "tsa.cnf"), CONFIG);
  fs.writeFileSync(path.join(dir, "serial"), "01\n");

  let n = 0;
  let queue: Promise<unknown> = Promise.resolve(); // one reply at a time: they share the serial file
  const hung: http.ServerResponse[] = [];
  const state: OpensslTsa = {
    url: "",
    caFile: path.join(dir, "ca.crt"),
    requests: 0,
    mode: "ok",
    verify: async (token, data) => {
      const id = ++n;
      fs.writeFileSync(path.join(dir, `v${id}.tst`), token);
      fs.writeFileSync(path.join(dir, `v${id}.dat`), data);
      const r = await openssl(["ts", "-verify", "-token_in", "-in", `v${id}.tst`, "-data", `v${id}.dat`, "-CAfile", "ca.crt", "-untrusted", "tsa.crt"], dir);
      return { ok: r.code === 0 && /Verification: OK/.test(r.out), out: r.out };
    },
    stop: async () => {
      for (const r of hung) r.destroy();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      if (state.mode === "hang") return void hung.push(res);
      if (state.mode === "down" || req.method !== "POST" || req.headers["content-type"] !== "application/timestamp-query") {
        res.writeHead(503).end();
        return;
      }
      const id = ++n;
      queue = queue.then(async () => {
        fs.writeFileSync(path.join(dir, `q${id}.tsq`), Buffer.concat(chunks));
        const r = await openssl(["ts", "-reply", "-config", "tsa.cnf", "-queryfile", `q${id}.tsq`, "-out", `r${id}.tsr`], dir);
        if (r.code !== 0) res.writeHead(500, { "Content-Type": "text/plain" }).end(r.out);
        else res.writeHead(200, { "Content-Type": "application/timestamp-reply" }).end(fs.readFileSync(path.join(dir, `r${id}.tsr`)));
      });
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`;
  return state;
}
