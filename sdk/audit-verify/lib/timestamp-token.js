import crypto from "node:crypto";
import { children, generalizedTime, oid, readElement } from "./der.js";

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
};
const HASHES = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/**
 * Checks an RFC 3161 timestamp token (a CMS SignedData over a TSTInfo) against the bytes it should
 * vouch for: the TSTInfo's message imprint is their hash, the signed attributes carry the TSTInfo's
 * digest, and the signature over them verifies with a certificate the token carries. Returns the
 * time the TSA vouched for and who it is; throws with the reason otherwise. Whether to trust that
 * TSA is the reader's call: the result names its certificate.
 */
export function verifyTimestampToken(tokenDer, payload) {
  const contentInfo = children(readElement(tokenDer));
  if (oid(contentInfo[0]) !== OID.signedData) throw new Error("not a CMS SignedData");
  const signedData = children(children(contentInfo[1])[0]);
  const encap = children(signedData[2]);
  if (oid(encap[0]) !== OID.tstInfo) throw new Error("the token does not hold a TSTInfo");
  const tstInfoDer = children(encap[1])[0].content;
  const tstInfo = children(readElement(tstInfoDer));
  const imprint = children(tstInfo[2]);
  const imprintHash = HASHES[oid(children(imprint[0])[0])];
  if (!imprintHash) throw new Error("unknown hash algorithm in the message imprint");
  if (!crypto.createHash(imprintHash).update(payload).digest().equals(imprint[1].content)) {
    throw new Error("the token vouches for other data (its message imprint does not match the checkpoint)");
  }
  const genTime = generalizedTime(tstInfo[4]);

  let i = 3;
  const certs = [];
  if (signedData[i]?.tag === 0xa0) certs.push(...children(signedData[i++]).map((c) => new crypto.X509Certificate(c.raw)));
  if (signedData[i]?.tag === 0xa1) i++;
  const signerInfo = children(children(signedData[i])[0]);
  const digestName = HASHES[oid(children(signerInfo[2])[0])];
  if (!digestName) throw new Error("unknown digest algorithm in the signer info");
  const signedAttrs = signerInfo[3];
  if (signedAttrs?.tag !== 0xa0) throw new Error("the signer info has no signed attributes");
  const attrs = new Map(children(signedAttrs).map((a) => [oid(children(a)[0]), children(children(a)[1])[0]]));
  if (oid(attrs.get(OID.contentType)) !== OID.tstInfo) throw new Error("the signed content type is not TSTInfo");
  if (!crypto.createHash(digestName).update(tstInfoDer).digest().equals(attrs.get(OID.messageDigest).content)) {
    throw new Error("the signed digest does not match the TSTInfo");
  }
  // The signature covers the attributes DER-encoded as a SET (tag 0x31), not as the [0] they are stored under.
  const toVerify = Buffer.concat([Buffer.from([0x31]), signedAttrs.raw.subarray(1)]);
  const signature = signerInfo[5].content;
  const signer = certs.find((c) => {
    try {
      return crypto.verify(digestName, toVerify, c.publicKey, signature);
    } catch {
      return false;
    }
  });
  if (!signer) throw new Error("the token's signature does not verify with any certificate it carries");
  return { time: genTime, tsa: signer.subject.replace(/\n/g, ", "), fingerprint256: signer.fingerprint256 };
}
