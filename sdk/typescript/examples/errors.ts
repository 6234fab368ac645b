// errors.ts
import { type AegisClient, AegisError, AegisTimeoutError, type SubmitIntentParams } from "@aegis-os/sdk";

export async function submitOrReport(aegis: AegisClient, params: SubmitIntentParams) {
  try {
    return await aegis.intents.submit(params);
  } catch (e) {
    if (e instanceof AegisTimeoutError) {
      // Decision not received in time — safe to retry (submit again with e.idempotencyKey)
      return null;
    }
    if (e instanceof AegisError) {
      console.log(e.statusCode, e.message, e.code);
    }
    throw e;
  }
}
