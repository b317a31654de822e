/** The GitHub connector and its operations beyond the contract (PAT access requests, bulk revoke). */
export { githubConnector, revokePatGrants } from "./connector";
export { listPatAccessRequests, reviewPatAccessRequest, type TPatAccessRequest } from "./access-requests";
export { ZGithubConfig, ZGithubSecret, type TGithubConfig, type TGithubCtx, type TGithubSecret } from "./config";
