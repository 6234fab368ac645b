import type Lithic from "lithic";
import { AppError } from "@/lib/errors/app-error";
import type { AuthorizationRequest, RailAdapter, RailEvent } from "../rail-adapter";
import { ASA_DECLINE, hasAsaAnswer, type AsaAnswer } from "./lithic-asa-answer";
import { LithicAuthorizationSchema, LithicTransactionSchema } from "./lithic-payload-schemas";
import { mapLithicAuthorization } from "./map-lithic-authorization";
import { mapLithicTransaction } from "./map-lithic-transaction";
import { verifyLithicRequest } from "./verify-lithic-request";

/**
 * Lithic through the card-rail interface: Auth Stream Access requests are authorizations to decide
 * (answered `{token, result}` within Lithic's deadline), and `card_transaction.updated` events from
 * Lithic's Events API carry settlement. Both arrive at the connection's one webhook URL.
 */
export const lithicAdapter: RailAdapter = {
  provider: "lithic",

  parse(rawBody: string, headers: Headers, secret: string): RailEvent {
    verifyLithicRequest(rawBody, headers, secret);
    const deliveryId = headers.get("webhook-id")!; // present: verification requires it
    const body = parseJson(rawBody);
    const eventType = typeof body.event_type === "string" ? body.event_type : null;
    // ASA responders receive the authorization itself; newer programs also label it with an event_type.
    if (eventType === "card_authorization.approval_request" || (eventType === null && "card" in body && "status" in body)) {
      return mapLithicAuthorization(checked(LithicAuthorizationSchema, body) as Lithic.CardAuthorization, deliveryId);
    }
    if (eventType === "card_transaction.updated") {
      return mapLithicTransaction(checked(LithicTransactionSchema, body) as Lithic.Transaction);
    }
    return { kind: "ignored", eventId: deliveryId, type: eventType ?? "unknown" };
  },

  answerAuthorization(request: AuthorizationRequest, approved: boolean): Response {
    return asaResponse({ token: request.authorizationId, result: approved ? "APPROVED" : ASA_DECLINE });
  },

  acknowledge(event: RailEvent): Response {
    if (hasAsaAnswer(event)) return asaResponse(event.asaAnswer);
    // Lithic's Events API wants any 2xx; the body is not read.
    return Response.json({ received: true });
  },
};

const asaResponse = (answer: AsaAnswer) => Response.json(answer, { status: 200 });

/** Verification already parsed the body (standardwebhooks refuses one that is not JSON); it may still not be an object. */
function parseJson(rawBody: string): Record<string, unknown> {
  const body: unknown = JSON.parse(rawBody);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("validation_error", "Lithic sent a body that is not an object");
  return body as Record<string, unknown>;
}

/**
 * The fields we read, checked before the body is treated as the package's type. The schema's
 * output is discarded on purpose: the mapping reads the package's types, zod only vouches for them.
 */
function checked(schema: typeof LithicAuthorizationSchema | typeof LithicTransactionSchema, body: Record<string, unknown>): unknown {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new AppError(
      "validation_error",
      "Lithic sent a payload without the fields an authorization or transaction needs",
      result.error.issues.map((i) => ({ field: i.path.join("."), issue: i.message })),
    );
  }
  return body;
}
