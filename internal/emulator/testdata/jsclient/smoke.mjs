// Drives the LinkedIn emulator with LinkedIn's official JavaScript client, the npm package
// linkedin-api-client (source: https://github.com/linkedin-developers/linkedin-api-js-client), the way a
// partner's code would call LinkedIn: tokens, integrations, integration configurations, a job posting and its
// task, job posting status, query tunnelling and provisioning. Each step checks its answer; the first failure
// prints the step's name (and the HTTP exchange) and exits 1.
//
//   LINKEDIN_EMULATOR_URL=http://127.0.0.1:8080 node smoke.mjs
//
// Optional: LINKEDIN_VERSION (LinkedIn-Version of the /rest calls, default 202603).
//
// internal/emulator/jsclient_test.go runs it against an in-process emulator; it also works against
// `go run ./cmd/linkedin-emulator` (any seed state: the ids it creates are unique per run).

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { AuthClient, RestliClient, utils } = require('linkedin-api-client');
// The axios module the client itself loads (resolved from the client's own folder, so it is the same module
// instance even if another axios copy were installed next to it).
const axios = createRequire(require.resolve('linkedin-api-client'))('axios');

const BASE = (process.env.LINKEDIN_EMULATOR_URL || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(BASE)) {
  console.error('set LINKEDIN_EMULATOR_URL to the emulator base URL, e.g. http://127.0.0.1:8080');
  process.exit(2);
}
const VERSION = process.env.LINKEDIN_VERSION || '202603';

// Pointing the client at the emulator. linkedin-api-client has no base URL option: RestliClient builds
// absolute URLs from the constants https://api.linkedin.com/rest and https://api.linkedin.com/v2
// (utils/api-utils.ts buildRestliUrl), and AuthClient posts to https://www.linkedin.com/oauth/v2/accessToken
// with the default axios instance (auth.ts). An axios baseURL applies to relative URLs only, so it cannot
// help. What the client does support is axios itself: RestliClient exposes its axiosInstance (and takes
// axios defaults in its constructor), and the default instance is axios's own. A request interceptor on both
// rewrites the two LinkedIn hosts to the emulator and changes nothing else: path, query, headers and body are
// exactly what the client would send to LinkedIn. proxy: false keeps an HTTP(S)_PROXY of the environment away
// from a loopback emulator.
const HOSTS = [
  ['https://api.linkedin.com/', `${BASE}/`],
  ['https://www.linkedin.com/oauth/', `${BASE}/oauth/`]
];
const exchanges = [];
function toEmulator(config) {
  for (const [from, to] of HOSTS) {
    if (typeof config.url === 'string' && config.url.startsWith(from)) {
      config.url = to + config.url.slice(from.length);
      config.proxy = false;
      exchanges.push(`${config.method.toUpperCase()} ${config.url}`);
      return config;
    }
  }
  throw new Error(`request to an unexpected URL: ${config.url}`);
}
axios.interceptors.request.use(toEmulator);
const client = new RestliClient();
client.axiosInstance.interceptors.request.use(toEmulator);

// ---------------------------------------------------------------------------------------------------------

let current = '';
async function step(name, fn) {
  current = name;
  const started = Date.now();
  await fn();
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

class Failure extends Error {}

// header reads a request header of an axios config (an AxiosHeaders object in axios 1.x).
function header(config, name) {
  const h = config?.headers;
  return (typeof h?.get === 'function' ? h.get(name) : undefined) ?? h?.[name];
}
function check(cond, message, detail) {
  if (!cond) {
    throw new Failure(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
  }
}

// findByKey finds the entry of a batch answer (results, errors, statuses) whose key means the compound key
// want. Keys are compared structurally: the emulator writes compound keys reduced and sorted, the client
// sent them URL-encoded in its own part order.
function findByKey(map, want) {
  for (const [k, v] of Object.entries(map || {})) {
    let decoded;
    try {
      decoded = utils.reducedDecode(k);
    } catch {
      continue;
    }
    if (
      decoded &&
      typeof decoded === 'object' &&
      Object.keys(decoded).length === Object.keys(want).length &&
      Object.entries(want).every(([p, val]) => decoded[p] === val)
    ) {
      return v;
    }
  }
  return undefined;
}

async function pollTask(accessToken, taskId, versionString) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    // The id exactly as the batch_create answer gave it, as every caller of the client does.
    const resp = await client.batchGet({ resourcePath: '/simpleJobPostingTasks', ids: [taskId], accessToken, versionString });
    check(resp.status === 200, 'task batch_get status', resp.status);
    const task = resp.data.results?.[taskId];
    check(task !== undefined, `the task is not in results under the id the create returned (${taskId})`, resp.data);
    if (task.status !== 'IN_PROGRESS') {
      return task;
    }
    check(Date.now() < deadline, 'the task is still IN_PROGRESS after 30 s', task);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const ORG = 'urn:li:organization:1000';
let child, parent;

async function main() {
  await step('tokens (client credentials, child and parent)', async () => {
    child = await new AuthClient({ clientId: 'emulator-child', clientSecret: 'emulator-child-secret' }).getTwoLeggedAccessToken();
    parent = await new AuthClient({ clientId: 'emulator-parent', clientSecret: 'emulator-parent-secret' }).getTwoLeggedAccessToken();
    for (const t of [child, parent]) {
      check(typeof t.access_token === 'string' && t.access_token !== '' && t.expires_in > 0, 'token answer', t);
    }
    check(child.access_token !== parent.access_token, 'child and parent got the same token');
  });
  const accessToken = child.access_token;

  const oce = { integrationContext: ORG, integrationType: 'ONE_CLICK_EXPORT', tenantType: 'RECRUITER' };
  const ats = { integrationContext: ORG, integrationType: 'IN_ATS_INDICATOR', tenantType: 'RECRUITER' };
  const never = { integrationContext: 'urn:li:organization:999999', integrationType: 'PROFILE_PLUGIN', tenantType: 'RECRUITER' };

  await step('integrations batch_get (/rest)', async () => {
    const resp = await client.batchGet({ resourcePath: '/integrations', ids: [oce, ats, never], accessToken, versionString: VERSION });
    check(resp.status === 200, 'status', resp.status);
    const a = findByKey(resp.data.results, oce);
    const b = findByKey(resp.data.results, ats);
    check(a && a.integrationType === 'ONE_CLICK_EXPORT' && typeof a.status === 'string', 'ONE_CLICK_EXPORT', resp.data);
    check(b && b.status === 'ENABLED', 'IN_ATS_INDICATOR', resp.data);
    check(findByKey(resp.data.errors, never)?.status === 404, 'a never enabled integration is a per-key 404', resp.data);
  });

  await step('integrations batch_partial_update (integrationName)', async () => {
    const name = `JS client ${run}`;
    const resp = await client.batchPartialUpdate({
      resourcePath: '/integrations', ids: [oce], patchSetObjects: [{ integrationName: name }], accessToken, versionString: VERSION
    });
    check(resp.status === 200 && findByKey(resp.data.results, oce)?.status === 204, 'partial update', resp.data);
    const got = await client.batchGet({ resourcePath: '/integrations', ids: [oce], accessToken, versionString: VERSION });
    check(findByKey(got.data.results, oce)?.integrationName === name, 'integrationName after the update', got.data);
  });

  const cfg = (configurationName, integration = oce) => ({ ...integration, configurationName });
  const callbackURL = `https://customer.example.com/export/${run}`;

  await step('integration configurations batch_update (upsert)', async () => {
    const ids = [cfg('CALLBACK_URL'), cfg('JOB_POSTING_VIEWERS')];
    const resp = await client.batchUpdate({
      resourcePath: '/integrationConfigurations', ids,
      entities: [{ configurationValue: { string: callbackURL } }, { configurationValue: { string: 'ALL_PRODUCT_USERS' } }],
      accessToken, versionString: VERSION
    });
    check(resp.status === 200, 'status', resp.status);
    for (const id of ids) {
      check(findByKey(resp.data.results, id)?.status === 204, `result of ${id.configurationName}`, resp.data);
    }
    check(Object.keys(resp.data.errors || {}).length === 0, 'no errors', resp.data.errors);
    const in_ = await client.batchGet({ resourcePath: '/integrations', ids: [oce], accessToken, versionString: VERSION });
    check(findByKey(in_.data.results, oce)?.status === 'ENABLED', 'CALLBACK_URL enables ONE_CLICK_EXPORT', in_.data);
  });

  await step('integration configurations batch_get', async () => {
    const resp = await client.batchGet({
      resourcePath: '/integrationConfigurations', ids: [cfg('JOB_POSTING_VIEWERS'), cfg('CALLBACK_URL'), cfg('APPLICATION_VIEWERS', ats)],
      accessToken, versionString: VERSION
    });
    check(resp.status === 200, 'status', resp.status);
    check(findByKey(resp.data.results, cfg('CALLBACK_URL'))?.configurationValue?.string === callbackURL, 'CALLBACK_URL', resp.data);
    check(findByKey(resp.data.results, cfg('JOB_POSTING_VIEWERS'))?.configurationValue?.string === 'ALL_PRODUCT_USERS', 'JOB_POSTING_VIEWERS', resp.data);
    const av = findByKey(resp.data.errors, cfg('APPLICATION_VIEWERS', ats));
    check(av?.status === 404, 'an unset configuration is a per-key 404', resp.data);
  });

  await step('integration configurations batch_delete', async () => {
    const resp = await client.batchDelete({
      resourcePath: '/integrationConfigurations', ids: [cfg('JOB_POSTING_VIEWERS'), cfg('CALLBACK_URL')], accessToken, versionString: VERSION
    });
    check(resp.status === 200, 'status', resp.status);
    check(findByKey(resp.data.results, cfg('JOB_POSTING_VIEWERS'))?.status === 204, 'JOB_POSTING_VIEWERS deleted', resp.data);
    check(findByKey(resp.data.errors, cfg('CALLBACK_URL'))?.status === 400, 'CALLBACK_URL cannot be deleted (per-key 400)', resp.data);
    const got = await client.batchGet({ resourcePath: '/integrationConfigurations', ids: [cfg('JOB_POSTING_VIEWERS')], accessToken, versionString: VERSION });
    check(findByKey(got.data.errors, cfg('JOB_POSTING_VIEWERS'))?.status === 404, 'gone after the delete', got.data);
  });

  await step('query tunnelling: batch_update with a long ids list (multipart/mixed)', async () => {
    // About 4.5 KB of encoded ids: the client switches to POST + X-HTTP-Method-Override: PUT with the query and
    // the JSON body as two parts. Only organization 1000 has the integration: the others are per-key 404s.
    const ids = [cfg('JOB_POSTING_VIEWERS')];
    for (let i = 0; ids.length < 36; i++) {
      ids.push(cfg('JOB_POSTING_VIEWERS', { ...oce, integrationContext: `urn:li:organization:${5000 + i}` }));
    }
    const resp = await client.batchUpdate({
      resourcePath: '/integrationConfigurations', ids, entities: ids.map(() => ({ configurationValue: { string: 'ALL_PRODUCT_USERS' } })),
      accessToken, versionString: VERSION
    });
    check(
      resp.config.method === 'post' && header(resp.config, 'X-HTTP-Method-Override') === 'PUT' &&
        /^multipart\/mixed/.test(header(resp.config, 'Content-Type')),
      'the client did not tunnel', resp.config.headers
    );
    check(resp.status === 200, 'status', resp.status);
    check(findByKey(resp.data.results, ids[0])?.status === 204, 'organization 1000', resp.data);
    check(Object.keys(resp.data.errors || {}).length === ids.length - 1 && findByKey(resp.data.errors, ids[1])?.status === 404, 'the other organizations', resp.data.errors);
  });

  // An external id with a space, grammar characters and '%': the status answer keys it raw.
  const externalId = `js ${run} (a,b):c 50%`;
  const job = (jobPostingOperationType) => ({
    externalJobPostingId: externalId,
    jobPostingOperationType,
    integrationContext: ORG,
    title: 'Software Engineer (JS client)',
    description: 'We are looking for a software engineer to build integrations with LinkedIn. '.repeat(3),
    companyApplyUrl: `https://careers.example.com/jobs/${run}`,
    listedAt: Date.now() - 3_600_000,
    location: 'San Francisco, CA',
    employmentStatus: 'FULL_TIME'
  });
  let createTask;

  await step('job posting batch_create (CREATE, /rest)', async () => {
    const resp = await client.batchCreate({ resourcePath: '/simpleJobPostings', entities: [job('CREATE')], accessToken, versionString: VERSION });
    check(resp.status === 200 && resp.data.elements?.length === 1, 'answer', resp.data);
    const el = resp.data.elements[0];
    check(el.status === 202 && typeof el.id === 'string' && el.id !== '', 'element', el);
    createTask = el.id;
  });

  await step('job posting task batch_get and get by the returned id (/rest)', async () => {
    // This is what a partner's code does with the id, and what fails if the id is written escaped
    // (urn%3Ali%3A…): the client URL-encodes it once more and the task cannot be found.
    const task = await pollTask(accessToken, createTask, VERSION);
    check(task.status === 'SUCCEEDED' && task.externalJobPostingId === externalId && /^urn:li:jobPosting:/.test(task.jobPosting), 'task', task);
    check(task.id === createTask && /^urn:li:simpleJobPostingTask:[0-9a-f-]+$/.test(createTask), 'the create id is not the raw task URN', { id: createTask, task });
    // The same id as a path key (get).
    const one = await client.get({ resourcePath: '/simpleJobPostingTasks/{id}', pathKeys: { id: createTask }, accessToken, versionString: VERSION });
    check(one.status === 200 && one.data.id === createTask && one.data.status === 'SUCCEEDED', 'task get', one.data);
  });

  async function listingStatus() {
    const resp = await client.batchGet({ resourcePath: '/jobPostingStatus', ids: [externalId], accessToken }); // legacy /v2
    check(resp.status === 200, 'status', resp.status);
    const st = resp.data.results?.[externalId];
    check(st !== undefined, 'the job is not in results under its raw externalJobPostingId', resp.data);
    return st;
  }

  await step('jobPostingStatus batch_get (/v2)', async () => {
    const st = await listingStatus();
    check(st.listingStatus === 'LISTED' && st.externalJobPostingId === externalId, 'listing status', st);
  });

  await step('query tunnelling: jobPostingStatus batch_get with a long ids list (form-encoded)', async () => {
    const ids = [externalId];
    for (let i = 0; ids.length < 60; i++) {
      ids.push(`unknown-${run}-${String(i).padStart(3, '0')}-${'x'.repeat(48)}`);
    }
    const resp = await client.batchGet({ resourcePath: '/jobPostingStatus', ids, accessToken, versionString: VERSION });
    check(
      resp.config.method === 'post' && header(resp.config, 'X-HTTP-Method-Override') === 'GET' &&
        /^application\/x-www-form-urlencoded/.test(header(resp.config, 'Content-Type')),
      'the client did not tunnel', resp.config.headers
    );
    check(resp.status === 200, 'status', resp.status);
    check(resp.data.results?.[externalId]?.listingStatus === 'LISTED', 'the real job', resp.data.results);
    check(Object.keys(resp.data.errors || {}).length === ids.length - 1 && resp.data.errors[ids[1]]?.status === 404, 'unknown ids are per-key 404s', resp.data.errors);
  });

  await step('job posting CLOSE, its task, and the status after it (/v2)', async () => {
    const resp = await client.batchCreate({ resourcePath: '/simpleJobPostings', entities: [job('CLOSE')], accessToken }); // legacy /v2
    const el = resp.data.elements?.[0];
    check(resp.status === 200 && el?.status === 202 && typeof el.id === 'string', 'close answer', resp.data);
    const task = await pollTask(accessToken, el.id, null);
    check(task.status === 'SUCCEEDED', 'close task', task);
    const st = await listingStatus();
    check(st.listingStatus === 'NOT_LISTED', 'listing status after CLOSE', st);
    const again = await client.batchCreate({ resourcePath: '/simpleJobPostings', entities: [job('CLOSE')], accessToken, versionString: VERSION });
    check(again.data.elements?.[0]?.status === 409, 'a second CLOSE is a per-element 409', again.data);
  });

  await step('provisionedApplications create and finder (parent token, /v2)', async () => {
    const uniqueForeignId = `jsclient-${run}`;
    const created = await client.create({
      resourcePath: '/provisionedApplications',
      entity: { uniqueForeignId, name: 'JS client smoke test', description: 'Created by linkedin-api-client against the emulator' },
      accessToken: parent.access_token
    });
    check(created.status === 201, 'create status', created.status);
    check(/^urn:li:developerApplication:\d+$/.test(created.createdEntityId), 'createdEntityId (decoded X-RestLi-Id)', created.createdEntityId);
    check(created.data?.key === created.createdEntityId && created.data?.credentials?.client_id && created.data?.credentials?.client_secret, 'create body', created.data);
    const found = await client.finder({
      resourcePath: '/provisionedApplications', finderName: 'credentialsByUniqueForeignId', queryParams: { uniqueForeignId }, accessToken: parent.access_token
    });
    check(found.status === 200 && found.data.elements?.length === 1, 'finder', found.data);
    const app = found.data.elements[0];
    check(app.key === created.createdEntityId && app.uniqueForeignId === uniqueForeignId && app.credentials?.client_id === created.data.credentials.client_id, 'found application', app);
    const tok = await new AuthClient({ clientId: created.data.credentials.client_id, clientSecret: created.data.credentials.client_secret }).getTwoLeggedAccessToken();
    check(tok.access_token, 'the new child application gets a token', tok);
  });
}

try {
  await main();
  console.log(`PASS linkedin-api-client against ${BASE} (${exchanges.length} requests)`);
} catch (err) {
  console.error(`FAIL step "${current}": ${err instanceof Failure ? err.message : err?.stack || err}`);
  if (err?.response) {
    console.error(`  HTTP ${err.response.status} ${JSON.stringify(err.response.data)}`);
  }
  if (err?.config) {
    console.error(`  request: ${String(err.config.method).toUpperCase()} ${err.config.url}`);
    console.error(`  request headers: ${JSON.stringify(err.config.headers)}`);
  }
  console.error(`  last requests:\n    ${exchanges.slice(-5).join('\n    ')}`);
  process.exit(1);
}
