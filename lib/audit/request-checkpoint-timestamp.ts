import crypto from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

const SHA256 = "2.16.840.1.101.3.4.2.1";
/** PKIStatus granted (0) and grantedWithMods (1) carry a token; the rest are refusals. */
const GRANTED = new Set([0, 1]);

export type CheckpointTimestamp = { token: Buffer; time: Date };

const arrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/**
 * Asks an RFC 3161 timestamp authority to vouch that `payload` (a checkpoint's signed bytes)
 * existed now: a TimeStampReq over its SHA-256 with a fresh nonce and the TSA's certificate
 * requested (so the token verifies offline), POSTed as application/timestamp-query with a
 * wall-clock deadline. The answer is checked before it is returned, since a stored token is
 * frozen: it must be granted, answer our nonce, vouch for these bytes, and its CMS signature must
 * verify with the certificate it carries. Returns the token (DER ContentInfo) and the TSA's time;
 * throws with the reason otherwise.
 */
export async function requestCheckpointTimestamp(url: string, payload: Uint8Array, timeoutMs: number): Promise<CheckpointTimestamp> {
  const nonce = crypto.randomBytes(8);
  nonce[0] = (nonce[0] & 0x7f) | 0x01; // a positive INTEGER with no leading zero byte to drop
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(crypto.createHash("sha256").update(payload).digest()) }),
    }),
    nonce: new asn1js.Integer({ valueHex: arrayBuffer(nonce) }),
    certReq: true,
  });
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/timestamp-query", Accept: "application/timestamp-reply" },
    body: Buffer.from(request.toSchema().toBER()),
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`the timestamp authority answered HTTP ${res.status}`);
  const body = new Uint8Array(await res.arrayBuffer());
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(arrayBuffer(body));
  } catch {
    throw new Error("the timestamp authority's answer is not a TimeStampResp");
  }
  const status = response.status.status;
  if (!GRANTED.has(status) || !response.timeStampToken) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join("; ");
    throw new Error(`the timestamp authority refused (status ${status}${text ? `: ${text}` : ""})`);
  }
  const signed = new pkijs.SignedData({ schema: response.timeStampToken.content });
  const eContent = signed.encapContentInfo.eContent;
  if (signed.encapContentInfo.eContentType !== "1.2.840.113549.1.9.16.1.4" || !eContent) throw new Error("the token does not hold a TSTInfo");
  const info = pkijs.TSTInfo.fromBER(eContent.getValue());
  if (
    !info.nonce ||
    Buffer.from(info.nonce.valueBlock.valueHexView)
      .toString("hex")
      .replace(/^(00)+/, "") !== nonce.toString("hex")
  )
    throw new Error("the token does not answer our nonce");
  // Checks the message imprint against the payload and the signature against the certificate the token carries.
  if (!(await response.verify({ signer: 0, data: arrayBuffer(payload) }))) throw new Error("the token does not verify");
  return { token: Buffer.from(response.timeStampToken.toSchema().toBER()), time: info.genTime };
}
