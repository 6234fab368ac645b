import { describe, expect, it } from "vitest";
import { generateSecretKey, isSealed, needsReseal, openSecret, parseSecretKeys, sealSecret, SecretKeyError } from "./secret-box";

describe("secret box", () => {
  const [a] = parseSecretKeys(generateSecretKey());
  const [b] = parseSecretKeys(generateSecretKey());

  it("seals so the plain text is not in the stored value, and opens it back", () => {
    const sealed = sealSecret("whsec_topsecret", [a]);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("topsecret");
    expect(openSecret(sealed, [a])).toBe("whsec_topsecret");
  });

  it("uses a fresh nonce each time", () => {
    expect(sealSecret("same", [a])).not.toBe(sealSecret("same", [a]));
  });

  it("opens with an older key kept after the new one (rotation), and says what needs resealing", () => {
    const old = sealSecret("s", [a]);
    expect(openSecret(old, [b, a])).toBe("s");
    expect(needsReseal(old, [b, a])).toBe(true);
    expect(needsReseal(sealSecret("s", [b, a]), [b, a])).toBe(false);
    expect(needsReseal("plain-legacy-value", [b])).toBe(true);
  });

  it("refuses a value sealed under a key it does not hold, naming the key id", () => {
    const sealed = sealSecret("s", [a]);
    expect(() => openSecret(sealed, [b])).toThrow(new RegExp(a.id));
  });

  it("refuses a tampered value", () => {
    const sealed = sealSecret("secret", [a]);
    const parts = sealed.split(":");
    const body = Buffer.from(parts[5], "base64url");
    body[0] ^= 1;
    parts[5] = body.toString("base64url");
    expect(() => openSecret(parts.join(":"), [a])).toThrow(SecretKeyError);
  });

  it("takes hex or base64 keys, several comma-separated, and refuses a short one", () => {
    const hex = "11".repeat(32);
    expect(parseSecretKeys(`${hex}, ${generateSecretKey()}`)).toHaveLength(2);
    expect(() => parseSecretKeys("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});
