export { verifyExport } from "./verify-export.js";
export { verifyTimestampToken } from "./timestamp-token.js";
export { canonicalize } from "./canonicalize.js";
export { checkpointPayload, eventHash, GENESIS_HASH } from "./chain-format.js";
