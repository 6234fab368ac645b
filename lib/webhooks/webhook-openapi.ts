import {
  CreateWebhookEndpointSchema,
  ListWebhookDeliveriesQuerySchema,
  RotateWebhookSecretSchema,
  UpdateWebhookEndpointSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "./webhook-schemas";

/** The webhook endpoint resource's part of the OpenAPI document (admin keys and sessions only). */
export const webhookComponents = {
  WebhookEndpoint: WebhookEndpointSchema,
  WebhookEndpointWithSecret: WebhookEndpointWithSecretSchema,
  WebhookEndpointList: WebhookEndpointListSchema,
  CreateWebhookEndpoint: CreateWebhookEndpointSchema,
  UpdateWebhookEndpoint: UpdateWebhookEndpointSchema,
  RotateWebhookSecret: RotateWebhookSecretSchema,
  WebhookDelivery: WebhookDeliverySchema,
  WebhookDeliveryList: WebhookDeliveryListSchema,
};
export const webhookInputComponents = ["CreateWebhookEndpoint", "UpdateWebhookEndpoint", "RotateWebhookSecret"];

type Helpers = {
  json: (name: string) => object;
  errors: object;
  idParam: (description: string) => object;
  queryParams: (schema: typeof ListWebhookDeliveriesQuerySchema) => object[];
};

export function webhookPaths({ json, errors, idParam, queryParams }: Helpers) {
  const id = idParam("whe_… endpoint id");
  return {
    "/webhook-endpoints": {
      get: {
        operationId: "listWebhookEndpoints",
        summary: "Webhook endpoints of the organisation (admin)",
        responses: { "200": { description: "Endpoints", ...json("WebhookEndpointList") }, ...errors },
      },
      post: {
        operationId: "createWebhookEndpoint",
        summary: "Register an endpoint; the answer holds its signing secret, shown only once (admin)",
        requestBody: { required: true, ...json("CreateWebhookEndpoint") },
        responses: { "201": { description: "The endpoint with its secret", ...json("WebhookEndpointWithSecret") }, ...errors },
      },
    },
    "/webhook-endpoints/{id}": {
      get: {
        operationId: "getWebhookEndpoint",
        summary: "One endpoint (admin)",
        parameters: [id],
        responses: { "200": { description: "The endpoint", ...json("WebhookEndpoint") }, ...errors },
      },
      patch: {
        operationId: "updateWebhookEndpoint",
        summary: "Change url, events, description, or enable/disable (admin)",
        parameters: [id],
        requestBody: { required: true, ...json("UpdateWebhookEndpoint") },
        responses: { "200": { description: "The endpoint", ...json("WebhookEndpoint") }, ...errors },
      },
      delete: {
        operationId: "deleteWebhookEndpoint",
        summary: "Delete an endpoint and its delivery log (admin)",
        parameters: [id],
        responses: { "200": { description: "Deleted" }, ...errors },
      },
    },
    "/webhook-endpoints/{id}/rotate-secret": {
      post: {
        operationId: "rotateWebhookSecret",
        summary: "New signing secret (shown once); the previous one keeps signing beside it for overlap_seconds (admin)",
        parameters: [id],
        requestBody: { required: false, ...json("RotateWebhookSecret") },
        responses: { "200": { description: "The endpoint with its new secret", ...json("WebhookEndpointWithSecret") }, ...errors },
      },
    },
    "/webhook-endpoints/{id}/deliveries": {
      get: {
        operationId: "listWebhookDeliveries",
        summary: "Deliveries to an endpoint, newest first, each with every attempt (admin)",
        parameters: [id, ...queryParams(ListWebhookDeliveriesQuerySchema)],
        responses: { "200": { description: "A page", ...json("WebhookDeliveryList") }, ...errors },
      },
    },
    "/webhook-deliveries/{id}/replay": {
      post: {
        operationId: "replayWebhookDelivery",
        summary: "Send a delivery's event again as a new delivery with the same webhook-id (admin)",
        parameters: [idParam("whd_… delivery id")],
        responses: { "201": { description: "The new delivery", ...json("WebhookDelivery") }, ...errors },
      },
    },
  };
}
