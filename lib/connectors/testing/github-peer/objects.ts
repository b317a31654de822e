/**
 * GitHub's JSON objects as the REST API spells them (simple-user, repository, installation,
 * integration, fine-grained PAT grant and request). The fake's responses are built here and then
 * validated against the OpenAPI description, so a field GitHub requires cannot be forgotten.
 */

export type TPermissionSet = { organization?: Record<string, string>; repository?: Record<string, string>; other?: Record<string, string> };
export type TUserSpec = { login: string; id: number; email: string | null; type?: "User" | "Organization" };
export type TPatSpec = {
  grantId: number;
  tokenId: number;
  owner: TUserSpec;
  tokenName: string;
  permissions: TPermissionSet;
  repositorySelection: "none" | "all" | "subset";
  accessGrantedAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};
export type TAccessRequestSpec = Omit<TPatSpec, "grantId" | "accessGrantedAt"> & { requestId: number; reason: string | null; createdAt: string };

const WEB = "https://github.com";

export function simpleUser(api: string, user: TUserSpec) {
  const u = `${api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString("base64"),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: u,
    html_url: `${WEB}/${user.login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: user.type ?? "User",
    user_view_type: "public",
    site_admin: false,
    ...(user.email !== undefined ? { email: user.email } : {}),
  };
}

export function repository(api: string, org: TUserSpec, name: string, id: number) {
  const r = `${api}/repos/${org.login}/${name}`;
  const created = "2024-01-15T10:00:00Z";
  return {
    id,
    node_id: Buffer.from(`010:Repository${id}`).toString("base64"),
    name,
    full_name: `${org.login}/${name}`,
    owner: simpleUser(api, { ...org, type: "Organization" }),
    private: true,
    html_url: `${WEB}/${org.login}/${name}`,
    description: null,
    fork: false,
    url: r,
    archive_url: `${r}/{archive_format}{/ref}`,
    assignees_url: `${r}/assignees{/user}`,
    blobs_url: `${r}/git/blobs{/sha}`,
    branches_url: `${r}/branches{/branch}`,
    collaborators_url: `${r}/collaborators{/collaborator}`,
    comments_url: `${r}/comments{/number}`,
    commits_url: `${r}/commits{/sha}`,
    compare_url: `${r}/compare/{base}...{head}`,
    contents_url: `${r}/contents/{+path}`,
    contributors_url: `${r}/contributors`,
    deployments_url: `${r}/deployments`,
    downloads_url: `${r}/downloads`,
    events_url: `${r}/events`,
    forks_url: `${r}/forks`,
    git_commits_url: `${r}/git/commits{/sha}`,
    git_refs_url: `${r}/git/refs{/sha}`,
    git_tags_url: `${r}/git/tags{/sha}`,
    git_url: `git://github.com/${org.login}/${name}.git`,
    issue_comment_url: `${r}/issues/comments{/number}`,
    issue_events_url: `${r}/issues/events{/number}`,
    issues_url: `${r}/issues{/number}`,
    keys_url: `${r}/keys{/key_id}`,
    labels_url: `${r}/labels{/name}`,
    languages_url: `${r}/languages`,
    merges_url: `${r}/merges`,
    milestones_url: `${r}/milestones{/number}`,
    notifications_url: `${r}/notifications{?since,all,participating}`,
    pulls_url: `${r}/pulls{/number}`,
    releases_url: `${r}/releases{/id}`,
    ssh_url: `git@github.com:${org.login}/${name}.git`,
    stargazers_url: `${r}/stargazers`,
    statuses_url: `${r}/statuses/{sha}`,
    subscribers_url: `${r}/subscribers`,
    subscription_url: `${r}/subscription`,
    tags_url: `${r}/tags`,
    teams_url: `${r}/teams`,
    trees_url: `${r}/git/trees{/sha}`,
    clone_url: `${WEB}/${org.login}/${name}.git`,
    mirror_url: null,
    hooks_url: `${r}/hooks`,
    svn_url: `${WEB}/${org.login}/${name}`,
    homepage: null,
    language: "TypeScript",
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 128,
    default_branch: "main",
    open_issues_count: 0,
    open_issues: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: created,
    created_at: created,
    updated_at: created,
  };
}

export type TAppSpec = { id: number; slug: string; name: string; clientId: string; owner: TUserSpec; permissions: Record<string, string>; createdAt: string };
export type TInstallationSpec = {
  id: number;
  appId: number;
  org: TUserSpec;
  permissions: Record<string, string>;
  repositorySelection: "all" | "selected";
  createdAt: string;
};

export function integration(api: string, app: TAppSpec, installationsCount: number) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: Buffer.from(`03:Integration${app.id}`).toString("base64"),
    client_id: app.clientId,
    owner: simpleUser(api, { ...app.owner, type: "Organization" }),
    name: app.name,
    description: "Governs machine credentials",
    external_url: "https://tokenward.example.test",
    html_url: `${WEB}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: [],
    installations_count: installationsCount,
  };
}

export function installation(api: string, inst: TInstallationSpec, app: TAppSpec) {
  return {
    id: inst.id,
    account: simpleUser(api, { ...inst.org, type: "Organization" }),
    repository_selection: inst.repositorySelection,
    access_tokens_url: `${api}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${WEB}/organizations/${inst.org.login}/settings/installations/${inst.id}`,
    app_id: app.id,
    client_id: app.clientId,
    app_slug: app.slug,
    target_id: inst.org.id,
    target_type: "Organization",
    permissions: inst.permissions,
    events: [],
    created_at: inst.createdAt,
    updated_at: inst.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

const expired = (expiresAt: string | null, now: number) => expiresAt !== null && Date.parse(expiresAt) <= now;

export function patGrant(api: string, org: string, pat: TPatSpec, now: number) {
  return {
    id: pat.grantId,
    owner: simpleUser(api, pat.owner),
    repository_selection: pat.repositorySelection,
    repositories_url: `${api}/orgs/${org}/personal-access-tokens/${pat.grantId}/repositories`,
    permissions: pat.permissions,
    access_granted_at: pat.accessGrantedAt,
    token_id: pat.tokenId,
    token_name: pat.tokenName,
    token_expired: expired(pat.expiresAt, now),
    token_expires_at: pat.expiresAt,
    token_last_used_at: pat.lastUsedAt,
  };
}

export function patRequest(api: string, org: string, request: TAccessRequestSpec, now: number) {
  return {
    id: request.requestId,
    reason: request.reason,
    owner: simpleUser(api, request.owner),
    repository_selection: request.repositorySelection,
    repositories_url: `${api}/orgs/${org}/personal-access-token-requests/${request.requestId}/repositories`,
    permissions: request.permissions,
    created_at: request.createdAt,
    token_id: request.tokenId,
    token_name: request.tokenName,
    token_expired: expired(request.expiresAt, now),
    token_expires_at: request.expiresAt,
    token_last_used_at: request.lastUsedAt,
  };
}

export function error(status: number, message: string, docs = "https://docs.github.com/rest") {
  return { message, documentation_url: docs, status: String(status) };
}
