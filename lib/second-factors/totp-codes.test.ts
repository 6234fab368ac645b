import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { checkTotp, newTotpSecret, totpUri } from "./totp-codes";

describe("TOTP codes", () => {
  it("accepts the current code once: the same step again is a replay", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const step = await checkTotp(secret, code, null);
    expect(step).toBeGreaterThan(0);
    expect(await checkTotp(secret, code, step)).toBeNull();
  });

  it("refuses a wrong code, another secret's code and junk", async () => {
    const secret = newTotpSecret();
    const other = await generate({ secret: newTotpSecret() });
    expect(await checkTotp(secret, other, null)).toBeNull();
    expect(await checkTotp(secret, "12345", null)).toBeNull();
    expect(await checkTotp(secret, "abcdef", null)).toBeNull();
  });

  it("gives an otpauth:// URI an authenticator app reads", () => {
    expect(totpUri("ana@acme.test", "JBSWY3DPEHPK3PXP")).toMatch(/^otpauth:\/\/totp\/AegisOS%20Comply:ana%40acme\.test\?secret=JBSWY3DPEHPK3PXP/);
  });
});
