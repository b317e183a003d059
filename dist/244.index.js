"use strict";
exports.id = 244;
exports.ids = [244];
exports.modules = {

/***/ 3904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ Again),
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

/** What a check answers to read again sooner than the interval (a read not yet settled, settle.ts). */
class Again {
    afterMs;
    constructor(afterMs) {
        this.afterMs = afterMs;
    }
}
/** The shortest wait between two polls, which bounds how many there can be. */
const MIN_DELAY_MS = 1_000;
/**
 * Calls `check` until it gives an answer, the time is up, or the polls run out (a poll count as
 * well as a deadline, so a clock that stands still cannot loop forever). Undefined: no answer.
 * `check` gets the interval; an Again asks for the next poll sooner.
 */
async function pollUntil(options, defaultIntervalMs, check) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout;
    const interval = Math.max(1, options.intervalMs ?? defaultIntervalMs);
    const deadline = now() + options.timeoutMs;
    const maxPolls = Math.ceil(options.timeoutMs / Math.min(interval, MIN_DELAY_MS)) + 1;
    for (let poll = 0; poll < maxPolls; poll++) {
        const answer = await check(interval);
        if (answer !== undefined && !(answer instanceof Again))
            return answer;
        const left = deadline - now();
        if (left <= 0)
            break;
        const delay = answer instanceof Again ? Math.max(Math.min(answer.afterMs, interval), 1) : interval;
        await sleep(Math.min(delay, left));
    }
    return undefined;
}


/***/ }),

/***/ 5314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BX: () => (/* binding */ deregister),
  __: () => (/* binding */ listManagedRevisions),
  tx: () => (/* binding */ pruneRevisions),
  eQ: () => (/* binding */ registerTaskDefinition)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2588);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(4947);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/RegisterTaskDefinitionCommand.js


class RegisterTaskDefinitionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RegisterTaskDefinition", schemas_0/* RegisterTaskDefinition$ */.k31) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeTaskDefinitionCommand.js
var DescribeTaskDefinitionCommand = __webpack_require__(2511);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/DeregisterTaskDefinitionCommand.js


class DeregisterTaskDefinitionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeregisterTaskDefinition", schemas_0/* DeregisterTaskDefinition$ */.lkq) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/ListTaskDefinitionsCommand.js


class ListTaskDefinitionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListTaskDefinitions", schemas_0/* ListTaskDefinitions$ */.mbS) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/ListServicesCommand.js


class ListServicesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListServices", schemas_0/* ListServices$ */.vWu) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeServicesCommand.js
var DescribeServicesCommand = __webpack_require__(6987);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/parallel.ts
var parallel = __webpack_require__(3716);
// EXTERNAL MODULE: ./src/ecs/normalize.ts
var normalize = __webpack_require__(8470);
// EXTERNAL MODULE: ./src/ecs/tags.ts
var ecs_tags = __webpack_require__(3188);
;// CONCATENATED MODULE: ./src/ecs/register.ts





/** Marks the revisions this action registered, so cleanup never touches anyone else's. */
const MANAGED_TAG = { key: 'habitat-ecs-deploy:managed', value: 'true' };
/**
 * ListTaskDefinitions pages read at most (100 revisions a page): ECS keeps up to 1,000,000
 * revisions of a family (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html),
 * so every page is read; the bound only stops a loop that never ends.
 */
const MAX_PAGES = 10_000;
/**
 * Describe calls in flight at once: ECS throttles its read calls per account (a bucket refilled
 * at 20 a second for most of them, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html),
 * and the SDK retries what is throttled.
 */
const DESCRIBE_PARALLEL = 10;
/** ECS limits: 50 tags a resource, 128-character keys, 256-character values. */
const MAX_TAGS = 49;
/**
 * Registers the task definition unless the revision the service runs, or else the newest ACTIVE
 * revision of the family, is the same.
 */
async function registerTaskDefinition(ecs, input, options) {
    const family = input.family;
    if (!family)
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)('the task definition has no family'));
    const running = options.running && familyOf(options.running) === family
        ? await describeRevision(ecs, options.running)
        : undefined;
    // Compared with, in order: the running revision, then (unless that one matches) the newest.
    const newest = running && (0,normalize/* sameTaskDefinition */.JL)(running, input) ? undefined : await newestActiveRevision(ecs, family);
    const candidates = [running, newest].filter((c, i, all) => !!c?.taskDefinitionArn && all.findIndex((o) => o?.taskDefinitionArn === c.taskDefinitionArn) === i);
    const [first] = candidates;
    const previous = first ? { arn: first.taskDefinitionArn, taskDefinition: first } : undefined;
    const result = (arn, revision, changed) => ({
        arn,
        revision: revision ?? 0,
        family,
        changed,
        ...(previous ? { previous } : {}),
    });
    const same = candidates.find((c) => (0,normalize/* sameTaskDefinition */.JL)(c, input));
    if (same) {
        options.log.info(`Task definition unchanged: reusing ${same.taskDefinitionArn}`);
        return result(same.taskDefinitionArn, same.revision, false);
    }
    await options.beforeRegister?.();
    let registered;
    try {
        const out = await ecs.send(new RegisterTaskDefinitionCommand({ ...input, tags: mergeTags(input.tags, options.tags) }));
        registered = out.taskDefinition;
    }
    catch (e) {
        if (isClientError(e)) {
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`ECS rejected the task definition of family "${family}": ${e.message}`));
        }
        throw e;
    }
    if (!registered?.taskDefinitionArn)
        throw new Error(`RegisterTaskDefinition returned no ARN for ${family}`);
    options.log.info(`Registered ${registered.taskDefinitionArn}`);
    await dropLostRegistrations(ecs, registered, newest?.revision ?? 0, input, options);
    return result(registered.taskDefinitionArn, registered.revision, true);
}
/** The tag that names the run; a revision carrying ours was registered by this run. */
const RUN_TAG = 'habitat-ecs-deploy:run';
/**
 * RegisterTaskDefinition has no idempotency token: when its answer is lost (a 5xx or a reset after
 * ECS registered it), the SDK sends it again and ECS registers a second revision
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). The revisions
 * between the newest one seen before and ours that have our content and our run's tag are such
 * copies: they are deregistered, so one run leaves one ACTIVE revision.
 */
async function dropLostRegistrations(ecs, registered, newestBefore, input, options) {
    const run = options.tags?.[RUN_TAG];
    const revision = registered.revision ?? 0;
    if (!run || revision <= newestBefore + 1)
        return;
    const between = Array.from({ length: Math.min(revision - newestBefore - 1, 5) }, (_, i) => revision - 1 - i);
    const copies = await Promise.all(between.map(async (n) => {
        const out = await ecs.send(new DescribeTaskDefinitionCommand/* DescribeTaskDefinitionCommand */.Z({ taskDefinition: `${input.family}:${n}`, include: ['TAGS'] }));
        const ours = (out.tags ?? []).some((t) => t.key === RUN_TAG && t.value === (0,ecs_tags/* ecsTags */.p)({ run })['run']);
        const td = out.taskDefinition;
        return td?.status === 'ACTIVE' && ours && (0,normalize/* sameTaskDefinition */.JL)(td, input)
            ? td.taskDefinitionArn
            : undefined;
    }));
    for (const arn of copies) {
        if (!arn)
            continue;
        await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
        options.log.info(`Deregistered ${arn}: the same revision, registered by an attempt whose answer was lost`);
    }
}
/** The newest ACTIVE revision of a family, or undefined when it has none. */
async function newestActiveRevision(ecs, family) {
    // sort/maxResults make real ECS answer with one ARN; taking the highest revision of whatever
    // came back also works where they are ignored (moto returns every revision, oldest first).
    const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: 1 }));
    const arn = highestRevision(out.taskDefinitionArns ?? [], family);
    return arn ? describeRevision(ecs, arn) : undefined;
}
async function describeRevision(ecs, arn) {
    const described = await ecs.send(new DescribeTaskDefinitionCommand/* DescribeTaskDefinitionCommand */.Z({ taskDefinition: arn }));
    return described.taskDefinition;
}
/** ACTIVE revisions of the family that carry MANAGED_TAG, newest first. */
async function listManagedRevisions(ecs, family) {
    const arns = await listActiveRevisions(ecs, family);
    const tagged = await (0,parallel/* mapLimit */.s)(arns, DESCRIBE_PARALLEL, async (arn) => {
        const out = await ecs.send(new DescribeTaskDefinitionCommand/* DescribeTaskDefinitionCommand */.Z({ taskDefinition: arn, include: ['TAGS'] }));
        return (out.tags ?? []).some((t) => t.key === MANAGED_TAG.key && t.value === MANAGED_TAG.value);
    });
    return arns
        .filter((_, i) => tagged[i])
        .map((arn) => ({ arn, revision: revisionOf(arn) }))
        .sort((a, b) => b.revision - a.revision);
}
/**
 * Deregisters this action's revisions beyond the newest `keep`. Call it after a deployment is
 * stable: ECS cannot roll a service back onto an INACTIVE revision.
 */
async function pruneRevisions(ecs, options) {
    if (options.keep <= 0)
        return [];
    const running = await revisionsInUse(ecs, options.cluster).catch((e) => {
        // Without knowing what the services run, nothing is pruned: a deregistered revision cannot
        // be rolled back to or scaled.
        options.log.warning(`Not pruning old revisions of ${options.family}: cannot read which revisions the services of ` +
            `${options.cluster} run (${e.message}); allow ecs:ListServices and ecs:DescribeServices on them`);
        return undefined;
    });
    if (!running)
        return [];
    const protect = new Set([...(options.protect ?? []), ...running]);
    const managed = await listManagedRevisions(ecs, options.family);
    const doomed = managed.slice(options.keep).filter((r) => !protect.has(r.arn));
    return deregister(ecs, doomed, options.log);
}
/** Every revision a service of the cluster runs (any family: there are few). */
async function revisionsInUse(ecs, cluster) {
    const names = [];
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        const out = await ecs.send(new ListServicesCommand({ cluster, maxResults: 100, nextToken }));
        names.push(...(out.serviceArns ?? []));
        nextToken = out.nextToken;
        if (!nextToken)
            break;
    }
    const batches = Array.from({ length: Math.ceil(names.length / 10) }, (_, i) => names.slice(i * 10, i * 10 + 10));
    const described = await (0,parallel/* mapLimit */.s)(batches, DESCRIBE_PARALLEL, async (services) => {
        const out = await ecs.send(new DescribeServicesCommand/* DescribeServicesCommand */.H({ cluster, services }));
        // The service's revision (its PRIMARY deployment's), those of deployments still draining, and
        // of task sets (other deployment controllers).
        return (out.services ?? []).flatMap((s) => [
            s.taskDefinition,
            ...(s.deployments ?? []).filter((d) => d.status !== 'PRIMARY').map((d) => d.taskDefinition),
            ...(s.taskSets ?? []).map((t) => t.taskDefinition),
        ]);
    });
    return new Set(described.flat().filter((arn) => !!arn));
}
async function deregister(ecs, revisions, log) {
    const done = [];
    for (const r of revisions) {
        await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: r.arn }));
        log.info(`Deregistered ${r.arn}`);
        done.push(r.arn);
    }
    return done;
}
async function listActiveRevisions(ecs, family) {
    const arns = [];
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', nextToken }));
        arns.push(...(out.taskDefinitionArns ?? []).filter((a) => familyOf(a) === family));
        nextToken = out.nextToken;
        if (!nextToken)
            break;
    }
    return arns;
}
function mergeTags(fromInput, extra = {}) {
    const byKey = new Map();
    for (const t of fromInput ?? [])
        if (t.key)
            byKey.set(t.key, t.value ?? '');
    for (const [k, v] of Object.entries((0,ecs_tags/* ecsTags */.p)(extra)))
        byKey.set(k, v);
    byKey.delete(MANAGED_TAG.key);
    const tags = [...byKey].slice(0, MAX_TAGS).map(([key, value]) => ({ key, value }));
    return [...tags, { ...MANAGED_TAG }];
}
/** ...:task-definition/family:12 -> family */
function familyOf(arn) {
    const name = arn.split('/').pop() ?? '';
    return name.slice(0, name.lastIndexOf(':'));
}
function revisionOf(arn) {
    return Number(arn.split(':').pop());
}
function highestRevision(arns, family) {
    return arns.filter((a) => familyOf(a) === family).sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}
function isClientError(e) {
    const name = e?.name;
    return name === 'ClientException' || name === 'InvalidParameterException';
}


/***/ }),

/***/ 7848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ deleteService),
  z: () => (/* binding */ teardown)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/UpdateServiceCommand.js
var UpdateServiceCommand = __webpack_require__(7188);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2588);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(4947);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/DeleteServiceCommand.js


class DeleteServiceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteService", schemas_0/* DeleteService$ */.BBq) {
}

// EXTERNAL MODULE: ./src/ecs/poll.ts
var poll = __webpack_require__(3904);
// EXTERNAL MODULE: ./src/ecs/register.ts + 4 modules
var register = __webpack_require__(5314);
// EXTERNAL MODULE: ./src/ecs/service.ts
var service = __webpack_require__(5102);
;// CONCATENATED MODULE: ./src/ecs/teardown.ts




const DEFAULT_INTERVAL_MS = 5_000;
/**
 * Removes what a deploy made (PR previews): scales the service to 0, deletes it, waits for
 * INACTIVE, then deregisters the family's revisions that carry this action's marker tag.
 * Nothing there is not a failure: teardown is meant to be run again safely.
 */
async function teardown(ecs, options) {
    const deletion = await deleteService(ecs, options);
    const deregistered = [];
    if (options.family) {
        const managed = await (0,register/* listManagedRevisions */.__)(ecs, options.family);
        if (managed.length === 0)
            options.log.info(`No revisions of ${options.family} made by this action to deregister`);
        deregistered.push(...(await (0,register/* deregister */.BX)(ecs, managed, options.log)));
    }
    return { ...deletion, deregistered };
}
/** Scales the service to 0 and deletes it; a missing cluster or service is a no-op with a message. */
async function deleteService(ecs, options) {
    const { cluster, service: name, log } = options;
    const found = await (0,service/* findService */.Ln)(ecs, cluster, name);
    if (found === 'no-cluster' || !found || found.status === 'INACTIVE') {
        const where = found === 'no-cluster'
            ? `cluster ${cluster} does not exist`
            : `no active service ${name} in ${cluster}`;
        log.info(`Nothing to delete: ${where}`);
        return { deleted: false, inactive: true };
    }
    if (found.status === 'ACTIVE') {
        // Scale to 0 first, so tasks are stopped by the scheduler the usual way.
        if ((found.desiredCount ?? 0) > 0) {
            await ecs.send(new UpdateServiceCommand/* UpdateServiceCommand */.k({ cluster, service: name, desiredCount: 0 }));
        }
        await ecs.send(new DeleteServiceCommand({ cluster, service: name, force: true }));
        log.info(`Deleted service ${name} from ${cluster}`);
    }
    const inactive = await waitInactive(ecs, options);
    if (!inactive)
        log.warning(`Service ${name} was deleted but is not INACTIVE yet (still draining its tasks)`);
    return { deleted: true, inactive };
}
async function waitInactive(ecs, options) {
    const gone = await (0,poll/* pollUntil */.g)(options, DEFAULT_INTERVAL_MS, async () => {
        const found = await (0,service/* findService */.Ln)(ecs, options.cluster, options.service);
        return found === 'no-cluster' || !found || found.status === 'INACTIVE' ? true : undefined;
    });
    return gone ?? false;
}


/***/ }),

/***/ 1244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy),
  reportRollout: () => (/* binding */ reportRollout)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/ecs/service.ts
var ecs_service = __webpack_require__(5102);
// EXTERNAL MODULE: ./src/ecs/target-groups.ts
var target_groups = __webpack_require__(9921);
// EXTERNAL MODULE: ./src/ecs/strategy-checks.ts
var strategy_checks = __webpack_require__(2556);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2588);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(4947);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/ListTasksCommand.js


class ListTasksCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListTasks", schemas_0/* ListTasks$ */.$a_) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeTasksCommand.js


class DescribeTasksCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeTasks", schemas_0/* DescribeTasks$ */.Aw_) {
}

// EXTERNAL MODULE: ./src/progress.ts
var src_progress = __webpack_require__(4660);
// EXTERNAL MODULE: ./src/ecs/poll.ts
var poll = __webpack_require__(3904);
;// CONCATENATED MODULE: ./src/ecs/settle.ts
/**
 * ECS is eventually consistent: right after CreateService, UpdateService or RunTask, a read may
 * not see the write yet (DescribeServices or DescribeTasks answer MISSING, or the service as it
 * was, without the new deployment). AWS's advice is to read again with a backoff that starts at
 * a couple of seconds, over minutes (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html,
 * "eventual consistency"). So such an answer is believed only once the write is SETTLE_MS old and
 * two reads in a row have said it; before that the next read comes sooner (2 s, doubling up to
 * the caller's interval). A minute covers the propagation delays seen in practice (ecspresso and
 * the SDK's waiters absorb them with a few seconds of delay) while a service that is really gone
 * still fails the wait long before its timeout. Nothing irreversible (a delete, a rollback, a
 * StopTask) follows from a single read.
 */
const SETTLE_MS = 60_000;
const FIRST_DELAY_MS = 2_000;
class Settle {
    writtenAt;
    now;
    doubts = 0;
    constructor(writtenAt, now) {
        this.writtenAt = writtenAt;
        this.now = now;
    }
    /** A read contradicts the write: true when it is to be believed (see above). */
    believe() {
        this.doubts++;
        return this.now() - this.writtenAt >= SETTLE_MS && this.doubts >= 2;
    }
    /** A read saw the write: later contradictions start counting again. */
    seen() {
        this.doubts = 0;
    }
    /** How long to wait before the next read while in doubt. */
    delay(intervalMs) {
        return Math.min(intervalMs, FIRST_DELAY_MS * 2 ** Math.min(this.doubts - 1, 10));
    }
}

;// CONCATENATED MODULE: ./src/ecs/wait.ts





// ECS says "(deployment ecs-svc/1) deployment failed: tasks failed to start." and
// "rolling back to deployment ..." when the circuit breaker trips.
const BREAKER_TEXT = /circuit breaker|deployment failed|rolling back|rolled back/i;
function evaluateDeployment(service, target) {
    if (service.status && service.status !== 'ACTIVE') {
        return { state: 'failed', reason: `service ${service.serviceName ?? '?'} is ${service.status}` };
    }
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === target.deploymentId);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    if (ours?.rolloutState === 'FAILED') {
        return {
            state: 'failed',
            reason: `deployment ${ours.id} failed: ${ours.rolloutStateReason ?? 'no reason given'}`,
        };
    }
    const breaker = recentEvents(service.events ?? [], target.since).find((e) => e.message?.includes(target.deploymentId) && BREAKER_TEXT.test(e.message));
    if (breaker && target.deploymentId)
        return { state: 'failed', reason: breaker.message ?? 'circuit breaker' };
    if (!ours) {
        if (deployments.length === 0)
            return countsOnly(service);
        return {
            state: 'unseen',
            reason: `deployment ${target.deploymentId} is not listed; the service runs ${service.taskDefinition ?? 'another task definition'}`,
        };
    }
    if (ours.status === 'PRIMARY' &&
        service.taskDefinition &&
        service.taskDefinition !== target.taskDefinitionArn) {
        // The service as it was before our write (where a deployment keeps its id across updates).
        return {
            state: 'unseen',
            reason: `the service still names ${service.taskDefinition}, not ${target.taskDefinitionArn}`,
        };
    }
    if (primary && primary.id !== ours.id) {
        // Our deployment was pushed aside: by a rollback onto another task definition, or by a newer
        // deployment of the same one.
        const rolledBack = primary.taskDefinition !== target.taskDefinitionArn;
        return {
            state: 'failed',
            reason: rolledBack
                ? `rolled back: deployment ${primary.id} puts the service back on ${primary.taskDefinition ?? '?'}`
                : `superseded by deployment ${primary.id}`,
        };
    }
    if (ours.rolloutState === 'COMPLETED') {
        return { state: 'stable', reason: `deployment ${ours.id} completed: ${counts(ours)}` };
    }
    // Without a rollout state (older controllers, emulators) fall back to what the ECS
    // services-stable waiter checks: one deployment, all desired tasks running.
    if (!ours.rolloutState && deployments.length === 1 && ours.runningCount === ours.desiredCount) {
        return { state: 'stable', reason: `deployment ${ours.id} has ${counts(ours)}` };
    }
    return {
        state: 'in-progress',
        reason: `deployment ${ours.id} ${ours.rolloutState ?? 'in progress'}: ${counts(ours)}`,
    };
}
function countsOnly(service) {
    const stable = (service.runningCount ?? 0) === (service.desiredCount ?? 0);
    const reason = `${service.runningCount ?? 0}/${service.desiredCount ?? 0} tasks running`;
    return { state: stable ? 'stable' : 'in-progress', reason };
}
function counts(d) {
    const failed = d.failedTasks ? `, ${d.failedTasks} failed` : '';
    return `${d.runningCount ?? 0}/${d.desiredCount ?? 0} tasks running, ${d.pendingCount ?? 0} pending${failed}`;
}
/** Events at or after `since`, oldest first (ECS lists them newest first). */
function recentEvents(events, since) {
    return events
        .filter((e) => !since || !e.createdAt || e.createdAt.getTime() >= since.getTime())
        .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}
/** The recent events not seen before, oldest first; marks them seen. */
function takeNewEvents(events, seen, since) {
    const fresh = recentEvents(events, since).filter((e) => !seen.has(eventKey(e)));
    for (const e of fresh)
        seen.add(eventKey(e));
    return fresh;
}
function eventKey(e) {
    return e.id ?? `${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`;
}
const DEFAULT_INTERVAL_MS = 15_000;
const MAX_EVENTS = 20;
const MAX_STOPPED_TASKS = 10;
/** Polls DescribeServices until our deployment is stable, has failed, or time runs out. */
async function waitForDeployment(ecs, options) {
    const { log } = options;
    const seen = new Set();
    let last;
    const target = { ...options };
    // The wait starts right after the write it waits for: reads that do not see it yet are doubted.
    const settle = new Settle((options.now ?? Date.now)(), options.now ?? Date.now);
    const ended = await (0,poll/* pollUntil */.g)(options, DEFAULT_INTERVAL_MS, async (interval) => {
        const service = await (0,ecs_service/* describeService */.Jv)(ecs, options.cluster, options.service);
        if (!service) {
            if (!settle.believe()) {
                log.debug(`${options.service}: not listed yet (ECS is eventually consistent): reading again`);
                return new poll/* Again */.N(settle.delay(interval));
            }
            return finish(ecs, target, {
                outcome: 'failed',
                reason: `service ${options.service} no longer exists`,
            });
        }
        // Without a start time from the caller, our deployment's own start separates its events
        // from the service's history.
        target.since ??= service.deployments?.find((d) => d.id === options.deploymentId)?.createdAt;
        for (const e of takeNewEvents(service.events ?? [], seen, target.since)) {
            log.info(`${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`.trim());
        }
        const state = evaluateDeployment(service, target);
        last = { service, state };
        log.debug(`${options.service}: ${state.state}: ${state.reason}`);
        if (state.state === 'unseen') {
            if (!settle.believe())
                return new poll/* Again */.N(settle.delay(interval));
            return finish(ecs, target, { outcome: 'failed', reason: state.reason, service });
        }
        settle.seen();
        if (state.state !== 'in-progress') {
            return finish(ecs, target, { outcome: state.state, reason: state.reason, service });
        }
        return undefined;
    });
    if (ended)
        return ended;
    const seconds = Number((options.timeoutMs / 1000).toFixed(1));
    const reason = `not stable after ${seconds} s: ${last?.state.reason ?? 'no answer from ECS'}`;
    return finish(ecs, target, { outcome: 'timed-out', reason, ...(last ? { service: last.service } : {}) });
}
async function finish(ecs, options, result) {
    const events = recentEvents(result.service?.events ?? [], options.since).slice(-MAX_EVENTS);
    if (result.outcome === 'stable')
        return { ...result, events, stoppedTasks: [] };
    const stopped = await stoppedTasksOf(ecs, options, options.log);
    return { ...result, events, stoppedTasks: stopped };
}
/** Why the service's recently stopped tasks stopped (bounded). Never fails the caller. */
async function stoppedTasksOf(ecs, options, log) {
    const { cluster, service, deploymentId } = options;
    try {
        // ECS starts a deployment's tasks with startedBy its id, and a startedBy filter must be the
        // only one (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html):
        // the tasks of our deployment, whatever their state, of which the stopped ones are kept. Those
        // of other deployments (another revision's) are never shown as ours.
        const listed = await ecs.send(new ListTasksCommand(deploymentId
            ? { cluster, startedBy: deploymentId, maxResults: 100 }
            : { cluster, serviceName: service, desiredStatus: 'STOPPED', maxResults: 100 }));
        const arns = listed.taskArns ?? [];
        if (arns.length === 0)
            return [];
        const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }));
        return (described.tasks ?? [])
            .filter((t) => t.lastStatus === 'STOPPED' &&
            (deploymentId ? t.startedBy === deploymentId : t.taskDefinitionArn === options.taskDefinitionArn))
            .slice(0, MAX_STOPPED_TASKS)
            .map((t) => ({
            taskArn: t.taskArn ?? '?',
            ...(t.taskDefinitionArn ? { taskDefinitionArn: t.taskDefinitionArn } : {}),
            ...(t.startedBy ? { startedBy: t.startedBy } : {}),
            ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
            containers: (t.containers ?? [])
                .filter((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0))
                .map((c) => [c.name, c.exitCode !== undefined ? `exit ${c.exitCode}` : '', c.reason]
                .filter(Boolean)
                .join(': ')),
        }));
    }
    catch (e) {
        log.debug(`could not read stopped tasks of ${service}: ${e.message}`);
        return [];
    }
}
/** The explanation of a deployment that did not become stable, one line each, for the step failure. */
function explainFailure(result) {
    const lines = [`Deployment ${result.outcome}: ${result.reason}`];
    if (result.events.length > 0) {
        lines.push('Recent service events:');
        for (const e of result.events)
            lines.push(`  ${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`.trimEnd());
    }
    if (result.stoppedTasks.length > 0) {
        lines.push('Stopped tasks:');
        for (const t of result.stoppedTasks) {
            lines.push(`  ${(0,src_progress/* shortArn */.k$)(t.taskArn)}: ${t.stoppedReason ?? 'no reason given'}`);
            for (const c of t.containers)
                lines.push(`    ${c}`);
        }
    }
    return lines;
}

// EXTERNAL MODULE: ./src/modes/report.ts
var modes_report = __webpack_require__(2084);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/process.ts
var src_process = __webpack_require__(4006);
// EXTERNAL MODULE: ./src/parallel.ts
var parallel = __webpack_require__(3716);
;// CONCATENATED MODULE: ./src/docker-build/command.ts
/**
 * The `docker build` of one image, writing its id to `iidFile`. buildx loads the image into the
 * engine (`--load`), where the push finds it. The legacy builder gets `--platform` only when the
 * engine takes it; the image's platform is checked after the build either way.
 */
function buildCommand(build, builder, iidFile) {
    const argv = builder.kind === 'buildx' ? ['buildx', 'build', '--load'] : ['build'];
    if (builder.kind === 'buildx' || builder.platformFlag)
        argv.push('--platform', build.platform);
    argv.push('--file', build.dockerfile, '--iidfile', iidFile);
    if (build.target !== undefined)
        argv.push('--target', build.target);
    const shown = [...argv];
    for (const arg of build.args) {
        const value = arg.value === undefined ? arg.name : `${arg.name}=${arg.value}`;
        argv.push('--build-arg', value);
        shown.push('--build-arg', arg.secret && arg.value !== undefined ? `${arg.name}=***` : value);
    }
    for (const [key, value] of build.labels) {
        argv.push('--label', `${key}=${value}`);
        shown.push('--label', `${key}=${value}`);
    }
    argv.push(build.context);
    shown.push(build.context);
    return { argv, shown: ['docker', ...shown].map(quote).join(' ') };
}
/** An argument as a shell would need it, for reading only: nothing runs through a shell. */
function quote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
/** `1.41` >= `1.38`, numerically per part. */
function apiAtLeast(version, minimum) {
    const a = version.split('.').map(Number);
    const b = minimum.split('.').map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? 0;
        const y = b[i] ?? 0;
        if (Number.isNaN(x))
            return false;
        if (x !== y)
            return x > y;
    }
    return true;
}
/** `linux/arm64/v8` -> `linux/arm64`: what an image's Os and Architecture say. */
function osArch(platform) {
    return platform.split('/').slice(0, 2).join('/');
}

;// CONCATENATED MODULE: ./src/docker-build/docker.ts






/** How long `docker buildx version` and `docker version` may take. */
const QUERY_TIMEOUT_MS = 2 * 60 * 1000;
/** The engine API from which `docker build` takes `--platform`. */
const PLATFORM_API = '1.38';
/**
 * Builds every image with the Docker engine, at most `maxParallel` at once, each handed to
 * `onBuilt` as soon as it is there. Nothing is tagged or pushed here: the push does that.
 */
async function buildImages(builds, options) {
    const run = options.run ?? src_process/* runProcess */.R3;
    const env = options.env ?? process.env;
    const builder = await detectBuilder(run, env, options.log);
    // A platform the legacy builder cannot be asked for fails here, before any build starts.
    if (builder.kind === 'legacy' && !builder.platformFlag) {
        const foreign = builds.filter((b) => osArch(b.platform) !== builder.engine);
        if (foreign.length > 0) {
            throw new diagnostics/* UserError */.yo(foreign.map((b) => (0,diagnostics/* error */.z3)(`cannot build ${b.repository} (service ${b.services.join(', ')}) for ${b.platform}: the engine builds for ${builder.engine} and is too old to take --platform (API < ${PLATFORM_API}); install buildx or build on a ${b.platform} runner`)));
        }
    }
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    return (0,parallel/* mapLimit */.s)(builds, options.maxParallel, async (build) => {
        const image = await buildOne(build, builder, { ...options, run, env });
        options.onBuilt?.(image);
        return image;
    });
}
/** buildx when `docker buildx` answers; else the legacy builder, and what its engine takes. */
async function detectBuilder(run, env, log) {
    const buildx = await runDocker(run, ['buildx', 'version'], { env, timeoutMs: QUERY_TIMEOUT_MS });
    if (buildx.exitCode === 0) {
        log.info(`Building with ${buildx.stdout.trim() || 'docker buildx'}`);
        return { kind: 'buildx' };
    }
    const version = await runDocker(run, ['version', '--format', '{{.Server.APIVersion}} {{.Server.Os}}/{{.Server.Arch}}'], { env: legacyEnvironment(env), timeoutMs: QUERY_TIMEOUT_MS });
    const [api = '', engine = ''] = version.stdout.trim().split(' ');
    if (version.exitCode !== 0 || !/^\d+\.\d+$/.test(api) || !engine.includes('/')) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`the Docker engine does not answer \`docker version\` (${(0,src_process/* describeExit */.KE)(version)}):\n${version.tail.join('\n')}`));
    }
    const platformFlag = apiAtLeast(api, PLATFORM_API);
    log.info(`Building with the legacy builder (no docker buildx) on a ${engine} engine, API ${api}: ` +
        (platformFlag
            ? '--platform is passed'
            : `--platform is not taken before API ${PLATFORM_API}, so it is left out`));
    return { kind: 'legacy', platformFlag, engine };
}
async function buildOne(build, builder, options) {
    const { log } = options;
    const who = `${build.repository} (service ${build.services.join(', ')})`;
    for (const arg of build.args)
        if (arg.secret && arg.value)
            log.setSecret(arg.value);
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, 'build-'));
    const iidFile = external_node_path_.join(dir, 'image-id');
    const command = buildCommand(build, builder, iidFile);
    log.info(`Building ${who}: ${command.shown}`);
    const prefix = `[${build.services[0]}] `;
    const result = await runDocker(options.run, command.argv, {
        env: builder.kind === 'legacy' ? legacyEnvironment(options.env) : options.env,
        timeoutMs: options.timeoutMs,
        tailLines: 25,
        onLine: (line) => log.info(prefix + line),
    });
    if (result.exitCode !== 0 || result.timedOut) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`building ${who} failed: docker ${(0,src_process/* describeExit */.KE)(result)}. Last lines of its output:\n${result.tail.join('\n')}`));
    }
    const id = (await (0,promises_.readFile)(iidFile, 'utf8').catch(() => '')).trim();
    if (!/^sha256:[a-f0-9]{64}$/.test(id))
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`docker built ${who} but wrote no image id to ${iidFile}`));
    const inspected = await runDocker(options.run, ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', id], {
        env: options.env,
        timeoutMs: QUERY_TIMEOUT_MS,
    });
    const platform = inspected.stdout.trim();
    if (inspected.exitCode !== 0)
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`the image docker built for ${who} (${id}) is not in the engine: ${inspected.tail.join(' ')}`));
    // ECS would pull an image it cannot run and fail only when the task starts: stop here instead.
    if (platform !== osArch(build.platform)) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`${who} was built for ${platform}, not ${build.platform}` +
            (builder.kind === 'legacy'
                ? ": the legacy builder takes the platform from the base image (FROM scratch: the engine's own); build with buildx, or on a runner of that platform"
                : '')));
    }
    log.info(`Built ${who}: ${id}`);
    return { repository: build.repository, imageId: id, name: `${build.repository} (built)`, build };
}
/**
 * The legacy builder's environment: DOCKER_BUILDKIT=1 without buildx would make docker refuse to
 * build at all.
 */
function legacyEnvironment(env) {
    return { ...env, DOCKER_BUILDKIT: '0' };
}
async function runDocker(run, args, options) {
    try {
        return await run('docker', args, options);
    }
    catch (e) {
        if (e instanceof src_process/* CommandNotFoundError */.v$)
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)('`docker` is not on PATH: it is needed to build the images of build: services'));
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/habitat/export-report.ts
/** Pure parsing of the export report file the exporter writes. No I/O here. */
/** Why a report could not be used; the caller adds the file and the package. */
class ExportReportError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ExportReportError';
    }
}
const IMAGE_ID = /^(sha256:)?[a-f0-9]+$/;
/** Parses `key=value` lines; requires `id` and `name`, and at least one tag. */
function parseExportReport(text) {
    const values = new Map();
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new ExportReportError(`line "${line}" is not key=value`);
        values.set(line.slice(0, eq).trim(), unquote(line.slice(eq + 1).trim()));
    }
    const id = values.get('id') ?? '';
    const name = values.get('name') ?? '';
    const missing = [id === '' ? 'id' : '', name === '' ? 'name' : ''].filter(Boolean);
    if (missing.length > 0)
        throw new ExportReportError(`no value for ${missing.join(' and ')}`);
    let tags = splitList(values.get('tags'));
    if (tags.length === 0) {
        // Older exporters may only write name_tags (`name:tag,...`).
        tags = splitList(values.get('name_tags')).map((ref) => ref.slice(ref.lastIndexOf(':') + 1));
    }
    if (tags.length === 0)
        throw new ExportReportError('no tags (neither "tags" nor "name_tags" has a value)');
    // The id is handed to docker as an argument: it must be an id, never something read as an option.
    if (!IMAGE_ID.test(id))
        throw new ExportReportError(`id "${id}" is not an image id (sha256:<hex> or <hex>)`);
    return { id, name, tags };
}
function unquote(value) {
    const m = /^(["'])(.*)\1$/.exec(value);
    return m ? (m[2] ?? '') : value;
}
function splitList(value) {
    return (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * The package version and release, from the exporter's default tags: a tag `V` next to a tag
 * `V-R` where R is a Habitat release (a 14-digit timestamp).
 */
function versionFromTags(tags) {
    const set = new Set(tags);
    for (const tag of tags) {
        const m = /^(.+)-(\d{14})$/.exec(tag);
        if (m && m[1] !== undefined && set.has(m[1]))
            return { version: m[1], release: m[2] };
    }
    return {};
}

// EXTERNAL MODULE: ./src/habitat/export-command.ts
var export_command = __webpack_require__(4817);
// EXTERNAL MODULE: ./src/translate/habitat/package-source.ts
var package_source = __webpack_require__(262);
;// CONCATENATED MODULE: ./src/habitat/export.ts







/** How long `hab --version` and `hab pkg export --help` may take. */
const HAB_QUERY_TIMEOUT_MS = 5 * 60 * 1000;
const INSTALL_HAB = 'install the Habitat CLI in an earlier workflow step, e.g. ' +
    '`curl -fsSL https://raw.githubusercontent.com/habitat-sh/habitat/main/components/hab/install.sh | sudo bash`, ' +
    'and set HAB_LICENSE=accept-no-persist in the environment';
/**
 * The ident or .hart path to hand to hab. A .hart path is made absolute: hab runs in a private
 * working directory.
 */
function packageArgument(source, workspace = process.cwd()) {
    if (source.kind === 'hart')
        return external_node_path_.resolve(workspace, source.path);
    return [source.origin, source.name, source.version, source.version ? source.release : undefined]
        .filter((part) => part !== undefined && part !== '')
        .join('/');
}
/**
 * hab's environment: the caller's, plus the license acceptance CI needs unless the user chose one,
 * and no terminal colours: hab writes ANSI escapes even into a pipe, and they would end up as
 * garbage in the log and in the annotation that quotes a failed export's output.
 */
function habEnvironment(env) {
    return { ...env, HAB_NOCOLORING: 'true', HAB_LICENSE: env.HAB_LICENSE || 'accept-no-persist' };
}
/** Fails unless hab and docker (which the exporter calls) are on PATH. No process is run. */
function checkExportTools(env) {
    const problems = [];
    if (!(0,src_process/* findExecutable */.oq)('hab', env))
        problems.push((0,diagnostics/* error */.z3)(`\`hab\` is not on PATH: ${INSTALL_HAB}`));
    if (!(0,src_process/* findExecutable */.oq)('docker', env))
        problems.push((0,diagnostics/* error */.z3)('`docker` is not on PATH: the Habitat exporter builds images with the docker CLI'));
    if (problems.length > 0)
        throw new diagnostics/* UserError */.yo(problems);
}
/** Asks hab which exporter it has: its version, or its help when the version is not readable. */
async function detectExportVerb(run, env, log) {
    const versionRun = await runHab(run, ['--version'], { env, timeoutMs: HAB_QUERY_TIMEOUT_MS });
    const version = (0,export_command/* parseHabVersion */.hs)(versionRun.stdout + versionRun.stderr);
    let choice = version && (0,export_command/* exportVerbForVersion */.HO)(version);
    if (!choice) {
        const helpRun = await runHab(run, ['pkg', 'export', '--help'], { env, timeoutMs: HAB_QUERY_TIMEOUT_MS });
        choice = (0,export_command/* exportVerbFromHelp */.tm)(helpRun.stdout + helpRun.stderr);
        if (!choice) {
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)('`hab --version` printed no version and `hab pkg export --help` shows neither a `container` subcommand nor ' +
                'a format argument: use a Habitat release that can export container images (2.x recommended)'));
        }
    }
    log.info(`Using \`hab pkg export ${choice.verb}\`: ${choice.why}`);
    return { ...choice, ...(version && { version }) };
}
/** Runs hab; hab missing from PATH is the user's to fix. */
async function runHab(run, args, options) {
    try {
        return await run('hab', args, options);
    }
    catch (e) {
        if (e instanceof src_process/* CommandNotFoundError */.v$)
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`\`hab\` is not on PATH: ${INSTALL_HAB}`));
        throw e;
    }
}
/**
 * Exports every package to a local image, one after the other: concurrent hab processes share
 * the package store and artifact cache under /hab, where concurrent installs of the same
 * dependency have raced before, and the exports of one project share most dependencies.
 * Pushing is where parallelism pays off: onExported lets each image push while the next exports.
 */
async function exportPackages(packages, options) {
    const env = habEnvironment(options.env ?? process.env);
    const run = options.run ?? src_process/* runProcess */.R3;
    // A token for private origins reaches hab (and its exporter) through the environment only.
    if (env.HAB_AUTH_TOKEN)
        options.log.setSecret(env.HAB_AUTH_TOKEN);
    checkExportTools(env);
    const engine = (0,export_command/* containerEngineProblem */.rh)(env);
    if (engine)
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(engine));
    const { verb, version } = await detectExportVerb(run, env, options.log);
    let settings = options.settings ?? export_command/* DEFAULT_EXPORT_SETTINGS */.zA;
    const tooOld = settings.multiLayer ? (0,export_command/* multiLayerProblem */.iN)(version) : undefined;
    if (tooOld) {
        options.log.warning(`${tooOld}: exporting every image as one layer`);
        settings = { ...settings, multiLayer: false };
    }
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    const images = [];
    for (const source of packages) {
        const image = await exportOne(source, verb, { ...options, settings, env, run });
        images.push(image);
        options.onExported?.(image);
    }
    return images;
}
async function exportOne(source, verb, options) {
    const { log } = options;
    const target = packageArgument(source, options.workspace);
    const settings = options.settings ?? export_command/* DEFAULT_EXPORT_SETTINGS */.zA;
    const attempt = async (withSettings) => {
        // The report lands in ./results of hab's working directory: one private directory each.
        const cwd = await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, `export-${source.origin}-${source.name}-`));
        const args = (0,export_command/* exportArguments */.Lz)(verb, source, target, withSettings);
        log.info(`hab ${args.join(' ')}`);
        const result = await runHab(options.run, args, {
            cwd,
            env: options.env,
            timeoutMs: options.timeoutMs,
            onLine: (line) => log.output(line),
        });
        return { cwd, result };
    };
    let { cwd, result } = await attempt(settings);
    const refusal = settings.multiLayer && result.exitCode !== 0 && !result.timedOut
        ? (0,export_command/* multiLayerRefusal */.XV)(`${result.stdout}\n${result.stderr}`)
        : undefined;
    if (refusal) {
        log.warning(`exporting ${target} with one layer per package failed: ${refusal}; exporting it as one layer`);
        ({ cwd, result } = await attempt({ ...settings, multiLayer: false }));
    }
    if (result.exitCode !== 0 || result.timedOut) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`exporting ${target} failed: \`hab pkg export ${verb}\` ${(0,src_process/* describeExit */.KE)(result)}. ` +
            `Last lines of its output:\n${result.tail.join('\n')}`));
    }
    const report = await readReport(cwd, verb, target);
    const fromTags = versionFromTags(report.tags);
    return {
        source,
        repository: (0,package_source/* repositoryOf */._M)(source),
        imageId: report.id,
        name: report.name,
        tags: report.tags,
        version: source.version ?? fromTags.version,
        release: source.release ?? fromTags.release,
    };
}
async function readReport(cwd, verb, target) {
    const names = verb === 'container' ? ['container', 'docker'] : ['docker', 'container'];
    const files = names.map((n) => external_node_path_.join(cwd, 'results', `last_${n}_export.env`));
    for (const file of files) {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                continue;
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`cannot read the export report ${file} of ${target}: ${e.message}`));
        }
        try {
            return parseExportReport(text);
        }
        catch (e) {
            if (!(e instanceof ExportReportError))
                throw e;
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`the export report ${file} of ${target} is unusable: ${e.message}`));
        }
    }
    throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`\`hab pkg export ${verb} ${target}\` succeeded but wrote no report ` +
        `(looked for ${files.join(' and ')}): cannot tell which image it built`));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/image/normalize.ts
/**
 * What makes two exports of the same packages the same layer bytes. Pure.
 *
 * Without Docker's build cache every export of the same packages stamps new times (package
 * directories, the /bin links, the rendered files) and lists some layers' entries in the order the
 * engine found them. Nothing else differs: contents, modes, owners and link targets are the same.
 * So each entry's time is clamped to a fixed epoch, the entries are sorted, and what only a tar
 * tool reads (user and group names, access and change times) is dropped. What a container sees
 * once the layer is unpacked (contents, modes, numeric owners, link targets, device numbers,
 * extended attributes) does not change; only modification times later than the epoch do.
 */
/** 2000-01-01T00:00:00Z. Later modification times become this (earlier ones stay); after 1980, so zip tools accept it. */
const LAYER_EPOCH = 946_684_800;
/** Types with no data in the archive (hard and symbolic links, devices, directories, fifos). */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);
/** The path as a list of components, to sort by: `./a/b/` and `a/b` are the same place. */
function components(name) {
    return name
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '')
        .split('/');
}
/** Component by component, byte order: a directory comes right before everything under it. */
function comparePaths(a, b) {
    const x = components(a);
    const y = components(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const p = x[i];
        const q = y[i];
        if (p !== q)
            return p < q ? -1 : 1;
    }
    return x.length - y.length;
}
/** One entry with what changes nothing a container sees set to fixed values. */
function normalizeEntry(entry, epoch) {
    const headerOnly = HEADER_ONLY.has(entry.type);
    return {
        ...entry,
        mtime: Math.min(entry.mtime, epoch),
        uname: '',
        gname: '',
        size: headerOnly ? 0 : entry.size,
        devmajor: entry.type === '3' || entry.type === '4' ? entry.devmajor : 0,
        devminor: entry.type === '3' || entry.type === '4' ? entry.devminor : 0,
    };
}
/**
 * The entries of a layer in a reproducible order with reproducible headers. Sorted by path (a
 * stable sort: a path listed twice keeps its last version last); a hard link whose target comes
 * later in that order is moved to just after its target, as unpacking needs the target first.
 */
function normalizeEntries(entries, epoch = LAYER_EPOCH) {
    const sorted = entries.map((e) => normalizeEntry(e, epoch)).sort((a, b) => comparePaths(a.name, b.name));
    const key = (name) => components(name).join('/');
    const names = new Set(sorted.map((e) => key(e.name)));
    const emitted = new Set();
    const waiting = new Map();
    const out = [];
    const emit = (entry) => {
        out.push(entry);
        const name = key(entry.name);
        emitted.add(name);
        const links = waiting.get(name);
        if (links) {
            waiting.delete(name);
            links.forEach(emit);
        }
    };
    for (const entry of sorted) {
        const target = key(entry.linkname);
        if (entry.type === '1' && names.has(target) && !emitted.has(target) && target !== key(entry.name)) {
            waiting.set(target, [...(waiting.get(target) ?? []), entry]);
        }
        else {
            emit(entry);
        }
    }
    // Links whose target never came (a cycle of links): in their sorted order, at the end.
    for (const links of waiting.values())
        out.push(...links);
    return out;
}

;// CONCATENATED MODULE: ./src/image/config.ts


/**
 * The image config and manifest the action pushes: the exported image's, made reproducible. Pure.
 *
 * What changes: `rootfs.diff_ids` (the normalised layers), `created` and every history entry's
 * `created` (the package's release time), and what only records how the image was built and
 * differs from one build to the next: the build container's id and config (`container`,
 * `container_config`), the parent image id (`config.Image`) and `docker_version`. What the
 * container runs with (`config`: Entrypoint, Cmd, Env, ExposedPorts, User, WorkingDir, Labels,
 * ...) and the history's commands are kept as they are. Keys are written sorted, without spaces,
 * so the bytes do not depend on which Docker wrote the config.
 */
const MEDIA_TYPES = {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** JSON with object keys in sorted order at every level, no whitespace. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const object = value;
        const keys = Object.keys(object)
            .filter((k) => object[k] !== undefined)
            .sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** `YYYYMMDDHHMMSS` (a Habitat release) as an RFC 3339 time; the layer epoch when there is none. */
function releaseTime(release) {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(release ?? '');
    if (m) {
        const time = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
        if (!Number.isNaN(time.getTime()))
            return time.toISOString().replace('.000Z', 'Z');
    }
    return new Date(LAYER_EPOCH * 1000).toISOString().replace('.000Z', 'Z');
}
/** A config that is not a JSON object, or whose history does not match its layers. */
class ImageConfigError extends Error {
}
/** The exported image's config, reproducible, with the normalised layers' digests; see above. */
function reproducibleConfig(config, diffIds, created) {
    if (config === null || typeof config !== 'object' || Array.isArray(config))
        throw new ImageConfigError('the image config is not a JSON object');
    const { container: _container, container_config: _containerConfig, docker_version: _dockerVersion, ...rest } = config;
    const out = {
        ...rest,
        created,
        rootfs: { type: 'layers', diff_ids: [...diffIds] },
    };
    const runtime = rest.config;
    if (runtime !== null && typeof runtime === 'object' && !Array.isArray(runtime)) {
        const { Image: _parent, ...kept } = runtime;
        out.config = kept;
    }
    if (Array.isArray(rest.history)) {
        const history = rest.history;
        const layered = history.filter((h) => !h?.empty_layer).length;
        if (layered !== diffIds.length)
            throw new ImageConfigError(`the image history lists ${layered} layers, the image has ${diffIds.length}`);
        out.history = history.map((h) => (h !== null && typeof h === 'object' ? { ...h, created } : h));
    }
    return Buffer.from(canonicalJson(out));
}
/** A Docker image manifest (schema 2) for the config and layers, keys in the order Docker writes them. */
function imageManifest(config, layers) {
    const descriptor = (d) => ({ mediaType: d.mediaType, size: d.size, digest: d.digest });
    return Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.manifest,
        config: descriptor(config),
        layers: layers.map(descriptor),
    }));
}

;// CONCATENATED MODULE: ./src/registry/known-layers.ts

/**
 * Which layers the registry already holds, by their uncompressed digest (the config's diff_id).
 * A normalised layer's diff_id is known before it is compressed, so a layer found here costs
 * neither compression nor upload; and the compressed bytes are reused exactly as the registry
 * holds them, whichever zlib made them. Filled from the images the run's tags already name in a
 * repository (their manifests and configs) and from the layers pushed so far in the run.
 */
class KnownLayers {
    layers = new Map();
    learn(diffId, descriptor, repository) {
        const known = this.layers.get(diffId);
        if (known)
            known.repositories.add(repository);
        else
            this.layers.set(diffId, { descriptor, repositories: new Set([repository]) });
    }
    /** The layer and where it is: in `repository` itself, or in another repository it can be mounted from. */
    find(diffId, repository) {
        const known = this.layers.get(diffId);
        if (!known)
            return undefined;
        if (known.repositories.has(repository))
            return { descriptor: known.descriptor, here: true };
        const [from] = [...known.repositories].sort();
        return from ? { descriptor: known.descriptor, here: false, from } : undefined;
    }
    get size() {
        return this.layers.size;
    }
}
const IMAGE_MANIFESTS = new Set([MEDIA_TYPES.manifest, 'application/vnd.oci.image.manifest.v1+json']);
const GZIP_LAYERS = new Set([MEDIA_TYPES.layer, 'application/vnd.oci.image.layer.v1.tar+gzip']);
/** The config digest and gzip layers of a single-image manifest; undefined for anything else. Pure. */
function manifestLayers(raw) {
    let doc;
    try {
        doc = JSON.parse(raw.bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
    const type = typeof doc.mediaType === 'string' ? doc.mediaType : raw.mediaType;
    if (!IMAGE_MANIFESTS.has(type) || typeof doc.config?.digest !== 'string' || !Array.isArray(doc.layers))
        return undefined;
    const layers = doc.layers.map((l) => typeof l?.mediaType === 'string' &&
        GZIP_LAYERS.has(l.mediaType) &&
        typeof l.digest === 'string' &&
        typeof l.size === 'number'
        ? { mediaType: MEDIA_TYPES.layer, size: l.size, digest: l.digest }
        : undefined);
    return { config: doc.config.digest, layers };
}
/** The diff_ids of an image config's bytes; undefined when it has none. Pure. */
function configDiffIds(config) {
    try {
        const ids = JSON.parse(config.toString('utf8')).rootfs?.diff_ids;
        return Array.isArray(ids) && ids.every((d) => typeof d === 'string') ? ids : undefined;
    }
    catch {
        return undefined;
    }
}
/** Learns the layers of an image in `repository` from its manifest and config, when they pair up. */
function learnImage(known, repository, layers, diffIds) {
    if (layers.length !== diffIds.length)
        return;
    layers.forEach((descriptor, i) => {
        if (descriptor)
            known.learn(diffIds[i], descriptor, repository);
    });
}

// EXTERNAL MODULE: ./src/registry/login.ts
var login = __webpack_require__(4142);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var manifest = __webpack_require__(506);
// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/registry/tags.ts
/**
 * The version tags to push for one image, in order. Only those the exporter actually made, so
 * nothing is invented for a package whose version is unknown.
 */
function imageTags(image, choice) {
    const wanted = [];
    const made = new Set(image.tags);
    if (choice.version && image.version && made.has(image.version))
        wanted.push(image.version);
    const versionRelease = image.version && image.release ? `${image.version}-${image.release}` : undefined;
    if (choice.versionRelease && versionRelease && made.has(versionRelease))
        wanted.push(versionRelease);
    return wanted;
}
/** The manifest digest `docker push` reports (`<tag>: digest: sha256:... size: N`), if any. */
function parsePushDigest(output) {
    const matches = [...output.matchAll(/\bdigest: (sha256:[a-f0-9]{64})\b/g)];
    return matches.at(-1)?.[1];
}

// EXTERNAL MODULE: ./src/registry/validate.ts
var validate = __webpack_require__(5357);
;// CONCATENATED MODULE: ./src/registry/docker-push.ts








/** What a push that finally failed means: the permissions a push needs, and immutable tags. */
const PUSH_ADVICE = {
    permissions: 'ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ' +
        'ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchGetImage',
    fatalHint: (message) => (0,retry/* isImmutableRefusal */.jJ)(message)
        ? ': the repository has immutable tags and this tag already names another image; push under a new image-tag'
        : '',
};
/**
 * Tags and pushes every image, at most `maxParallel` at once. A tag whose manifest in the
 * registry already describes the local image is not pushed again. Transient registry errors are
 * retried with capped backoff; refused credentials fail at once.
 */
async function pushImages(images, options) {
    const tagLists = images.map((image) => ({ image, tags: options.tags(image) }));
    const problems = tagLists.flatMap(({ image, tags }) => [
        ...(tags.length === 0 ? [(0,diagnostics/* error */.z3)(`${image.repository}: no tag to push it under`)] : []),
        ...(0,validate/* tagProblems */.nI)(image.repository, tags),
    ]);
    if (problems.length > 0)
        throw new diagnostics/* UserError */.yo(problems);
    const context = {
        ...options,
        run: options.run ?? src_process/* runProcess */.R3,
        readManifest: options.readManifest ?? manifest/* getManifest */.c2,
        env: options.env ?? process.env,
        retry: options.retry ?? retry/* DEFAULT_RETRY */.vI,
    };
    return (0,parallel/* mapLimit */.s)(tagLists, options.maxParallel, ({ image, tags }) => pushImage(image, tags, context));
}
async function pushImage(image, tags, ctx) {
    const { login, log } = ctx;
    const uri = `${login.registry}/${image.repository}`;
    const localId = await localImageId(image, ctx);
    const digests = [];
    const pushedTags = [];
    let withLogin;
    const read = (tag) => (0,retry/* retrying */.R$)(() => ctx.readManifest(login, image.repository, tag), `reading ${uri}:${tag}`, ctx, PUSH_ADVICE);
    for (const tag of tags) {
        const remote = await read(tag);
        if (remote && describesImage(remote, localId)) {
            log.debug(`${uri}:${tag} already holds this image (${remote.digest})`);
            digests.push(remote.digest);
            continue;
        }
        withLogin ??= { ...ctx, ...(await ctx.prepare(image.repository)) };
        const dctx = withLogin;
        await docker(dctx, ['tag', localId, `${uri}:${tag}`], `tagging ${image.name} as ${uri}:${tag}`);
        const reported = await (0,retry/* retrying */.R$)(() => pushOnce(image.repository, tag, uri, dctx), `pushing ${uri}:${tag}`, ctx, PUSH_ADVICE);
        // Trust the registry, not only docker's word: it must now serve that digest for the tag.
        const served = await read(tag);
        if (!served || (reported && served.digest !== reported)) {
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`pushed ${uri}:${tag} (docker reported ${reported ?? 'no digest'}) but the registry serves ` +
                `${served ? served.digest : 'no manifest'} for that tag`));
        }
        log.info(`Pushed ${uri}:${tag} (${served.digest})`);
        digests.push(served.digest);
        pushedTags.push(tag);
    }
    const skipped = tags.filter((tag) => !pushedTags.includes(tag));
    if (skipped.length > 0)
        log.info(`${uri}: the registry already holds this image as ${skipped.join(', ')}: not pushed again`);
    const digest = digests[0];
    if (digests.some((d) => d !== digest))
        log.warning(`${uri}: its tags ${tags.join(', ')} have different digests (${digests.join(', ')}); pinning ${digest}`);
    return {
        repository: image.repository,
        uri,
        tags,
        digest,
        reference: `${uri}@${digest}`,
        pushed: pushedTags.length > 0,
        pushedTags,
        image,
    };
}
/** Same image: the manifest's config is the local image id (or, on a containerd store, the id is the manifest). */
function describesImage(remote, localId) {
    return remote.configDigest === localId || remote.digest === localId;
}
async function localImageId(image, ctx) {
    const result = await ctx.run('docker', ['image', 'inspect', '--format', '{{.Id}}', image.imageId], {
        env: ctx.env,
        timeoutMs: 60_000,
    });
    const id = result.stdout.trim();
    if (result.exitCode !== 0 || !/^sha256:[a-f0-9]{64}$/.test(id)) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`the image ${image.name} (${image.imageId}) made for ${image.repository} is not in ` +
            `the local docker engine: ${result.tail.join(' ').trim() || (0,src_process/* describeExit */.KE)(result)}`));
    }
    return id;
}
async function docker(ctx, args, what) {
    const result = await ctx.run('docker', args, { env: (0,login/* dockerEnvironment */.O9)(ctx, ctx.env), timeoutMs: 60_000 });
    if (result.exitCode !== 0 || result.timedOut)
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`${what} failed: docker ${(0,src_process/* describeExit */.KE)(result)}:\n${result.tail.join('\n')}`));
    return result;
}
async function dockerPush(reference, ctx) {
    const result = await ctx.run('docker', ['push', reference], {
        env: (0,login/* dockerEnvironment */.O9)(ctx, ctx.env),
        timeoutMs: 30 * 60 * 1000,
        onLine: (line) => ctx.log.debug(line),
    });
    if (result.exitCode === 0 && !result.timedOut)
        return parsePushDigest(result.stdout);
    // docker prints the reason last, on stderr; progress lines could only confuse the classification.
    const reason = (result.stderr.trim() || result.tail.slice(-3).join('\n')).slice(-2000);
    const kind = result.timedOut ? 'transient' : (0,retry/* classifyRegistryOutput */.DB)(reason);
    throw new retry/* RegistryFailure */.Yp(`docker push ${reference} ${(0,src_process/* describeExit */.KE)(result)}: ${reason}`, kind);
}
/**
 * One `docker push`. Docker reports "unauthorized" also when a transient error hid the registry's
 * auth challenge from it (a 5xx on its first `GET /v2/`), so a refusal counts as one only when
 * the registry also refuses our own authenticated request; otherwise it is retried.
 */
async function pushOnce(repository, tag, uri, ctx) {
    try {
        return await dockerPush(`${uri}:${tag}`, ctx);
    }
    catch (e) {
        if (!(e instanceof retry/* RegistryFailure */.Yp) || e.kind !== 'auth')
            throw e;
        try {
            await ctx.readManifest(ctx.login, repository, tag);
        }
        catch (check) {
            if (check instanceof retry/* RegistryFailure */.Yp && check.kind === 'auth')
                throw e;
        }
        throw new retry/* RegistryFailure */.Yp(`${e.message} (the registry accepts the credentials: taken as transient)`, 'transient');
    }
}

// EXTERNAL MODULE: ./src/registry/reuse.ts
var reuse = __webpack_require__(8031);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/image/tar-format.ts
/**
 * The tar format, as image layers use it: reading ustar, GNU and PAX headers into entries (writing
 * them back is tar-write.ts). Pure.
 *
 * Names, link targets and PAX values are kept as `latin1` strings, i.e. one character per byte,
 * so that whatever bytes a layer holds (not necessarily UTF-8) come out unchanged.
 */
const BLOCK = 512;
/** A tar stream this module cannot read, or will not rewrite (sparse files, multi-volume archives). */
class TarFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarFormatError';
    }
}
function tar_format_text(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return field.subarray(0, end === -1 ? length : end).toString('latin1');
}
/** An octal field (NUL or space terminated), or GNU base-256 when the first byte has its high bit set. */
function numeric(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    if (((field[0] ?? 0) & 0x80) !== 0) {
        if (((field[0] ?? 0) & 0x40) !== 0)
            throw new TarFormatError('negative base-256 number in a tar header');
        let value = (field[0] ?? 0) & 0x3f;
        for (let i = 1; i < length; i++)
            value = value * 256 + (field[i] ?? 0);
        if (!Number.isSafeInteger(value))
            throw new TarFormatError('base-256 number too large in a tar header');
        return value;
    }
    const digits = field
        .toString('latin1')
        .replace(/[\0 ]+$/, '')
        .replace(/^[\0 ]+/, '');
    if (digits === '')
        return 0;
    if (!/^[0-7]+$/.test(digits))
        throw new TarFormatError(`bad octal number ${JSON.stringify(digits)} in a tar header`);
    return parseInt(digits, 8);
}
function checksumOf(block) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    return sum;
}
/** Decodes one header block; undefined for an all-zero block (the end of the archive). */
function decodeHeader(block) {
    if (block.length !== BLOCK)
        throw new TarFormatError(`truncated tar header (${block.length} bytes)`);
    if (block.every((b) => b === 0))
        return undefined;
    if (numeric(block, 148, 8) !== checksumOf(block))
        throw new TarFormatError('tar header checksum mismatch');
    const magic = block.subarray(257, 263).toString('latin1');
    // POSIX ustar ("ustar\0") has a name prefix; GNU ("ustar ") keeps times there instead.
    const prefix = magic === 'ustar\0' ? tar_format_text(block, 345, 155) : '';
    const name = tar_format_text(block, 0, 100);
    return {
        name: prefix ? `${prefix}/${name}` : name,
        mode: numeric(block, 100, 8),
        uid: numeric(block, 108, 8),
        gid: numeric(block, 116, 8),
        size: numeric(block, 124, 12),
        mtime: numeric(block, 136, 12),
        type: String.fromCharCode(block[156] ?? 0),
        linkname: tar_format_text(block, 157, 100),
        uname: tar_format_text(block, 265, 32),
        gname: tar_format_text(block, 297, 32),
        devmajor: magic.startsWith('ustar') ? numeric(block, 329, 8) : 0,
        devminor: magic.startsWith('ustar') ? numeric(block, 337, 8) : 0,
    };
}
/** The records of a PAX extended header (`LEN key=value\n` each). */
function parsePax(data) {
    const records = new Map();
    let at = 0;
    while (at < data.length) {
        if (data[at] === 0)
            break;
        const space = data.indexOf(0x20, at);
        const length = space === -1 ? NaN : Number(data.subarray(at, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= 0 || at + length > data.length)
            throw new TarFormatError('malformed PAX record');
        const record = data.subarray(space + 1, at + length - 1).toString('latin1');
        const eq = record.indexOf('=');
        if (eq <= 0)
            throw new TarFormatError('malformed PAX record');
        records.set(record.slice(0, eq), record.slice(eq + 1));
        at += length;
    }
    return records;
}
/** Header types that carry metadata for the entry after them rather than an entry. */
const META_TYPES = new Set(['x', 'g', 'L', 'K']);
/** Whether an entry of this header's type has data blocks in the archive (all but links, devices, directories, fifos). */
function hasData(type) {
    return !['1', '2', '3', '4', '5', '6'].includes(type);
}
/** PAX keys that become header fields; atime, ctime and mtime are dropped (times are fixed separately). */
const FIELD_KEYS = new Set([
    'path',
    'linkpath',
    'size',
    'uid',
    'gid',
    'uname',
    'gname',
    'mtime',
    'atime',
    'ctime',
]);
/**
 * Folds extension headers into entries, one header at a time: feed it each header and, for the
 * metadata headers it asks for, their data. The caller reads the blocks (from a file or a stream).
 */
class TarReader {
    global = new Map();
    local = new Map();
    longName;
    longLink;
    /**
     * What a header is: metadata whose `size` bytes of data must be passed to `meta` next, or an
     * entry (whose `size` bytes of data, if `dataBlocks` is true, follow in the archive).
     */
    header(raw) {
        if (META_TYPES.has(raw.type))
            return { kind: 'meta', size: raw.size };
        if (raw.type === 'S' || raw.type === 'V' || raw.type === 'M')
            throw new TarFormatError(`unsupported tar entry type '${raw.type}' (GNU sparse or multi-volume) for ${raw.name}`);
        const records = new Map([...this.global, ...this.local]);
        if ([...records.keys()].some((k) => k.startsWith('GNU.sparse.')))
            throw new TarFormatError(`unsupported sparse file (PAX GNU.sparse) ${raw.name}`);
        const number = (key, fallback) => {
            const value = records.get(key);
            if (value === undefined)
                return fallback;
            const n = Number(value);
            if (!Number.isSafeInteger(n) || n < 0)
                throw new TarFormatError(`bad PAX ${key} ${JSON.stringify(value)}`);
            return n;
        };
        const pax = {};
        for (const [key, value] of records)
            if (!FIELD_KEYS.has(key))
                pax[key] = value;
        const entry = {
            name: records.get('path') ?? this.longName ?? raw.name,
            type: raw.type === '\0' ? '0' : raw.type,
            mode: raw.mode,
            uid: number('uid', raw.uid),
            gid: number('gid', raw.gid),
            size: number('size', raw.size),
            mtime: raw.mtime,
            linkname: records.get('linkpath') ?? this.longLink ?? raw.linkname,
            uname: records.get('uname') ?? raw.uname,
            gname: records.get('gname') ?? raw.gname,
            devmajor: raw.devmajor,
            devminor: raw.devminor,
            pax,
        };
        this.local = new Map();
        this.longName = undefined;
        this.longLink = undefined;
        return { kind: 'entry', entry, dataBlocks: hasData(entry.type) };
    }
    /** The data of the metadata header just returned by `header`. */
    meta(raw, data) {
        if (raw.type === 'x')
            for (const [k, v] of parsePax(data))
                this.local.set(k, v);
        else if (raw.type === 'g')
            for (const [k, v] of parsePax(data))
                this.global.set(k, v);
        else {
            const end = data.indexOf(0);
            const value = data.subarray(0, end === -1 ? data.length : end).toString('latin1');
            if (raw.type === 'L')
                this.longName = value;
            else
                this.longLink = value;
        }
    }
}
/** Bytes of padding after `size` bytes of data, to the next block. */
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}

;// CONCATENATED MODULE: ./src/image/docker-save.ts









/** Bytes of a stream, read exactly as asked. */
class StreamReader {
    source;
    chunks = [];
    buffered = 0;
    ended = false;
    constructor(source) {
        this.source = source;
    }
    async fill(wanted) {
        while (this.buffered < wanted && !this.ended) {
            const next = await this.source.next();
            if (next.done)
                this.ended = true;
            else {
                this.chunks.push(next.value);
                this.buffered += next.value.length;
            }
        }
    }
    /** Up to `n` bytes, in pieces of at most what was buffered; fewer only at the end of the stream. */
    async *take(n) {
        let left = n;
        while (left > 0) {
            await this.fill(1);
            const head = this.chunks[0];
            if (!head)
                return;
            const piece = head.length <= left ? head : head.subarray(0, left);
            if (piece === head)
                this.chunks.shift();
            else
                this.chunks[0] = head.subarray(left);
            this.buffered -= piece.length;
            left -= piece.length;
            yield piece;
        }
    }
    async read(n) {
        const pieces = [];
        for await (const piece of this.take(n))
            pieces.push(piece);
        return Buffer.concat(pieces);
    }
}
/** `name` under `dir`, refusing anything that would land outside it. */
function inside(dir, name) {
    const clean = external_node_path_.posix.normalize(name.replace(/^(\.\/)+/, ''));
    if (clean.startsWith('../') || clean === '..' || external_node_path_.posix.isAbsolute(clean))
        throw new TarFormatError(`docker save wrote a path outside the archive: ${name}`);
    return external_node_path_.join(dir, clean);
}
/** Unpacks a tar stream's files and directories into `dir`; returns its symbolic links (name -> target). */
async function unpack(stream, dir) {
    const input = new StreamReader(stream[Symbol.asyncIterator]());
    const reader = new TarReader();
    const links = new Map();
    for (;;) {
        const block = await input.read(BLOCK);
        if (block.length < BLOCK)
            throw new TarFormatError('docker save ended in the middle of the archive');
        const raw = decodeHeader(block);
        if (!raw)
            return links;
        const kind = reader.header(raw);
        if (kind.kind === 'meta') {
            reader.meta(raw, await input.read(kind.size));
            await input.read(padding(kind.size));
            continue;
        }
        const { entry } = kind;
        const target = inside(dir, entry.name);
        if (entry.type === '5')
            await (0,promises_.mkdir)(target, { recursive: true });
        if (entry.type === '2')
            links.set(external_node_path_.posix.normalize(entry.name.replace(/^(\.\/)+/, '')), entry.linkname);
        if (!kind.dataBlocks)
            continue;
        await (0,promises_.mkdir)(external_node_path_.dirname(target), { recursive: true });
        const file = await (0,promises_.open)(target, 'w');
        try {
            let written = 0;
            for await (const piece of input.take(entry.size)) {
                await file.write(piece);
                written += piece.length;
            }
            if (written !== entry.size)
                throw new TarFormatError('docker save ended in the middle of a file');
        }
        finally {
            await file.close();
        }
        await input.read(padding(entry.size));
    }
}
/** Runs `docker save <image>` and unpacks what it writes into `dir`. */
async function dockerSave(image, dir, env, timeoutMs) {
    const child = (0,external_node_child_process_.spawn)('docker', ['image', 'save', image], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    (0,src_process/* trackProcess */.Zq)(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code));
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
        let links;
        let unpackError;
        try {
            links = await unpack(child.stdout, dir);
            // Whatever follows the end of the archive (the record's padding) is read and dropped.
            for await (const _rest of child.stdout)
                void _rest;
        }
        catch (e) {
            unpackError = e;
            child.kill('SIGKILL');
        }
        const code = await exited;
        if (code !== 0 || unpackError !== undefined) {
            // docker's own failure says why; a failed unpack (which killed docker) says it otherwise.
            const why = code !== 0 && code !== null
                ? `exited with ${code}: ${stderr.trim()}`
                : (unpackError?.message ?? `ended by a signal: ${stderr.trim()}`);
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`\`docker image save ${image}\` failed: ${why}`));
        }
        return links ?? new Map();
    }
    finally {
        clearTimeout(timer);
    }
}
/** A file named by the manifest, following the archive's symbolic links (Docker 25 links legacy paths to blobs). */
function resolveIn(dir, name, links) {
    let current = external_node_path_.posix.normalize(name.replace(/^(\.\/)+/, ''));
    for (let hops = 0; hops < 8 && links.has(current); hops++) {
        const target = links.get(current);
        current = external_node_path_.posix.normalize(target.startsWith('/') ? target.slice(1) : external_node_path_.posix.join(external_node_path_.posix.dirname(current), target));
    }
    return inside(dir, current);
}
/** Makes sure `file` is an uncompressed tar, decompressing a gzip (or, where Node has it, zstd) layer next to it. */
async function uncompressed(file) {
    const handle = await (0,promises_.open)(file, 'r');
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    await handle.close();
    const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
    const zstd = magic.readUInt32LE(0) === 0xfd2fb528;
    if (!gzip && !zstd)
        return file;
    const decompress = gzip
        ? external_node_zlib_.createGunzip()
        : external_node_zlib_.createZstdDecompress?.();
    if (!decompress)
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`a layer of the image is zstd-compressed, which this Node cannot read: ${file}`));
    const out = `${file}.tar`;
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), decompress, (0,external_node_fs_.createWriteStream)(out));
    await (0,promises_.rm)(file);
    return out;
}
/** Saves `image` from the local engine into `dir` (created) and reads its manifest. */
async function saveImage(image, dir, options) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const links = await dockerSave(image, dir, options.env, options.timeoutMs ?? 30 * 60 * 1000);
    const manifestFile = external_node_path_.join(dir, 'manifest.json');
    let manifest;
    try {
        manifest = JSON.parse(await (0,promises_.readFile)(manifestFile, 'utf8'));
    }
    catch (e) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`\`docker image save ${image}\` wrote no readable manifest.json: ${e.message}`));
    }
    const entry = Array.isArray(manifest) && manifest.length === 1 ? manifest[0] : undefined;
    const layers = entry?.Layers;
    if (!entry ||
        typeof entry.Config !== 'string' ||
        !Array.isArray(layers) ||
        !layers.every((l) => typeof l === 'string'))
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`\`docker image save ${image}\` wrote a manifest.json that does not describe one image`));
    const config = JSON.parse(await (0,promises_.readFile)(resolveIn(dir, entry.Config, links), 'utf8'));
    // The same layer may be listed twice (two identical empty layers): decompressed once.
    const done = new Map();
    const files = [];
    for (const layer of layers) {
        const file = resolveIn(dir, layer, links);
        if (!done.has(file))
            done.set(file, await uncompressed(file));
        files.push(done.get(file));
    }
    return { config, layers: files };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/image/tar-write.ts
/**
 * Writing tar entries as ustar, with a PAX header only where ustar cannot say it: the other half
 * of tar-format.ts. Pure.
 */

const OCTAL_LIMIT = { 8: 0o7777777, 12: 0o77777777777 };
function writeText(block, offset, length, value) {
    block.write(value, offset, Math.min(length, Buffer.byteLength(value, 'latin1')), 'latin1');
}
function writeOctal(block, offset, length, value) {
    if (value <= OCTAL_LIMIT[length]) {
        writeText(block, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
        return;
    }
    // GNU base-256: the only way to say a device number that does not fit in octal.
    block[offset] = 0x80;
    let rest = value;
    for (let i = length - 1; i > 0; i--) {
        block[offset + i] = rest % 256;
        rest = Math.floor(rest / 256);
    }
}
/** `name` as ustar's prefix and name fields, if it fits them. */
function splitName(name) {
    if (name.length <= 100)
        return { prefix: '', name };
    for (let i = name.length - 1; i > 0; i--) {
        if (name[i] !== '/')
            continue;
        const prefix = name.slice(0, i);
        const rest = name.slice(i + 1);
        if (prefix.length <= 155 && rest.length > 0 && rest.length <= 100)
            return { prefix, name: rest };
        if (prefix.length <= 155)
            return undefined;
    }
    return undefined;
}
function ustarBlock(h) {
    const block = Buffer.alloc(BLOCK);
    writeText(block, 0, 100, h.name);
    writeOctal(block, 100, 8, h.mode);
    writeOctal(block, 108, 8, h.uid);
    writeOctal(block, 116, 8, h.gid);
    writeOctal(block, 124, 12, h.size);
    writeOctal(block, 136, 12, h.mtime);
    writeText(block, 156, 1, h.type);
    writeText(block, 157, 100, h.linkname);
    writeText(block, 257, 8, 'ustar\x0000');
    writeText(block, 265, 32, h.uname);
    writeText(block, 297, 32, h.gname);
    writeOctal(block, 329, 8, h.devmajor);
    writeOctal(block, 337, 8, h.devminor);
    writeText(block, 345, 155, h.prefix);
    block.fill(0x20, 148, 156);
    writeText(block, 148, 8, `${checksumOf(block).toString(8).padStart(6, '0')}\0 `);
    return block;
}
/** One PAX record, its length prefix counting itself. */
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    let length = body.length + 1;
    while (`${length}${body}`.length !== length)
        length = `${length}${body}`.length;
    return `${length}${body}`;
}
/**
 * The header blocks of an entry (its data and padding are the caller's): one ustar header, after
 * a PAX header holding, in key order, what ustar cannot hold (a long path or link target, a large
 * size or id) and the entry's other PAX records.
 */
function encodeHeader(entry) {
    const records = new Map(Object.entries(entry.pax));
    const split = splitName(entry.name);
    if (!split)
        records.set('path', entry.name);
    if (entry.linkname.length > 100)
        records.set('linkpath', entry.linkname);
    if (entry.size > OCTAL_LIMIT[12])
        records.set('size', String(entry.size));
    if (entry.uid > OCTAL_LIMIT[8])
        records.set('uid', String(entry.uid));
    if (entry.gid > OCTAL_LIMIT[8])
        records.set('gid', String(entry.gid));
    if (entry.uname.length > 32)
        records.set('uname', entry.uname);
    if (entry.gname.length > 32)
        records.set('gname', entry.gname);
    const header = ustarBlock({
        name: split ? split.name : entry.name.slice(0, 100),
        prefix: split ? split.prefix : '',
        type: entry.type,
        mode: entry.mode,
        uid: entry.uid > OCTAL_LIMIT[8] ? 0 : entry.uid,
        gid: entry.gid > OCTAL_LIMIT[8] ? 0 : entry.gid,
        size: entry.size > OCTAL_LIMIT[12] ? 0 : entry.size,
        mtime: entry.mtime,
        linkname: entry.linkname.slice(0, 100),
        uname: entry.uname.slice(0, 32),
        gname: entry.gname.slice(0, 32),
        devmajor: entry.devmajor,
        devminor: entry.devminor,
    });
    if (records.size === 0)
        return header;
    const data = Buffer.from([...records.keys()]
        .sort()
        .map((key) => paxRecord(key, records.get(key)))
        .join(''), 'latin1');
    const paxHeader = ustarBlock({
        name: 'PaxHeader',
        prefix: '',
        type: 'x',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: data.length,
        mtime: 0,
        linkname: '',
        uname: '',
        gname: '',
        devmajor: 0,
        devminor: 0,
    });
    return Buffer.concat([paxHeader, data, Buffer.alloc(padding(data.length)), header]);
}
/** The end of an archive: two zero blocks. */
const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

;// CONCATENATED MODULE: ./src/image/layer-file.ts










/** Extension headers larger than this are not a layer's. */
const MAX_META = 1024 * 1024;
/** Read size when copying data. */
const CHUNK = 1024 * 1024;
/** The one compression level of every layer this action writes (zlib's default), but for data that does not compress. */
const GZIP_LEVEL = external_node_zlib_.constants.Z_DEFAULT_COMPRESSION;
/** A gzip member's header as zlib writes it: no name, no time, no extra flags, made on Unix. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** A gzip member's trailer: the CRC-32 and the size (modulo 2^32) of what was compressed. */
function gzipTrailer(crc, size) {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(size % 2 ** 32, 4);
    return trailer;
}
async function readExactly(file, length, position) {
    // Not zero-filled: every byte is read into it, or it is thrown away.
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    if (bytesRead !== length)
        throw new TarFormatError(`truncated tar file (wanted ${length} bytes at ${position})`);
    return buffer;
}
/** Every entry of the tar file, headers only: the data stays on disk. */
async function indexTar(file) {
    const { size: fileSize } = await file.stat();
    const reader = new TarReader();
    const entries = [];
    let at = 0;
    while (at + BLOCK <= fileSize) {
        const raw = decodeHeader(await readExactly(file, BLOCK, at));
        at += BLOCK;
        if (!raw)
            break;
        const kind = reader.header(raw);
        if (kind.kind === 'meta') {
            if (kind.size > MAX_META)
                throw new TarFormatError(`extension header of ${kind.size} bytes`);
            reader.meta(raw, await readExactly(file, kind.size, at));
            at += kind.size + padding(kind.size);
            continue;
        }
        const stored = kind.dataBlocks ? raw.size : 0;
        if (at + stored > fileSize)
            throw new TarFormatError(`truncated tar file: ${kind.entry.name} ends past its end`);
        entries.push({ ...kind.entry, dataOffset: at });
        at += stored + padding(stored);
    }
    return entries;
}
/** Entries at least this large have their data stored, not deflated, when a sample of it does not compress. */
const PROBE_MIN = 256 * 1024;
/** Bytes deflated to judge an entry: from its start and from its middle. */
const PROBE = 64 * 1024;
/**
 * Whether deflating the samples saves at least 1 byte in 32. Already-compressed files (jars,
 * archives, images) do not, and deflating them again costs most of a push's CPU for nothing.
 * A function of the bytes alone, so the layer stays reproducible.
 */
function compresses(samples) {
    return samples.some((s) => (0,external_node_zlib_.deflateRawSync)(s, { level: 1 }).length < s.length * (31 / 32));
}
async function dataLevel(file, entry) {
    if (entry.size < PROBE_MIN)
        return GZIP_LEVEL;
    const middle = entry.dataOffset + Math.floor((entry.size - PROBE) / 2);
    const samples = [await readExactly(file, PROBE, entry.dataOffset), await readExactly(file, PROBE, middle)];
    return compresses(samples) ? GZIP_LEVEL : external_node_zlib_.constants.Z_NO_COMPRESSION;
}
/**
 * The normalised layer as a stream of buffers: headers from the entries, data copied from the
 * file. With `levels`, each header and each entry's data is preceded by the level to deflate it at.
 */
async function* normalizedTar(file, entries, levels = false) {
    for (const entry of entries) {
        if (levels)
            yield { level: GZIP_LEVEL, bytes: 0 };
        yield encodeHeader(entry);
        if (levels && entry.size > 0)
            yield { level: await dataLevel(file, entry), bytes: entry.size };
        let left = entry.size;
        let position = entry.dataOffset;
        while (left > 0) {
            const length = Math.min(CHUNK, left);
            yield await readExactly(file, length, position);
            position += length;
            left -= length;
        }
        if (padding(entry.size) > 0)
            yield Buffer.alloc(padding(entry.size));
    }
    if (levels)
        yield { level: GZIP_LEVEL, bytes: 0 };
    yield END_OF_ARCHIVE;
}
/** A pass-through that hashes and counts what goes through it. */
class Digesting extends external_node_stream_.Transform {
    hash = (0,external_node_crypto_.createHash)('sha256');
    size = 0;
    update(chunk) {
        this.hash.update(chunk);
        this.size += chunk.length;
    }
    _transform(chunk, _encoding, done) {
        this.update(chunk);
        done(null, chunk);
    }
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
}
/**
 * Reads the layer tar at `path` and streams it normalised (see normalize.ts), hashing it, and,
 * with `gzipTo`, compressing it there: fixed gzip header (no name, no time), one zlib level, but
 * large files whose samples do not compress are stored in the stream as they are.
 * Memory stays flat: entries are indexed by header, data is copied a chunk at a time.
 */
async function normalizeLayerFile(path, options = {}) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const entries = normalizeEntries(await indexTar(file));
        const raw = new Digesting();
        if (!options.gzipTo) {
            for await (const chunk of normalizedTar(file, entries))
                raw.update(chunk);
            return { diffId: raw.digest(), entries: entries.length };
        }
        const compressed = new Digesting();
        // zlib's Gzip streams ignore params(), raw deflate ones honour it: so the gzip member is
        // written here around a raw deflate stream. Output a chunk at a time, not zlib's 16 KiB.
        const deflate = (0,external_node_zlib_.createDeflateRaw)({ level: GZIP_LEVEL, chunkSize: CHUNK });
        let crc = 0;
        const sink = (0,external_node_stream_promises_.pipeline)(async function* () {
            yield GZIP_HEADER;
            for await (const chunk of deflate)
                yield chunk;
            yield gzipTrailer(crc, raw.size);
        }, compressed, (0,external_node_fs_.createWriteStream)(options.gzipTo));
        // Waits for zlib, or fails with the sink (a failure there ends the deflate stream, which then never answers).
        const failed = sink.then(() => new Promise(() => undefined));
        const settled = (p) => Promise.race([p, failed]);
        let level = GZIP_LEVEL;
        let storedBytes = 0;
        try {
            for await (const piece of normalizedTar(file, entries, true)) {
                if (!Buffer.isBuffer(piece)) {
                    // A change of level flushes (an empty stored block) where the bytes alone decide.
                    if (piece.level !== level)
                        await settled(new Promise((done) => deflate.params(piece.level, external_node_zlib_.constants.Z_DEFAULT_STRATEGY, done)));
                    level = piece.level;
                    if (level === external_node_zlib_.constants.Z_NO_COMPRESSION)
                        storedBytes += piece.bytes;
                    continue;
                }
                raw.update(piece);
                crc = (0,external_node_zlib_.crc32)(piece, crc);
                if (!deflate.write(piece))
                    await settled((0,external_node_events_.once)(deflate, 'drain'));
            }
            deflate.end();
        }
        catch (e) {
            deflate.destroy(e);
        }
        await sink;
        return {
            diffId: raw.digest(),
            blob: { digest: compressed.digest(), size: compressed.size, path: options.gzipTo },
            entries: entries.length,
            storedBytes,
        };
    }
    finally {
        await file.close();
    }
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/registry/http.ts
var http = __webpack_require__(8851);
;// CONCATENATED MODULE: ./src/registry/blobs.ts



/**
 * Blobs (layers and configs) through the registry HTTP API, the way `docker push` moves them:
 * HEAD to see if the registry has it, else an upload session (POST), the bytes (PATCH) and the
 * digest that closes it (PUT). A blob another repository of the registry holds can be mounted
 * instead (`POST ?mount=&from=`), where the registry does that.
 */
const TIMEOUT_MS = 5 * 60 * 1000;
async function blobExists(auth, repository, digest) {
    const res = await (0,http/* call */.T1)(`checking ${repository}@${digest} on`, (0,http/* apiUrl */.y0)(auth, repository, `blobs/${digest}`), auth, { method: 'HEAD', timeoutMs: 30_000 }, [404]);
    return res.status !== 404;
}
/**
 * GET where a registry redirects a blob read. ECR sends it to a presigned S3 URL, which refuses a
 * request with an Authorization header besides its signature
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html): the
 * credentials go along only to the registry's own host.
 */
function getRedirected(url, auth, limit) {
    const sameHost = url.host === auth.registry;
    const headers = sameHost
        ? { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` }
        : {};
    return new Promise((resolve, reject) => {
        const req = external_node_https_.get(url, { timeout: 30_000, headers }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > limit)
                    req.destroy(new Error(`blob larger than ${limit} bytes`));
                else
                    chunks.push(chunk);
            });
            res.on('end', () => res.statusCode === 200
                ? resolve(Buffer.concat(chunks))
                : reject(new retry/* RegistryFailure */.Yp(`reading a blob from ${url.host}: HTTP ${res.statusCode ?? '?'}`, 'transient')));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`ETIMEDOUT: no answer from ${url.host}`)));
        req.on('error', (e) => reject(new retry/* RegistryFailure */.Yp(`reading a blob from ${url.host}: ${e.message}`, 'transient')));
    });
}
/** A small blob's bytes (an image config), or undefined when the registry has no such blob. */
async function readBlob(auth, repository, digest, limit = 4 * 1024 * 1024) {
    const url = (0,http/* apiUrl */.y0)(auth, repository, `blobs/${digest}`);
    const res = await (0,http/* call */.T1)(`reading ${repository}@${digest} from`, url, auth, { method: 'GET', timeoutMs: 30_000, maxBodyBytes: limit }, [307, 302, 303, 404]);
    if (res.status === 404)
        return undefined;
    const location = (0,http/* header */.wx)(res, 'location');
    if (res.status !== 200 && location)
        return getRedirected(new URL(location, url), auth, limit);
    return res.body;
}
/** Where an upload session continues: its Location, relative to the registry, with its query kept. */
function sessionUrl(auth, location, what) {
    if (!location)
        throw new retry/* RegistryFailure */.Yp(`${what}: the registry gave no upload location`, 'fatal');
    return new URL(location, `https://${auth.registry}/`);
}
/**
 * Mounts a blob that `from` (another repository of the registry) holds into `repository`: true
 * when the registry did; false when it does not mount (it opens an upload session instead, which
 * is cancelled).
 */
async function mountBlob(auth, repository, digest, from) {
    const what = `mounting ${repository}@${digest} from ${from} on`;
    const start = (0,http/* apiUrl */.y0)(auth, repository, 'blobs/uploads/');
    start.searchParams.set('mount', digest);
    start.searchParams.set('from', from);
    // A registry that does not mount answers 202 with an upload session (ECR while its blob mounting
    // setting is off); ECR refuses with 401/403 what the credentials may not read in `from`
    // (ecr:GetDownloadUrlForLayer there): then the blob is uploaded as any other.
    // https://docs.aws.amazon.com/AmazonECR/latest/userguide/blob-mounting.html
    const opened = await (0,http/* call */.T1)(what, start, auth, { method: 'POST', timeoutMs: 30_000 }, [401, 403, 404, 405]);
    if (opened.status === 201)
        return true;
    if (opened.status !== 202)
        return false;
    const location = (0,http/* header */.wx)(opened, 'location');
    // Cancelling is a courtesy: a registry expires sessions nobody finishes.
    if (location)
        await (0,http/* call */.T1)(what, new URL(location, `https://${auth.registry}/`), auth, { method: 'DELETE', timeoutMs: 30_000 }, [404, 405]).catch(() => undefined);
    return false;
}
/** Uploads a blob into `repository`: an upload session (POST), the bytes (PATCH), the digest that closes it (PUT). */
async function uploadBlob(auth, repository, blob) {
    const what = `uploading ${repository}@${blob.digest} to`;
    const opened = await (0,http/* call */.T1)(what, (0,http/* apiUrl */.y0)(auth, repository, 'blobs/uploads/'), auth, {
        method: 'POST',
        timeoutMs: 30_000,
    });
    const patch = sessionUrl(auth, (0,http/* header */.wx)(opened, 'location'), what);
    const body = 'file' in blob
        ? { file: blob.file, size: blob.size, mediaType: 'application/octet-stream' }
        : { bytes: blob.bytes, mediaType: 'application/octet-stream' };
    const sent = await (0,http/* call */.T1)(what, patch, auth, { method: 'PATCH', timeoutMs: TIMEOUT_MS, body });
    const close = sessionUrl(auth, (0,http/* header */.wx)(sent, 'location') ?? patch.toString(), what);
    close.searchParams.set('digest', blob.digest);
    const closed = await (0,http/* call */.T1)(what, close, auth, { method: 'PUT', timeoutMs: TIMEOUT_MS });
    const stored = (0,http/* header */.wx)(closed, 'docker-content-digest');
    if (stored && stored !== blob.digest)
        throw new retry/* RegistryFailure */.Yp(`${what}: the registry stored ${stored}, not ${blob.digest}`, 'transient');
}

;// CONCATENATED MODULE: ./src/registry/api-push.ts












const DEFAULT_API = {
    readRawManifest: manifest/* getRawManifest */.Yo,
    writeManifest: manifest/* putManifest */.RV,
    readBlob: readBlob,
    blobExists: blobExists,
    mountBlob: mountBlob,
    uploadBlob: uploadBlob,
    saveImage: saveImage,
};
const ADVICE = {
    permissions: 'ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ' +
        'ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer',
    fatalHint: (message) => (0,retry/* isImmutableRefusal */.jJ)(message)
        ? ': the repository has immutable tags and this tag already names another image; push under a new image-tag'
        : '',
};
function mb(bytes) {
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
/** What the tags name now, and what their images teach about the layers the repository holds. */
async function readTags(tags, ctx) {
    const { login, repository } = ctx;
    // `latest` too: where the previous image of the package most likely is, to learn its layers.
    // All at once: each is one round trip to the registry.
    const all = [...new Set([...tags, 'latest'])];
    const raws = await Promise.all(all.map((tag) => (0,retry/* retrying */.R$)(() => ctx.api.readRawManifest(login, repository, tag), `reading ${ctx.uri}:${tag}`, ctx, ADVICE)));
    const served = new Map(all.map((tag, i) => [tag, raws[i]]));
    const seen = new Set();
    for (const raw of served.values()) {
        if (!raw || seen.has(raw.manifest.digest))
            continue;
        seen.add(raw.manifest.digest);
        const image = manifestLayers(raw);
        if (!image)
            continue;
        const config = await (0,retry/* retrying */.R$)(() => ctx.api.readBlob(login, repository, image.config).catch((e) => layersUnknown(e, ctx)), `reading ${ctx.uri}@${image.config}`, ctx, ADVICE);
        const diffIds = config && configDiffIds(config);
        if (diffIds)
            learnImage(ctx.known, repository, image.layers, diffIds);
    }
    return served;
}
/**
 * A config the credentials may not read: AWS's documented push policy has no
 * ecr:GetDownloadUrlForLayer (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html),
 * so ECR refuses it with 403. That only means its layers are not known in advance: each is then
 * checked (HEAD) before it is uploaded.
 */
function layersUnknown(e, ctx) {
    if (!(e instanceof retry/* RegistryFailure */.Yp) || e.kind !== 'auth')
        throw e;
    ctx.log.debug(`${ctx.uri}: cannot read an image config (${e.message}): its layers are checked one by one`);
    return undefined;
}
function prepare(ctx) {
    return (ctx.prepared ??= ctx.prepare(ctx.repository));
}
function checked(operation, what, ctx) {
    return (0,retry/* retrying */.R$)(operation, what, ctx, ADVICE);
}
/** Uploads a blob unless the repository has it (saying so as `label`, with `note` after, if given); counts what it cost. */
async function ensureBlob(blob, ctx, label, note = '') {
    const { login, repository } = ctx;
    const what = `${ctx.uri}@${blob.digest}`;
    if (await checked(() => ctx.api.blobExists(login, repository, blob.digest), `checking ${what}`, ctx))
        return 'present';
    await prepare(ctx);
    if (label)
        ctx.log.info(`${label}: uploading ${mb(blob.size)} (${blob.digest})${note}`);
    await checked(() => ctx.api.uploadBlob(login, repository, blob), `uploading ${what}`, ctx);
    ctx.stats.bytesPushed += blob.size;
    return 'uploaded';
}
/**
 * One layer into the repository: known there already (nothing to do), known in another
 * repository (mounted, where the registry mounts), else compressed, and uploaded unless the
 * registry has those bytes. The first pass only hashes, unless nothing can be known yet.
 */
async function pushLayer(file, index, gzipFirst, ctx) {
    const gzipTo = external_node_path_.join(ctx.tmp, `layer-${index}.tar.gz`);
    const which = `${ctx.uri}: layer ${index + 1} of ${ctx.stats.layers}`;
    let layer = await normalizeLayerFile(file, gzipFirst ? { gzipTo } : {});
    const { diffId } = layer;
    const known = ctx.known.find(diffId, ctx.repository);
    if (known?.here) {
        ctx.log.debug(`${which} is in the registry (${known.descriptor.digest})`);
        ctx.stats.layersPresent++;
        return { diffId, descriptor: known.descriptor };
    }
    if (known) {
        const { login, repository } = ctx;
        await prepare(ctx);
        const { digest } = known.descriptor;
        const mount = () => ctx.api.mountBlob(login, repository, digest, known.from);
        if (await checked(mount, `mounting ${ctx.uri}@${digest}`, ctx)) {
            ctx.log.debug(`${which} mounted from ${known.from} (${digest})`);
            ctx.stats.layersPresent++;
            ctx.known.learn(diffId, known.descriptor, repository);
            return { diffId, descriptor: known.descriptor };
        }
    }
    if (!layer.blob)
        layer = await normalizeLayerFile(file, { gzipTo });
    const blob = layer.blob;
    const descriptor = { mediaType: MEDIA_TYPES.layer, size: blob.size, digest: blob.digest };
    const stored = layer.storedBytes
        ? `; ${mb(layer.storedBytes)} of it files that do not compress, stored as they are`
        : '';
    const how = await ensureBlob({ digest: blob.digest, size: blob.size, file: blob.path }, ctx, which, stored);
    ctx.stats[how === 'present' ? 'layersPresent' : 'layersPushed']++;
    ctx.known.learn(diffId, descriptor, ctx.repository);
    await (0,promises_.rm)(blob.path, { force: true });
    return { diffId, descriptor };
}
/** Stores the manifest under the tag, unless the tag names it already; checks what the registry says it stored. */
async function tagImage(tag, manifest, ctx) {
    const { login, repository } = ctx;
    await prepare(ctx);
    const read = () => checked(() => ctx.api.readRawManifest(login, repository, tag), `reading ${ctx.uri}:${tag}`, ctx);
    const stored = await checked(() => ctx.api
        .writeManifest(login, repository, tag, { bytes: manifest.bytes, mediaType: MEDIA_TYPES.manifest })
        .catch(async (e) => {
        // An IMMUTABLE repository refuses to store a tag again even with the same digest
        // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html):
        // after a PUT whose answer was lost, the retry is refused though the first one worked.
        if (!(e instanceof retry/* RegistryFailure */.Yp) || e.kind !== 'fatal' || !(0,retry/* isImmutableRefusal */.jJ)(e.message))
            throw e;
        if ((await read())?.manifest.digest !== manifest.digest)
            throw e;
        ctx.log.debug(`${ctx.uri}:${tag} already names ${manifest.digest} (an earlier attempt stored it)`);
        return manifest.digest;
    }), `storing ${ctx.uri}:${tag}`, ctx);
    ctx.stats.bytesPushed += manifest.bytes.length;
    // Trust the registry, not our own hash: it says which digest it stored; if it says nothing, read it back.
    const served = stored ?? (await read())?.manifest.digest;
    if (served !== manifest.digest)
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`stored ${ctx.uri}:${tag} as ${manifest.digest} but the registry serves ${served ?? 'no manifest'} for that tag`));
}
/** Pushes an exported image (see above) under `tags`, and pins it by digest. */
async function uploadImage(image, options) {
    const { login, log } = options;
    const tags = [...new Set(options.tags)];
    const problems = [
        ...(tags.length === 0 ? [(0,diagnostics/* error */.z3)(`${image.repository}: no tag to push it under`)] : []),
        ...(0,validate/* tagProblems */.nI)(image.repository, tags),
    ];
    if (problems.length > 0)
        throw new diagnostics/* UserError */.yo(problems);
    const uri = `${login.registry}/${image.repository}`;
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    const tmp = await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir, `push-${image.repository.replace(/\//g, '-')}-`));
    const ctx = {
        ...options,
        api: { ...DEFAULT_API, ...options.api },
        retry: options.retry ?? retry/* DEFAULT_RETRY */.vI,
        repository: image.repository,
        uri,
        tmp,
        stats: { layers: 0, layersPushed: 0, layersPresent: 0, bytesPushed: 0 },
    };
    try {
        const served = await readTags(tags, ctx);
        const saved = await ctx.api.saveImage(image.imageId, external_node_path_.join(tmp, 'saved'), { env: options.env });
        ctx.stats.layers = saved.layers.length;
        // Compressing while hashing saves a pass when nothing can be known yet (a first push);
        // otherwise hashing first saves compressing the layers the registry has.
        const gzipFirst = ctx.known.size === 0;
        const done = new Map();
        const layers = [];
        for (const [index, file] of saved.layers.entries()) {
            const layer = done.get(file) ?? (await pushLayer(file, index, gzipFirst, ctx));
            done.set(file, layer);
            layers.push(layer);
        }
        const configBytes = reproducibleConfig(saved.config, layers.map((l) => l.diffId), releaseTime(image.release));
        const config = {
            mediaType: MEDIA_TYPES.config,
            size: configBytes.length,
            digest: sha256(configBytes),
        };
        await ensureBlob({ digest: config.digest, size: config.size, bytes: configBytes }, ctx);
        const bytes = imageManifest(config, layers.map((l) => l.descriptor));
        const manifest = { bytes, digest: sha256(bytes) };
        const pushedTags = [];
        for (const tag of tags) {
            if (served.get(tag)?.manifest.digest === manifest.digest)
                continue;
            await tagImage(tag, manifest, ctx);
            pushedTags.push(tag);
        }
        const { stats } = ctx;
        if (pushedTags.length === 0)
            log.info(`${uri}: the registry already holds this image as ${tags.join(', ')} (${manifest.digest})`);
        else
            log.info(`Pushed ${uri}:${pushedTags.join(', ')} (${manifest.digest}): ${stats.layersPushed} of ${stats.layers} layers ` +
                `uploaded (${mb(stats.bytesPushed)}), ${stats.layersPresent} already in the registry`);
        return {
            repository: image.repository,
            uri,
            tags,
            digest: manifest.digest,
            reference: `${uri}@${manifest.digest}`,
            pushed: pushedTags.length > 0,
            pushedTags,
            image,
            upload: stats,
        };
    }
    catch (e) {
        if (e instanceof TarFormatError || e instanceof ImageConfigError)
            throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`cannot push ${image.name} (${image.imageId}) reproducibly: ${e.message}`));
        throw e;
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/stages/resolve.ts + 1 modules
var resolve = __webpack_require__(6212);
;// CONCATENATED MODULE: ./src/stages/acquire.ts











/**
 * Every package's image in the registry, pinned by digest, in the order of the packages, then
 * every built image: a released image the registry already holds is reused, the others are
 * exported (one at a time) and built (up to maxParallel at once) side by side, and each pushes as
 * soon as it is there, while the next one is made.
 */
async function acquireImages(packages, session, options) {
    const { log, progress } = options;
    const api = options.registryApi ?? {};
    const processes = { ...(options.env && { env: options.env }), ...(options.run && { run: options.run }) };
    // The same tags for an exported image and a reused one: the run's tags, plus the version tags.
    const tagsFor = (image) => [
        ...new Set([
            ...options.tags,
            ...imageTags(image, { version: options.versionTags, versionRelease: options.versionTags }),
        ]),
    ];
    // Layers the registry holds, learnt as images are read and pushed: shared by the run's images.
    const known = new KnownLayers();
    // A resolved package is looked for in the registry at its release; when it is not there, it is
    // exported as named, exactly as without resolving (the exporter asks Builder again itself).
    const asNamed = new Map();
    const candidates = packages.map((p) => {
        const release = options.resolved?.get(p);
        if (!release)
            return p;
        const pinned = (0,resolve/* pinnedTo */.A_)(p, release);
        asNamed.set(pinned, p);
        return pinned;
    });
    let reused = [];
    let toExport = packages;
    if (options.reuseReleased && candidates.some((p) => (0,reuse/* releasedPackage */.O7)(p) !== undefined)) {
        ({ reused, toExport } = await log.group('Reuse', async () => (0,reuse/* reuseReleasedImages */.Qi)(candidates, {
            login: await session.credentials(),
            tags: tagsFor,
            maxParallel: options.maxParallel,
            log,
            ...(options.beforeChange && { beforeWrite: options.beforeChange }),
            ...api,
        })));
        if (reused.length > 0)
            progress.record(`${reused.length} released image(s) found in the registry`);
        toExport = toExport.map((p) => asNamed.get(p) ?? p);
    }
    const builds = options.builds ?? [];
    if (toExport.length > 0 || builds.length > 0)
        await options.beforeChange?.();
    const made = toExport.length === 0 && builds.length === 0
        ? []
        : await log.group((0,src_progress/* imageStage */.mq)({ exports: toExport.length > 0, builds: builds.length > 0 }), () => (0,parallel/* pipeline */.T)((emit) => makeImages(toExport, builds, emit, options, processes), options.maxParallel, async (one) => {
            // Exported images go through the registry API, reproducibly; built ones through docker push.
            if (one.kind === 'exported') {
                const pushed = await uploadImage(one.image, {
                    login: await session.credentials(),
                    prepare: (repository) => session.repository(repository),
                    tags: tagsFor(one.image),
                    known,
                    workDir: options.workDir,
                    log,
                    env: options.env ?? process.env,
                    ...(options.uploadApi && { api: options.uploadApi }),
                });
                return { made: one, pushed };
            }
            const [pushed] = await pushImages([one.image], {
                login: await session.credentials(),
                prepare: (repository) => session.prepare(repository),
                tags: () => [...options.tags],
                maxParallel: 1,
                log,
                ...processes,
                ...(api.readManifest && { readManifest: api.readManifest }),
            });
            if (!pushed)
                throw new Error(`no push result for ${one.image.repository}`);
            return { made: one, pushed };
        }));
    const exported = made.filter((m) => m.made.kind === 'exported').length;
    if (exported > 0)
        progress.record(`${exported} package(s) exported`);
    if (made.length > exported)
        progress.record(`${made.length - exported} image(s) built`);
    const pushedCount = made.filter((m) => m.pushed.pushed).length;
    if (pushedCount > 0)
        progress.record(`${pushedCount} image(s) pushed`);
    // In the order of the packages, then of the builds, whichever way each image came.
    const order = (image) => {
        const p = packages.findIndex((source) => (0,package_source/* repositoryOf */._M)(source) === image.repository);
        return p >= 0 ? p : packages.length + builds.findIndex((b) => b.repository === image.repository);
    };
    return [...reused, ...made.map((m) => m.pushed)].sort((a, b) => order(a) - order(b));
}
/**
 * Exports (one at a time) and builds side by side, handing each image on as it is made. Once
 * either fails, or a push has (emit throws), neither starts another; both are waited for, and
 * the first failure is thrown.
 */
async function makeImages(packages, builds, emit, options, processes) {
    let failure;
    const hand = (made) => {
        if (failure)
            throw failure.error;
        emit(made);
    };
    const side = (work) => work().then(() => undefined, (e) => {
        failure ??= { error: e };
    });
    await Promise.all([
        packages.length > 0 &&
            side(() => exportPackages(packages, {
                workDir: options.workDir,
                log: options.log,
                workspace: options.workspace,
                settings: options.exportSettings,
                onExported: (image) => hand({ kind: 'exported', image }),
                ...processes,
            })),
        builds.length > 0 &&
            side(() => buildImages(builds, {
                workDir: options.workDir,
                log: options.log,
                maxParallel: options.maxParallel,
                onBuilt: (image) => hand({ kind: 'built', image }),
                ...processes,
            })),
    ]);
    if (failure)
        throw failure.error;
}

// EXTERNAL MODULE: ./src/stages/given-task.ts
var given_task = __webpack_require__(5158);
// EXTERNAL MODULE: ./src/stages/autoscaling.ts
var stages_autoscaling = __webpack_require__(1807);
// EXTERNAL MODULE: ./src/ecs/autoscaling.ts
var ecs_autoscaling = __webpack_require__(9277);
// EXTERNAL MODULE: ./src/translate/runtime-platform.ts
var runtime_platform = __webpack_require__(3944);
;// CONCATENATED MODULE: ./src/stages/architecture.ts


/**
 * A Habitat package is built for one architecture, and `hab pkg export` makes an image of the
 * runner's (https://docs.chef.io/habitat/pkg_exports/), so a deploy that exports runs on a
 * runner of the task's architecture: refused, before anything runs, on another. Pure.
 */
function checkExportArchitecture(taskDefinition, packages, arch) {
    if (packages === 0)
        return;
    const task = taskDefinition.runtimePlatform?.cpuArchitecture ?? runtime_platform/* DEFAULT_ARCHITECTURE */.Qz;
    const runner = (0,runtime_platform/* runnerArchitecture */.aC)(arch);
    if (runner === task)
        return;
    const runsOn = task === 'ARM64' ? 'ubuntu-24.04-arm' : 'ubuntu-latest';
    const why = taskDefinition.runtimePlatform
        ? `the task runs on ${task} (its runtime platform)`
        : `the task names no runtime platform, so ECS runs it on ${task}`;
    throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`cannot export Habitat packages for this task on this runner: ${why}, but this runner is ${runner ?? arch}, and hab pkg export makes images of the runner's architecture (each Habitat package is built for one): run the job on an ${task} runner (runs-on: ${runsOn}), or set runtime-platform to the runner's`, { input: taskDefinition.runtimePlatform ? 'runtime-platform' : 'habitat-packages' }));
}

// EXTERNAL MODULE: ./src/stages/request.ts + 45 modules
var stages_request = __webpack_require__(2332);
;// CONCATENATED MODULE: ./src/stages/pin.ts

/**
 * Translates again with the images in the registry, so the task definition names digests, not
 * tags that can move. Its warnings were printed by the first translation, before anything ran.
 */
function pinTaskDefinition(request, images, registry) {
    const references = new Map(images.map((p) => [p.repository, p.reference]));
    const pinned = (0,stages_request/* translateRequest */.G)(request, registry, references);
    const vpc = pinned.runParams.networkConfiguration?.awsvpcConfiguration;
    return {
        taskDefinition: pinned.taskDefinition,
        images: Object.fromEntries([...pinned.project.services.keys()].flatMap((name) => {
            const image = (pinned.habitatServices.get(name) ?? pinned.builtServices.get(name))?.image;
            return image === undefined ? [] : [[name, image]];
        })),
        ...(vpc?.subnets && {
            network: {
                subnets: vpc.subnets,
                ...(vpc.securityGroups && { securityGroups: vpc.securityGroups }),
                ...(vpc.assignPublicIp && { assignPublicIp: vpc.assignPublicIp }),
            },
        }),
    };
}

// EXTERNAL MODULE: ./src/stages/preflight.ts + 2 modules
var preflight = __webpack_require__(526);
// EXTERNAL MODULE: ./src/ecs/diff.ts
var ecs_diff = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/ecs/register.ts + 4 modules
var register = __webpack_require__(5314);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/UpdateServiceCommand.js
var UpdateServiceCommand = __webpack_require__(7188);
// EXTERNAL MODULE: ./src/ecs/teardown.ts + 1 modules
var teardown = __webpack_require__(7848);
;// CONCATENATED MODULE: ./src/ecs/rollback.ts





/**
 * Puts things back the way they were before this run, so nothing is left half-deployed.
 * A service this run created did not exist before, so it is deleted rather than left at 0
 * tasks: the next run creates it again. The revision registered by this run is kept (it is
 * reused when the same content is deployed again; teardown or keep-revisions removes it).
 */
async function rollBack(ecs, options) {
    const { cluster, service: name, log } = options;
    if (options.created) {
        const deletion = await (0,teardown/* deleteService */.h)(ecs, options);
        const detail = deletion.deleted
            ? `deleted service ${name}, which this run had created`
            : `service ${name} was already gone`;
        log.info(`Rollback: ${detail}`);
        return { action: 'deleted', detail };
    }
    const previous = options.previousTaskDefinition;
    if (!previous || previous === options.failedTaskDefinition) {
        const detail = `no earlier task definition to roll ${name} back to`;
        log.warning(`Rollback: ${detail}`);
        return { action: 'none', detail };
    }
    const since = new Date();
    const current = await (0,ecs_service/* describeService */.Jv)(ecs, cluster, name);
    let target = current;
    const ecsRollback = current?.taskDefinition === previous || options.ecsRollsBack
        ? await ecsRollbackDeployment(ecs, options, previous)
        : undefined;
    if (ecsRollback) {
        // The circuit breaker rolls back on its own: a second rollback deployment would race it.
        target = ecsRollback;
        log.info(`Rollback: ECS's circuit breaker is rolling ${name} back to ${previous}`);
    }
    else {
        const out = await ecs.send(new UpdateServiceCommand/* UpdateServiceCommand */.k({ cluster, service: name, taskDefinition: previous }));
        target = out.service;
        log.info(`Rollback: updated ${name} back to ${previous}`);
    }
    // The same cluster, service, clock and bounds as the rollback itself (as deleteService above).
    const wait = await waitForDeployment(ecs, {
        ...options,
        deploymentId: target ? (0,ecs_service/* primaryId */.kx)(target) : '',
        taskDefinitionArn: previous,
        since,
    });
    const who = ecsRollback
        ? `ECS rolled ${name} back to ${previous}`
        : `service ${name} was put back on ${previous}`;
    const detail = wait.outcome === 'stable'
        ? ecsRollback
            ? `${who} (its circuit breaker), and it is stable`
            : `service ${name} is back on ${previous} and stable`
        : `${who}, but that deployment ${wait.outcome}: ${wait.reason}`;
    log.info(`Rollback: ${detail}`);
    return { action: 'restored', detail, wait };
}
/**
 * The service once ECS's own rollback deployment (PRIMARY, on `previous`) is listed: the breaker
 * marks ours FAILED first and starts the rollback after, so it is read until it appears, within
 * the rollback's time (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).
 * Undefined when it never does: then the action rolls back itself.
 */
async function ecsRollbackDeployment(ecs, options, previous) {
    // ECS starts it seconds after the failure; past this, it is not coming and the action rolls back.
    return (0,poll/* pollUntil */.g)({ ...options, timeoutMs: Math.min(options.timeoutMs, 120_000) }, 5_000, async () => {
        const service = await (0,ecs_service/* describeService */.Jv)(ecs, options.cluster, options.service);
        const primary = service?.deployments?.find((d) => d.status === 'PRIMARY');
        return primary?.taskDefinition === previous ? service : undefined;
    });
}

// EXTERNAL MODULE: ./src/ecs/strategy.ts
var strategy = __webpack_require__(448);
;// CONCATENATED MODULE: ./src/stages/rollout.ts







/**
 * Register (unless an identical revision exists), point the service at it (unless it already
 * runs it), wait until stable, then prune old revisions; or, when the wait fails, roll back.
 */
async function rollout(ecs, input) {
    const { cluster, service, log, progress } = input;
    const registered = await log.group('Register', () => (0,register/* registerTaskDefinition */.eQ)(ecs, input.taskDefinition, {
        tags: input.tags,
        ...(input.checked?.taskDefinition && { running: input.checked.taskDefinition }),
        ...(input.beforeChange && { beforeRegister: input.beforeChange }),
        log,
    }));
    if (registered.changed)
        progress.record(`${(0,src_progress/* shortArn */.k$)(registered.arn)} registered`);
    const previous = registered.previous;
    // Published (the summary, a pull request comment) with environment names only; the log shows
    // the values, masked where the name looks secret.
    const diff = (0,ecs_diff/* diffTaskDefinitions */.n)(previous?.taskDefinition, input.taskDefinition);
    if (previous && diff.length > 0) {
        log.info(`Changes against ${(0,src_progress/* shortArn */.k$)(previous.arn)}:`);
        for (const line of (0,ecs_diff/* diffTaskDefinitions */.n)(previous.taskDefinition, input.taskDefinition, 'masked'))
            log.info(`  ${line}`);
    }
    let ran = [];
    const runBefore = input.runBefore;
    const moves = input.forceNewDeployment || input.checked?.taskDefinition !== registered.arn;
    if (runBefore && moves) {
        await input.beforeChange?.();
        const result = await log.group('Run before deploy', () => runBefore(registered.arn));
        ran = result.ran;
        if (result.failure) {
            const running = input.checked?.taskDefinition;
            return {
                registered,
                diff,
                ran,
                end: { kind: 'run-failed', lines: result.failure, ...(running && { running }) },
            };
        }
    }
    else if (runBefore) {
        log.info(`run-before-deploy: not run, the service already runs ${(0,src_progress/* shortArn */.k$)(registered.arn)}`);
    }
    const since = new Date();
    const deployment = await log.group('Deploy', () => (0,ecs_service/* deployService */.z5)(ecs, {
        cluster,
        service,
        taskDefinitionArn: registered.arn,
        forceNewDeployment: input.forceNewDeployment,
        // What was checked still holds unless this run took time to register (or push, or run) something.
        ...(!input.pushed &&
            !registered.changed &&
            ran.length === 0 && { checked: { service: input.checked } }),
        ...(input.create && { create: { ...input.create, tags: input.tags } }),
        ...(input.network && { network: input.network }),
        ...(input.settings && { settings: input.settings }),
        ...(input.beforeChange && { beforeChange: input.beforeChange }),
        log,
    }));
    const done = { registered, diff, ran, deployment };
    const scaled = async () => (input.scale ? await log.group('Autoscaling', input.scale) : []);
    if (!deployment.created && !deployment.updated)
        return { ...done, scaled: await scaled(), end: { kind: 'unchanged' } };
    progress.serviceNow = registered.arn;
    if (input.waitTimeoutMs === undefined)
        return { ...done, scaled: await scaled(), end: { kind: 'not-waited' } };
    const poll = { cluster, service, timeoutMs: input.waitTimeoutMs, log, ...input.poll };
    if ((0,strategy/* shiftsTraffic */.ZI)(deployment.strategy)) {
        return followStrategy(ecs, input, { ...done, poll, since, scaled, family: registered.family });
    }
    const wait = await log.group('Wait', () => waitForDeployment(ecs, {
        ...poll,
        deploymentId: deployment.deploymentId,
        taskDefinitionArn: registered.arn,
        since,
    }));
    if (wait.outcome === 'stable') {
        if (input.keepRevisions > 0) {
            await (0,register/* pruneRevisions */.tx)(ecs, {
                family: registered.family,
                cluster,
                keep: input.keepRevisions,
                protect: [registered.arn],
                log,
            });
        }
        return { ...done, scaled: await scaled(), end: { kind: 'stable' } };
    }
    if (!input.rollbackOnFailure)
        return { ...done, scaled: [], end: { kind: 'failed', wait } };
    const rollback = await log.group('Rollback', () => rollBack(ecs, {
        ...poll,
        failedTaskDefinition: registered.arn,
        ...(deployment.previousTaskDefinition && {
            previousTaskDefinition: deployment.previousTaskDefinition,
        }),
        created: deployment.created,
        ecsRollsBack: breakerRollsBack(wait, deployment.deploymentId),
    }));
    return { ...done, scaled: [], end: { kind: 'failed', wait, rollback } };
}
/**
 * The wait and rollback of a BLUE_GREEN, LINEAR or CANARY deployment: followed through ECS's
 * service deployment APIs (loaded only for one). ECS rolls back a failed one itself; one that
 * does not finish in time is rolled back by ECS at our request, never by a second deployment.
 */
async function followStrategy(ecs, input, run) {
    const { log } = input;
    const { registered, diff, ran, deployment, poll } = run;
    const done = { registered, diff, ran, deployment };
    const sd = await __webpack_require__.e(/* import() */ 655).then(__webpack_require__.bind(__webpack_require__, 655));
    const wait = await log.group('Wait', () => sd.waitForServiceDeployment(ecs, { ...poll, taskDefinitionArn: registered.arn, since: run.since }));
    const stages = wait.stages;
    if (wait.outcome === 'stable') {
        if (input.keepRevisions > 0) {
            await (0,register/* pruneRevisions */.tx)(ecs, {
                family: run.family,
                cluster: input.cluster,
                keep: input.keepRevisions,
                protect: [registered.arn],
                log,
            });
        }
        return { ...done, stages, scaled: await run.scaled(), end: { kind: 'stable' } };
    }
    if (wait.rolledBack) {
        const detail = wait.rolledBack.succeeded
            ? `ECS rolled ${input.service} back to the previous revision (${wait.rolledBack.reason})`
            : `ECS tried to roll ${input.service} back, and that failed (${wait.rolledBack.reason})`;
        return {
            ...done,
            stages,
            scaled: [],
            end: { kind: 'failed', wait, rollback: { action: 'restored', detail } },
        };
    }
    if (!input.rollbackOnFailure)
        return { ...done, stages, scaled: [], end: { kind: 'failed', wait } };
    const rollback = await log.group('Rollback', async () => {
        if (deployment.created)
            return rollBack(ecs, { ...poll, failedTaskDefinition: registered.arn, created: true });
        if (!wait.serviceDeploymentArn)
            return rollBack(ecs, {
                ...poll,
                failedTaskDefinition: registered.arn,
                ...(deployment.previousTaskDefinition && {
                    previousTaskDefinition: deployment.previousTaskDefinition,
                }),
                created: false,
            });
        const r = await sd.rollBackServiceDeployment(ecs, wait.serviceDeploymentArn, poll);
        return { action: r.rolledBack ? 'restored' : 'none', detail: r.detail };
    });
    return { ...done, stages, scaled: [], end: { kind: 'failed', wait, rollback } };
}
/** ECS's circuit breaker failed our deployment, and will roll back itself (its rollback option). */
function breakerRollsBack(wait, deploymentId) {
    const service = wait.service;
    const ours = service?.deployments?.find((d) => d.id === deploymentId);
    const breaker = service?.deploymentConfiguration?.deploymentCircuitBreaker;
    return ours?.rolloutState === 'FAILED' && breaker?.enable === true && breaker.rollback === true;
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/RunTaskCommand.js


class RunTaskCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "RunTask", schemas_0/* RunTask$ */.nnR) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/StopTaskCommand.js


class StopTaskCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StopTask", schemas_0/* StopTask$ */.kfB) {
}

;// CONCATENATED MODULE: ./src/ecs/run-task.ts



/** How often DescribeTasks is asked, as the SDK's tasks-stopped waiter does. */
const run_task_DEFAULT_INTERVAL_MS = 6_000;
/** Starts the task, then polls it until it stops or the time is up, when it is stopped. */
async function runOneOff(ecs, options) {
    const { cluster, log, placement } = options;
    const started = await ecs.send(new RunTaskCommand({
        cluster,
        taskDefinition: options.taskDefinitionArn,
        count: 1,
        startedBy: options.startedBy,
        ...(placement.capacityProviderStrategy?.length
            ? { capacityProviderStrategy: placement.capacityProviderStrategy }
            : placement.launchType && { launchType: placement.launchType }),
        ...(placement.platformVersion && { platformVersion: placement.platformVersion }),
        ...(placement.networkConfiguration && { networkConfiguration: placement.networkConfiguration }),
        ...(options.command && {
            overrides: { containerOverrides: [{ name: options.container, command: options.command }] },
        }),
    }));
    const taskArn = started.tasks?.[0]?.taskArn;
    if (!taskArn) {
        const reasons = (started.failures ?? []).map((f) => [f.reason, f.detail].filter(Boolean).join(': '));
        return {
            kind: 'not-started',
            reason: reasons.join('; ') || 'RunTask started no task and gave no reason',
        };
    }
    log.info(`Started task ${taskId(taskArn)} (${options.taskDefinitionArn.split('/').pop() ?? ''})`);
    options.onStarted?.(taskArn);
    let last = started.tasks?.[0]?.lastStatus ?? 'PROVISIONING';
    let described;
    const now = options.now ?? Date.now;
    const settle = new Settle(now(), now);
    const ended = await (0,poll/* pollUntil */.g)(options, run_task_DEFAULT_INTERVAL_MS, async (interval) => {
        const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }));
        const task = out.tasks?.find((t) => t.taskArn === taskArn);
        if (!task) {
            // Right after RunTask, DescribeTasks may not know the task yet (settle.ts): it still runs.
            if (!settle.believe())
                return new poll/* Again */.N(settle.delay(interval));
            const failure = out.failures?.find((f) => f.arn === taskArn) ?? out.failures?.[0];
            return { kind: 'lost', taskArn, reason: failure?.reason ?? 'DescribeTasks does not list it' };
        }
        settle.seen();
        described = task;
        if (task.lastStatus && task.lastStatus !== last) {
            last = task.lastStatus;
            log.info(`Task ${taskId(taskArn)}: ${last}${task.stoppedReason ? ` (${task.stoppedReason})` : ''}`);
        }
        return task.lastStatus === 'STOPPED' ? { kind: 'stopped', task } : undefined;
    });
    if (ended)
        return ended;
    log.info(`Task ${taskId(taskArn)} is still ${last}: stopping it`);
    const timedOut = {
        kind: 'timed-out',
        taskArn,
        lastStatus: last,
        ...(described && { task: described }),
    };
    try {
        await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason: options.stopReason }));
        return timedOut;
    }
    catch (e) {
        return { ...timedOut, stopError: e.message };
    }
}
/** The task's id: the last part of its ARN (new and old ARN formats alike). */
function taskId(taskArn) {
    return taskArn.split('/').pop() ?? taskArn;
}

;// CONCATENATED MODULE: ./src/ecs/task-logs.ts


/**
 * The awslogs stream of one container of a task: `<prefix>/<container>/<task id>` with
 * awslogs-stream-prefix; without one (EC2 only), the Docker container id, which ECS gives as the
 * container's runtimeId. A string: why there is none.
 */
function logStreamOf(definition, task, defaultRegion) {
    const config = definition.logConfiguration;
    if (!config)
        return 'it has no log configuration';
    if (config.logDriver !== 'awslogs')
        return `it logs with ${config.logDriver ?? '?'}, not awslogs`;
    const options = config.options ?? {};
    const group = options['awslogs-group'];
    if (!group)
        return 'its awslogs options name no awslogs-group';
    const region = options['awslogs-region'] ?? defaultRegion;
    const prefix = options['awslogs-stream-prefix'];
    const name = definition.name ?? '';
    if (prefix)
        return { region, group, stream: `${prefix}/${name}/${taskId(task.taskArn ?? '')}` };
    const runtimeId = task.containers?.find((c) => c.name === name)?.runtimeId;
    if (runtimeId)
        return { region, group, stream: runtimeId };
    return 'it has no awslogs-stream-prefix, and ECS gave no container id to find its stream by';
}
/**
 * The last lines the container logged (GetLogEvents, newest last), or a line saying why they
 * could not be read. Never fails the caller: the logs only explain a failure already known.
 */
async function lastLogLines(where, limit) {
    try {
        const { CloudWatchLogsClient, GetLogEventsCommand } = await Promise.all(/* import() */[__webpack_require__.e(481), __webpack_require__.e(957)]).then(__webpack_require__.bind(__webpack_require__, 1957));
        const logs = (0,clients/* withCallContext */.eK)(new CloudWatchLogsClient((0,clients/* awsClientOptions */.BE)(where.region)));
        const out = await logs.send(new GetLogEventsCommand({
            logGroupName: where.group,
            logStreamName: where.stream,
            limit,
            startFromHead: false,
        }));
        return (out.events ?? []).map((e) => (e.message ?? '').trimEnd());
    }
    catch (e) {
        return `could not read it (logs:GetLogEvents): ${e.name}: ${e.message}`;
    }
}

;// CONCATENATED MODULE: ./src/ecs/task-outcome.ts
function judgeStoppedTask(task, definitions, named) {
    const essential = new Set(definitions.filter((d) => d.essential !== false).map((d) => d.name ?? ''));
    const byName = new Map((task.containers ?? []).map((c) => [c.name ?? '', c]));
    const containers = [];
    const failures = [];
    for (const d of definitions) {
        const name = d.name ?? '';
        const c = byName.get(name);
        const code = c?.exitCode;
        const state = code !== undefined && code !== null
            ? `exit ${code}`
            : `no exit code${c?.reason ? `: ${c.reason}` : c ? '' : ': ECS does not list the container'}`;
        const role = essential.has(name) ? 'essential' : 'not essential';
        containers.push(`${name} (${role}): ${state}${code !== undefined && code !== 0 && c?.reason ? ` (${c.reason})` : ''}`);
        if (essential.has(name) && code !== 0)
            failures.push(`${name}: ${state}`);
    }
    const stopped = [task.stopCode, task.stoppedReason].filter(Boolean).join(': ');
    const ok = failures.length === 0;
    const summary = ok
        ? `${named} exited 0${stopped ? ` (${stopped})` : ''}`
        : `${failures.join(', ')}${stopped ? ` (${stopped})` : ''}`;
    const failed = [named, ...failures.map((f) => f.split(':')[0] ?? '')].filter((n, i, all) => n !== '' && all.indexOf(n) === i);
    return { ok, containers, failed: ok ? [] : failed, summary };
}

;// CONCATENATED MODULE: ./src/stages/run-before.ts



/** Lines of output shown for each failed container, and at most this many containers. */
const LOG_LINES = 20;
const LOG_CONTAINERS = 3;
/** What ListTasks --started-by finds these tasks by. */
const STARTED_BY = 'habitat-ecs-deploy';
/** Runs each task on the revision in turn, as the service's tasks run; stops at the first that fails. */
async function runBeforeDeploy(ecs, taskDefinitionArn, input) {
    const { log, progress } = input;
    const ran = [];
    for (const task of input.tasks) {
        log.info(`run-before-deploy: ${task.line}`);
        const run = await runOneOff(ecs, {
            cluster: input.cluster,
            taskDefinitionArn,
            container: task.container,
            ...(task.command && { command: task.command }),
            placement: input.placement,
            startedBy: STARTED_BY,
            stopReason: `habitat-ecs-deploy: run-timeout-minutes (${minutes(input.timeoutMs)}) passed`,
            // Said if the run stops here: a started task runs on in ECS.
            onStarted: (arn) => progress.record(`one-off task ${taskId(arn)} (${task.container}) started`),
            timeoutMs: input.timeoutMs,
            log,
            ...input.poll,
        });
        const failure = await explain(run, task, input);
        if (failure)
            return { ran, failure };
        if (run.kind === 'stopped') {
            const line = `${task.line}: task ${taskId(run.task.taskArn ?? '')}: ${judgeStoppedTask(run.task, input.containers, task.container).summary}`;
            log.info(line);
            ran.push(line);
        }
    }
    return { ran };
}
/** Why the run did not pass, with the logs that say more; undefined when it passed. */
async function explain(run, task, input) {
    const head = `run-before-deploy "${task.line}"`;
    switch (run.kind) {
        case 'not-started':
            return [`${head}: ECS did not start the task: ${run.reason}`];
        case 'lost':
            return [
                `${head}: task ${taskId(run.taskArn)} is gone from ECS (${run.reason}); its exit codes are unknown`,
            ];
        case 'timed-out': {
            const stopped = run.stopError
                ? `StopTask failed (${run.stopError}); stop it with: aws ecs stop-task --cluster ${input.cluster} --task ${run.taskArn}`
                : 'it was stopped (StopTask)';
            const lines = [
                `${head}: task ${taskId(run.taskArn)} was still ${run.lastStatus} after run-timeout-minutes (${minutes(input.timeoutMs)}); ${stopped}`,
            ];
            if (run.task)
                lines.push(...(await logsOf([task.container], run.task, input)));
            return lines;
        }
        case 'stopped': {
            const verdict = judgeStoppedTask(run.task, input.containers, task.container);
            if (verdict.ok)
                return undefined;
            return [
                `${head} failed: task ${taskId(run.task.taskArn ?? '')}: ${verdict.summary}`,
                'Containers:',
                ...verdict.containers.map((c) => `  ${c}`),
                ...(await logsOf(verdict.failed.slice(0, LOG_CONTAINERS), run.task, input)),
            ];
        }
    }
}
async function logsOf(names, task, input) {
    const lines = [];
    for (const name of names) {
        const definition = input.containers.find((c) => c.name === name);
        if (!definition)
            continue;
        const where = logStreamOf(definition, task, input.region);
        if (typeof where === 'string') {
            lines.push(`No log lines of ${name}: ${where}.`);
            continue;
        }
        const read = await lastLogLines(where, LOG_LINES);
        const place = `log group ${where.group}, stream ${where.stream}`;
        if (typeof read === 'string')
            lines.push(`No log lines of ${name} (${place}): ${read}`);
        else if (read.length === 0)
            lines.push(`No log lines of ${name} (${place}): the stream is empty or missing.`);
        else
            lines.push(`Last ${read.length} log lines of ${name} (${place}):`, ...read.map((l) => `  ${l}`));
    }
    return lines;
}
/**
 * Where one-off tasks run: where the service's tasks run. For a service that exists, its launch
 * type or capacity providers, platform version and network; for one to be created, what it will
 * be created with. Capacity providers and a platform version given as inputs win, as they will
 * once the service is updated.
 */
function oneOffPlacement(service, create, settings) {
    const strategy = settings.capacityProviderStrategy.length > 0
        ? settings.capacityProviderStrategy.map((i) => ({ ...i }))
        : (service?.capacityProviderStrategy ?? []);
    const launchType = service ? service.launchType : create.launchType;
    const vpc = service
        ? service.networkConfiguration?.awsvpcConfiguration
        : create.network && {
            subnets: [...create.network.subnets],
            ...(create.network.securityGroups && { securityGroups: [...create.network.securityGroups] }),
            assignPublicIp: create.network.assignPublicIp ?? 'DISABLED',
        };
    const platformVersion = settings.platformVersion ?? service?.platformVersion;
    return {
        ...(strategy.length > 0 ? { capacityProviderStrategy: strategy } : launchType && { launchType }),
        ...(platformVersion && { platformVersion }),
        ...(vpc?.subnets?.length && { networkConfiguration: { awsvpcConfiguration: vpc } }),
    };
}
function minutes(ms) {
    const m = ms / 60_000;
    return `${Number(m.toFixed(2))} min`;
}

// EXTERNAL MODULE: ./src/lazy.ts
var lazy = __webpack_require__(9257);
// EXTERNAL MODULE: ./src/registry/ecr.ts
var registry_ecr = __webpack_require__(9857);
;// CONCATENATED MODULE: ./src/stages/session.ts




function openRegistrySession(ecr, options) {
    const { log } = options;
    const credentials = (0,lazy/* once */.O)(async () => {
        const auth = await (0,login/* authorizeRegistry */.Hw)(ecr, log);
        checkAccount(options.accountId, auth.registry);
        return auth;
    });
    const loggedIn = (0,lazy/* once */.O)(async () => {
        const auth = await credentials();
        const dockerConfigDir = (0,login/* newDockerConfigDir */.Of)(options.tempDir);
        // Saved first: the post step removes the config even if this step dies during the login.
        options.saveState({ registry: auth.registry, dockerConfigDir });
        return (0,login/* dockerLogin */.a1)(auth, {
            dockerConfigDir,
            log,
            ...(options.env && { env: options.env }),
            ...(options.run && { run: options.run }),
        });
    });
    const repositories = new Map();
    const ensure = async (repository) => {
        // The account is checked before anything is made in it.
        await credentials();
        const settings = options.createRepositories;
        if (settings && !repositories.has(repository))
            repositories.set(repository, (0,registry_ecr/* ensureRepositories */.n2)(ecr, [repository], settings, log));
        await repositories.get(repository);
    };
    return {
        credentials,
        repository: ensure,
        async prepare(repository) {
            await ensure(repository);
            return loggedIn();
        },
    };
}
/** The account of the registry the credentials reach must be the one asked for. */
function checkAccount(accountId, registry) {
    const account = registry.split('.')[0];
    if (accountId && account !== accountId) {
        throw new diagnostics/* UserError */.yo((0,diagnostics/* error */.z3)(`the AWS credentials reach the ECR registry of account ${account ?? '?'}, not ${accountId}: fix aws-account-id or the credentials`, { input: 'aws-account-id' }));
    }
}

// EXTERNAL MODULE: ./src/stages/verify.ts + 21 modules
var verify = __webpack_require__(9203);
;// CONCATENATED MODULE: ./src/modes/deploy.ts




















/**
 * The deploy mode: check, get every image into the registry, pin the task definition to their
 * digests, roll it out (after the one-off tasks, if any, passed). The service is only touched
 * once every image it names is pushed.
 */
async function deploy(asked, run, runner, actionLog, progress) {
    const log = progress.tracking(actionLog);
    const temp = runner.tempDir;
    const config = await (0,given_task/* readGivenRevision */.V)(asked, (0,clients/* awsClients */.e7)(asked.region).ecs);
    const plan = (0,preflight/* preflight */.M)(config, log, { settings: config.serviceSettings, oneOffs: config.runBeforeDeploy });
    checkExportArchitecture(plan.translated.taskDefinition, plan.packages.length, process.arch);
    // Everything the task needs now; the cluster's room before the first change (see verifyStage).
    const beforeChange = await (0,verify/* verifyStage */.U)(config, plan.translated, actionLog, 'before-first-change');
    const { ecr, ecs } = (0,clients/* awsClients */.e7)(config.region);
    // Before the first side effect: the cluster exists, and the service can be updated or created.
    const checked = await (0,ecs_service/* checkService */._x)(ecs, {
        cluster: config.cluster,
        service: config.service,
        canCreate: config.createService,
    });
    progress.serviceBefore = checked?.taskDefinition;
    await (0,target_groups/* checkTargetGroups */.C)(config.serviceSettings.loadBalancers, {
        region: config.region,
        networkMode: plan.translated.taskDefinition.networkMode,
        log,
    });
    // What a BLUE_GREEN, LINEAR or CANARY deployment needs (reads; clients load only when given).
    await (0,strategy_checks/* checkStrategyPieces */.J)(config.serviceSettings.loadBalancers, config.serviceSettings.strategy, {
        region: config.region,
        log,
    });
    const session = openRegistrySession(ecr, {
        ...(config.accountId && { accountId: config.accountId }),
        ...(config.createRepositories && { createRepositories: config.repository }),
        tempDir: temp,
        saveState: runner.saveLoginState,
        log,
    });
    // Packages named without a release: which one the export would get, so that one the registry
    // already holds is reused. Part of reusing released images, and off with it.
    const resolved = config.reuseReleasedImages
        ? await (0,resolve/* resolveReleases */.T9)(plan.packages, {
            settings: config.habitatExport,
            log,
            maxParallel: config.maxParallel,
        })
        : undefined;
    const images = await acquireImages(plan.packages, session, {
        builds: plan.builds,
        tags: [config.imageTag, ...config.extraTags],
        versionTags: config.pushVersionTags,
        reuseReleased: config.reuseReleasedImages,
        ...(resolved && { resolved }),
        maxParallel: config.maxParallel,
        workDir: external_node_path_.join(temp, 'habitat-ecs-deploy', 'export'),
        workspace: run.workspace,
        exportSettings: config.habitatExport,
        beforeChange,
        log,
        progress,
    });
    const registry = images.length > 0 ? (await session.credentials()).registry : plan.registry;
    const task = pinTaskDefinition(config, images, registry);
    const pushed = images.some((p) => p.pushed);
    const autoscaling = config.serviceSettings.autoscaling;
    const outcome = await rollout(ecs, {
        cluster: config.cluster,
        service: config.service,
        taskDefinition: task.taskDefinition,
        checked,
        pushed,
        tags: runTags(run),
        ...(config.createService && {
            create: {
                launchType: config.launchType,
                desiredCount: (0,ecs_autoscaling/* initialDesiredCount */.MU)(config.desiredCount, config.serviceSettings.autoscaling),
                ...(task.network && { network: task.network }),
            },
        }),
        ...(task.network && { network: task.network }),
        forceNewDeployment: config.forceNewDeployment,
        ...(config.waitForStability && { waitTimeoutMs: config.waitTimeoutMinutes * 60_000 }),
        rollbackOnFailure: config.rollbackOnFailure,
        keepRevisions: config.keepRevisions,
        beforeChange,
        settings: config.serviceSettings,
        ...(autoscaling && {
            scale: () => (0,stages_autoscaling/* scaleService */.K)({
                region: config.region,
                cluster: config.cluster,
                service: config.service,
                settings: autoscaling,
                loadBalancers: config.serviceSettings.loadBalancers,
                exists: true,
                apply: true,
                log,
            }),
        }),
        ...(config.runBeforeDeploy.length > 0 && {
            runBefore: (taskDefinitionArn) => runBeforeDeploy(ecs, taskDefinitionArn, {
                cluster: config.cluster,
                tasks: config.runBeforeDeploy,
                containers: task.taskDefinition.containerDefinitions ?? [],
                placement: oneOffPlacement(checked, { launchType: config.launchType, ...(task.network && { network: task.network }) }, config.serviceSettings),
                timeoutMs: config.runTimeoutMs,
                region: config.region,
                log,
                progress,
            }),
        }),
        log,
        progress,
    });
    const report = {
        ...(0,modes_report/* baseReport */.uZ)(config),
        taskDefinition: task.taskDefinition,
        images: task.images,
        pushes: images.map((p) => ({
            repository: p.repository,
            reference: p.reference,
            pushed: p.pushed,
            ...(p.upload && {
                layers: {
                    total: p.upload.layers,
                    pushed: p.upload.layersPushed,
                    present: p.upload.layersPresent,
                    bytes: p.upload.bytesPushed,
                },
            }),
        })),
        changed: pushed,
        notes: [...deployNotes(config, run), ...(0,resolve/* resolutionNotes */.ED)(resolved)],
        timings: progress.timings,
    };
    return reportRollout(report, outcome);
}
/** The report of a rollout that went as far as it should; a failed one throws DeployFailed with it. */
function reportRollout(base, outcome) {
    const { registered } = outcome;
    const registration = {
        ...base,
        taskDefinitionArn: registered.arn,
        registered: registered.changed,
        diff: outcome.diff,
        ...(outcome.ran.length > 0 && { ranBefore: outcome.ran }),
        changed: base.changed || registered.changed,
    };
    if (!outcome.deployment) {
        const { running } = outcome.end;
        const service = running
            ? `the service was not updated: it still runs ${(0,src_progress/* shortArn */.k$)(running)}`
            : 'the service was not created';
        const lines = [
            ...outcome.end.lines,
            `So ${service}. The revision ${(0,src_progress/* shortArn */.k$)(registered.arn)} stays registered and unused, which is harmless: nothing runs it, and a rerun with the same inputs reuses it.`,
        ];
        throw new modes_report/* DeployFailed */.Nr(lines, {
            ...registration,
            state: `a task run before the deploy failed; ${service}`,
        });
    }
    const { deployment, end } = outcome;
    const changed = deployment.created || deployment.updated;
    const settingLines = [...deployment.settingsChanged, ...outcome.scaled];
    const settingsChanged = settingLines.length > 0;
    const report = {
        ...registration,
        serviceArn: deployment.serviceArn,
        ...(changed && { deploymentId: deployment.deploymentId }),
        ...(settingsChanged && { settings: settingLines }),
        ...(outcome.stages && outcome.stages.length > 0 && { stages: outcome.stages }),
        changed: registration.changed || changed || settingsChanged,
    };
    const verb = deployment.created ? 'created' : 'updated';
    switch (end.kind) {
        case 'unchanged':
            return {
                ...report,
                state: `unchanged: the service already runs ${(0,src_progress/* shortArn */.k$)(registered.arn)}${settingsChanged ? '; its settings were updated' : ''}`,
            };
        case 'not-waited':
            return { ...report, state: `${verb}; not waited for (wait-for-service-stability is false)` };
        case 'stable':
            return { ...report, state: `${verb} and stable on ${(0,src_progress/* shortArn */.k$)(registered.arn)}` };
        case 'failed': {
            const lines = explainFailure(end.wait);
            lines.push(end.rollback
                ? `Rollback: ${end.rollback.detail}`
                : 'Rollback: not attempted (rollback-on-failure is false)');
            const state = end.rollback
                ? `${end.wait.outcome}; rollback: ${end.rollback.detail}`
                : `${end.wait.outcome}; not rolled back`;
            throw new modes_report/* DeployFailed */.Nr(lines, { ...report, state });
        }
    }
}
/** Tags of what a deploy registers or creates: where it came from. */
function runTags(run) {
    return {
        'habitat-ecs-deploy:commit': run.sha,
        'habitat-ecs-deploy:ref': run.ref,
        ...(run.runUrl && { 'habitat-ecs-deploy:run': run.runUrl }),
    };
}
function deployNotes(config, run) {
    const tags = [config.imageTag, ...config.extraTags].map((t) => `\`${t}\``).join(', ');
    if (config.preview) {
        return [
            `Preview of pull request #${config.preview.number}: service \`${config.service}\`, images tagged ${tags}.`,
        ];
    }
    if (run.ref.startsWith('refs/tags/'))
        return [`Release ${run.ref.slice('refs/tags/'.length)}: images pushed as ${tags}.`];
    return [];
}


/***/ })

};
;