"use strict";
exports.id = 838;
exports.ids = [838];
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

/***/ 4838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tearDown: () => (/* binding */ tearDown)
/* harmony export */ });
/* harmony import */ var _aws_clients__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(201);
/* harmony import */ var _ecs_teardown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7848);
/* harmony import */ var _inputs_pull_request__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2274);
/* harmony import */ var _registry_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9857);
/* harmony import */ var _report__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2084);
/* harmony import */ var _translate_habitat_package_source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(262);






/**
 * The teardown mode (and a closed pull request's preview): the service deleted, the revisions
 * this action registered deregistered, and a preview's images removed when asked.
 */
async function tearDown(config, log) {
    const { ecr, ecs } = (0,_aws_clients__WEBPACK_IMPORTED_MODULE_4__/* .awsClients */ .e7)(config.region);
    const { service } = config;
    const result = await log.group('Teardown', () => (0,_ecs_teardown__WEBPACK_IMPORTED_MODULE_0__/* .teardown */ .z)(ecs, {
        cluster: config.cluster,
        service,
        family: config.family,
        timeoutMs: config.waitTimeoutMinutes * 60_000,
        log,
    }));
    const state = [
        result.deleted ? `service ${service} deleted` : `service ${service} did not exist`,
        `${result.deregistered.length} task definition revision(s) deregistered`,
    ];
    // Only the pull request's own tag, whatever image-tag says: never a tag other deploys use.
    const tag = config.preview && (0,_inputs_pull_request__WEBPACK_IMPORTED_MODULE_5__/* .previewTag */ .jv)(config.preview.number);
    if (tag && config.removePreviewImages) {
        const repositories = config.packages.map(_translate_habitat_package_source__WEBPACK_IMPORTED_MODULE_3__/* .repositoryOf */ ._M);
        const removed = await log.group('Remove preview images', () => (0,_registry_ecr__WEBPACK_IMPORTED_MODULE_1__/* .deleteImageTag */ .jX)(ecr, repositories, tag, log));
        state.push(`${removed.length} ${tag} image(s) deleted`);
    }
    else if (tag) {
        state.push(`${tag} images kept (preview-remove-images is false)`);
    }
    return {
        ...(0,_report__WEBPACK_IMPORTED_MODULE_2__/* .baseReport */ .uZ)(config),
        mode: 'teardown',
        changed: result.deleted || result.deregistered.length > 0,
        state: state.join('; '),
        ...(config.preview && { notes: [`Preview of pull request #${config.preview.number} removed.`] }),
    };
}


/***/ })

};
;