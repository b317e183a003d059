"use strict";
exports.id = 518;
exports.ids = [518];
exports.modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ awsClientOptions),
/* harmony export */   e7: () => (/* binding */ awsClients),
/* harmony export */   eK: () => (/* binding */ withCallContext)
/* harmony export */ });
/* unused harmony export AWS_MAX_ATTEMPTS */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4211);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7777);


/**
 * Attempts per AWS call, the first included. The SDK's default is 3; a deploy already waits
 * minutes for ECS, and a few more seconds of backoff ride out most throttling and 5xx bursts.
 */
const AWS_MAX_ATTEMPTS = 5;
/** The settings every client of a run is made with; the SDK itself honours AWS_ENDPOINT_URL. */
function awsClientOptions(region) {
    return {
        region,
        maxAttempts: AWS_MAX_ATTEMPTS,
        // Bounded: a call that hangs (a dead proxy, a half-open connection) fails and is retried.
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    };
}
/** The ECR and ECS clients of a run: more attempts, and failures that say which call failed where. */
function awsClients(region) {
    const options = awsClientOptions(region);
    return { ecr: withCallContext(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_0__/* .ECRClient */ .S(options)), ecs: withCallContext(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .ECSClient */ .Z(options)) };
}
/** Makes the client's failures carry the call and endpoint (`$awsCall`) that explainAwsFailure names. */
function withCallContext(client) {
    // "initialize" is the outermost step: this sees the error after the SDK's retries gave up.
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (e) {
            if (e && typeof e === 'object') {
                const endpoint = context.endpointV2?.url?.href;
                const call = {
                    operation: `${(context.clientName ?? '').replace(/Client$/, '')} ${(context.commandName ?? '').replace(/Command$/, '')}`,
                    ...(endpoint && { endpoint }),
                };
                Object.defineProperty(e, '$awsCall', { value: call, enumerable: false });
            }
            throw e;
        }
    }, { step: 'initialize', name: 'habitatEcsDeployCallContext' });
    return client;
}


/***/ }),

/***/ 8470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JB: () => (/* binding */ stableStringify),
/* harmony export */   JL: () => (/* binding */ sameTaskDefinition),
/* harmony export */   mu: () => (/* binding */ normalizeTaskDefinition)
/* harmony export */ });
/* unused harmony export canonicalTaskDefinition */
/** What ECS adds to a task definition (or what is not content): never part of the comparison. */
const METADATA_KEYS = new Set([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
    'tags',
]);
/** The canonical content of a task definition: ECS defaults filled the same way, lists that ECS
 * treats as sets sorted, empty values dropped. Two definitions run the same tasks when their
 * canonical forms are equal. */
function normalizeTaskDefinition(td) {
    const content = {};
    for (const [key, value] of Object.entries(td)) {
        if (!METADATA_KEYS.has(key))
            content[key] = value;
    }
    const compat = [...(td.requiresCompatibilities ?? [])].sort();
    content.requiresCompatibilities = compat;
    // ECS fills in the network mode when it is left out: awsvpc for Fargate, bridge otherwise.
    const networkMode = td.networkMode ?? (compat.includes('FARGATE') ? 'awsvpc' : 'bridge');
    content.networkMode = networkMode;
    if (td.enableFaultInjection === false)
        delete content.enableFaultInjection;
    if (td.cpu !== undefined)
        content.cpu = taskSize(td.cpu, 'vcpu');
    if (td.memory !== undefined)
        content.memory = taskSize(td.memory, 'gb');
    content.containerDefinitions = (td.containerDefinitions ?? []).map((c) => normalizeContainer(c, networkMode));
    content.volumes = sortByName(td.volumes ?? []).map((v) => {
        const efs = v.efsVolumeConfiguration;
        if (efs?.rootDirectory === '/')
            return { ...v, efsVolumeConfiguration: { ...efs, rootDirectory: undefined } };
        return v;
    });
    return (prune(content) ?? {});
}
/** Stable JSON (keys sorted) of the canonical form. */
function canonicalTaskDefinition(td) {
    return stableStringify(normalizeTaskDefinition(td));
}
function sameTaskDefinition(a, b) {
    return canonicalTaskDefinition(a) === canonicalTaskDefinition(b);
}
function normalizeContainer(c, networkMode) {
    const out = { ...c };
    // Values ECS fills in when they are not given.
    if (c.cpu === 0)
        delete out.cpu;
    if (c.essential === true)
        delete out.essential;
    if (c.versionConsistency === 'enabled')
        delete out.versionConsistency;
    out.environment = sortByName(c.environment ?? []);
    out.secrets = sortByName(c.secrets ?? []);
    out.ulimits = sortByName(c.ulimits ?? []);
    out.portMappings = (c.portMappings ?? []).map((p) => {
        const mapping = { ...p };
        if (p.protocol === 'tcp')
            delete mapping.protocol;
        // In awsvpc and host mode ECS copies containerPort into hostPort; 0 means "any" in bridge mode.
        const hostIsContainer = (networkMode === 'awsvpc' || networkMode === 'host') && p.hostPort === p.containerPort;
        if (p.hostPort === 0 || hostIsContainer)
            delete mapping.hostPort;
        return mapping;
    });
    return out;
}
/** "1 vCPU" -> "1024", "2 GB" -> "2048"; ECS stores task sizes as plain units. */
function taskSize(value, unit) {
    const match = /^\s*([\d.]+)\s*(vcpu|gb)\s*$/i.exec(value);
    if (match?.[1] && match[2]?.toLowerCase() === unit)
        return String(Math.round(Number(match[1]) * 1024));
    return value.trim();
}
function sortByName(items) {
    return [...items].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}
/** Drops undefined, null, empty lists and empty objects, so "absent" and "empty" compare equal. */
function prune(value) {
    if (value === undefined || value === null)
        return undefined;
    if (value instanceof Date)
        return value.toISOString();
    if (Array.isArray(value)) {
        const items = value.map(prune).filter((v) => v !== undefined);
        return items.length > 0 ? items : undefined;
    }
    if (typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            const p = prune(v);
            if (p !== undefined)
                out[k] = p;
        }
        return Object.keys(out).length > 0 ? out : undefined;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return value;
    return undefined;
}
function stableStringify(value) {
    if (Array.isArray(value))
        return `[${value.map(stableStringify).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`);
        return `{${entries.join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}


/***/ }),

/***/ 5102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   Ln: () => (/* binding */ findService),
/* harmony export */   _x: () => (/* binding */ checkService),
/* harmony export */   kx: () => (/* binding */ primaryId),
/* harmony export */   z5: () => (/* binding */ deployService)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7188);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6987);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2125);
/* harmony import */ var _diagnostics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _settings__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5632);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3188);




/**
 * The service before the deploy, or undefined when it is to be created; throws a UserError when
 * it can be neither updated nor created. Run before the first side effect.
 */
async function checkService(ecs, options) {
    const { cluster, service: name } = options;
    const existing = await describeService(ecs, cluster, name);
    if (!existing || existing.status === 'INACTIVE') {
        if (options.canCreate)
            return undefined;
        const region = await ecs.config.region();
        throw new _diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`service "${name}" does not exist in cluster "${cluster}" (region ${region}); ` +
            'create it first, or set create-service: true to let this action create it', { input: 'service' }));
    }
    if (existing.status === 'DRAINING') {
        throw new _diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`service "${name}" in cluster "${cluster}" is being deleted (DRAINING); run again once it is INACTIVE`, {
            input: 'service',
        }));
    }
    const controller = existing.deploymentController?.type;
    if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL') {
        throw new _diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(controllerRefusal(name, cluster, controller), { input: 'service' }));
    }
    return existing;
}
/**
 * UpdateService takes no task definition for a service whose deployments another controller runs
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html): said before
 * anything is exported or pushed, with what to use instead.
 */
function controllerRefusal(name, cluster, controller) {
    const head = `service "${name}" in cluster "${cluster}" uses the ${controller} deployment controller, so ECS refuses a new task definition through UpdateService`;
    return controller === 'CODE_DEPLOY'
        ? `${head}: deploy it with an AWS CodeDeploy blue/green deployment (for example aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec), or point this action at a service that uses the ECS controller`
        : `${head}: its task sets are made by your own tooling (CreateTaskSet); point this action at a service that uses the ECS controller`;
}
/** Points the service at the task definition: update, create, or leave it when it already runs it. */
async function deployService(ecs, options) {
    const { cluster, service: name, taskDefinitionArn, log } = options;
    const existing = options.checked
        ? options.checked.service
        : await checkService(ecs, { cluster, service: name, canCreate: options.create !== undefined });
    if (!existing) {
        if (!options.create)
            throw new Error(`service ${name} was checked absent without create options`);
        await options.beforeChange?.();
        const created = await createService(ecs, options, options.create);
        log.info(`Created service ${created.serviceArn} on ${taskDefinitionArn}`);
        const settingsChanged = (0,_settings__WEBPACK_IMPORTED_MODULE_1__/* .describeCreated */ .MR)(options.settings);
        for (const line of settingsChanged)
            log.info(`  ${line}`);
        return {
            serviceArn: created.serviceArn ?? name,
            deploymentId: primaryId(created),
            created: true,
            updated: false,
            settingsChanged,
            strategy: strategyOf(created, options.settings),
        };
    }
    const previousTaskDefinition = existing.taskDefinition;
    const base = {
        serviceArn: existing.serviceArn ?? name,
        created: false,
        ...optional(previousTaskDefinition),
    };
    const settings = options.settings
        ? (0,_settings__WEBPACK_IMPORTED_MODULE_1__/* .settingsUpdate */ .Xp)(existing, options.settings)
        : { fields: {}, changes: [] };
    const network = networkChange(existing, options.network ?? options.create?.network);
    if (network)
        settings.changes.push(network.change);
    const redeploy = previousTaskDefinition !== taskDefinitionArn || options.forceNewDeployment === true;
    if (!redeploy && settings.changes.length === 0) {
        log.info(`Service ${name} already runs ${taskDefinitionArn}: not updated`);
        return {
            ...base,
            deploymentId: primaryId(existing),
            updated: false,
            settingsChanged: [],
            strategy: strategyOf(existing, undefined),
        };
    }
    await options.beforeChange?.();
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .UpdateServiceCommand */ .k({
        cluster,
        service: name,
        ...(redeploy && { taskDefinition: taskDefinitionArn }),
        forceNewDeployment: options.forceNewDeployment ?? false,
        ...settings.fields,
        ...(network && { networkConfiguration: network.configuration }),
    }));
    if (!out.service)
        throw new Error(`UpdateService returned no service for ${name}`);
    if (redeploy)
        log.info(`Updated service ${name}: ${previousTaskDefinition ?? '(none)'} -> ${taskDefinitionArn}`);
    for (const line of settings.changes)
        log.info(`Updated service ${name}: ${line}`);
    // Some settings start a deployment of their own (load balancers, capacity providers, platform).
    const deploymentId = primaryId(out.service);
    const updated = redeploy || deploymentId !== primaryId(existing);
    return {
        ...base,
        deploymentId,
        updated,
        settingsChanged: settings.changes,
        strategy: strategyOf(out.service, options.settings),
    };
}
/** The strategy the service deploys with: as ECS answered, else as asked (an answer may lag the write). */
function strategyOf(service, settings) {
    return service.deploymentConfiguration?.strategy ?? settings?.strategy?.strategy ?? 'ROLLING';
}
/**
 * The service, or undefined when ECS does not know it. A missing cluster is the user's to fix,
 * so it becomes a UserError that names the cluster and region.
 */
async function describeService(ecs, cluster, name) {
    const found = await findService(ecs, cluster, name);
    if (found === 'no-cluster')
        throw await clusterNotFound(ecs, cluster);
    return found;
}
/** One DescribeServices: the service, undefined when ECS does not know it, or 'no-cluster'. */
async function findService(ecs, cluster, name) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H({ cluster, services: [name] }));
        return out.services?.[0];
    }
    catch (e) {
        if (e.name === 'ClusterNotFoundException')
            return 'no-cluster';
        throw e;
    }
}
async function clusterNotFound(ecs, cluster) {
    const region = await ecs.config.region();
    return new _diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`cluster "${cluster}" was not found in region ${region}; create it, or check the cluster name and region`, {
        input: 'cluster',
    }));
}
async function createService(ecs, options, create) {
    const network = create.network;
    const tags = Object.entries((0,_tags__WEBPACK_IMPORTED_MODULE_4__/* .ecsTags */ .p)(create.tags ?? {})).map(([key, value]) => ({ key, value }));
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_5__/* .CreateServiceCommand */ .J({
        cluster: options.cluster,
        serviceName: options.service,
        taskDefinition: options.taskDefinitionArn,
        desiredCount: create.desiredCount,
        ...(network && { networkConfiguration: networkConfiguration(network) }),
        ...(0,_settings__WEBPACK_IMPORTED_MODULE_1__/* .createFields */ .aI)(options.settings, create.launchType),
        enableECSManagedTags: true,
        ...(tags.length > 0 ? { tags } : {}),
    }));
    if (!out.service)
        throw new Error(`CreateService returned no service for ${options.service}`);
    return out.service;
}
function networkConfiguration(network) {
    return {
        awsvpcConfiguration: {
            subnets: [...network.subnets],
            ...(network.securityGroups && { securityGroups: [...network.securityGroups] }),
            assignPublicIp: network.assignPublicIp ?? 'DISABLED',
        },
    };
}
/**
 * The network to send on update, when the one asked for differs from the service's (or the
 * service has none: it moves to awsvpc, which ECS refuses without one). UpdateService keeps the
 * service's network unless it is given
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html).
 */
function networkChange(service, network) {
    if (!network)
        return undefined;
    const have = service.networkConfiguration?.awsvpcConfiguration;
    const want = networkConfiguration(network).awsvpcConfiguration;
    const key = (c) => c
        ? `subnets ${[...(c.subnets ?? [])].sort().join(', ')}; security groups ${[...(c.securityGroups ?? [])].sort().join(', ') || 'default'}; public IP ${c.assignPublicIp ?? 'DISABLED'}`
        : 'none';
    if (key(have) === key(want))
        return undefined;
    return { configuration: { awsvpcConfiguration: want }, change: `network: ${key(have)} -> ${key(want)}` };
}
/** The PRIMARY deployment of the service (else its first): the one to wait for. */
function primaryId(service) {
    const deployments = service.deployments ?? [];
    const primary = deployments.find((d) => d.status === 'PRIMARY') ?? deployments[0];
    return primary?.id ?? '';
}
function optional(previousTaskDefinition) {
    return previousTaskDefinition ? { previousTaskDefinition } : {};
}


/***/ }),

/***/ 5632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MR: () => (/* binding */ describeCreated),
/* harmony export */   Xp: () => (/* binding */ settingsUpdate),
/* harmony export */   aI: () => (/* binding */ createFields)
/* harmony export */ });
/* harmony import */ var _strategy__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(448);

/** ECS's defaults for what a description may leave out. */
const DEFAULT_MINIMUM_HEALTHY = 100;
const DEFAULT_MAXIMUM = 200;
function createFields(settings, launchType) {
    const s = settings ?? { loadBalancers: [], capacityProviderStrategy: [] };
    return {
        // A capacity provider strategy and a launch type are exclusive.
        ...(s.capacityProviderStrategy.length > 0
            ? { capacityProviderStrategy: s.capacityProviderStrategy.map((i) => ({ ...i })) }
            : { launchType }),
        ...(s.loadBalancers.length > 0 && { loadBalancers: loadBalancers(s) }),
        ...(s.healthCheckGracePeriodSeconds !== undefined && {
            healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
        }),
        ...(s.enableExecuteCommand !== undefined && { enableExecuteCommand: s.enableExecuteCommand }),
        deploymentConfiguration: {
            // The circuit breaker stops a deployment whose tasks keep failing and rolls it back; it is
            // the rolling strategy's (the others roll back on a failed stage, alarm or hook).
            ...(!(0,_strategy__WEBPACK_IMPORTED_MODULE_0__/* .shiftsTraffic */ .ZI)(s.strategy?.strategy) && {
                deploymentCircuitBreaker: { enable: true, rollback: true },
            }),
            ...(s.minimumHealthyPercent !== undefined && { minimumHealthyPercent: s.minimumHealthyPercent }),
            ...(s.maximumPercent !== undefined && { maximumPercent: s.maximumPercent }),
            ...(s.strategy && (0,_strategy__WEBPACK_IMPORTED_MODULE_0__/* .strategyFields */ .H7)(s.strategy)),
        },
        propagateTags: s.propagateTags ?? 'TASK_DEFINITION',
        ...(s.platformVersion !== undefined && { platformVersion: s.platformVersion }),
    };
}
/** What a created service was given beyond ECS's defaults, for the report. */
function describeCreated(settings) {
    if (!settings)
        return [];
    const none = {};
    return settingsUpdate(none, settings, { creating: true }).changes;
}
/** The UpdateService fields for the settings that differ from the service's, and a line for each. */
function settingsUpdate(service, settings, options = {}) {
    const fields = {};
    const changes = [];
    const change = (what, from, to) => changes.push(options.creating ? `${what}: ${to}` : `${what}: ${from} -> ${to}`);
    if (settings.loadBalancers.length > 0) {
        const want = loadBalancers(settings);
        const have = service.loadBalancers ?? [];
        if (!sameSet(have.map(lbKey), want.map(lbKey))) {
            fields.loadBalancers = want;
            change('load balancers', describeLbs(have), describeLbs(want));
        }
    }
    const grace = settings.healthCheckGracePeriodSeconds;
    if (grace !== undefined && grace !== (service.healthCheckGracePeriodSeconds ?? 0)) {
        fields.healthCheckGracePeriodSeconds = grace;
        change('health check grace period', `${service.healthCheckGracePeriodSeconds ?? 0} s`, `${grace} s`);
    }
    const exec = settings.enableExecuteCommand;
    if (exec !== undefined && exec !== (service.enableExecuteCommand ?? false)) {
        fields.enableExecuteCommand = exec;
        change('ECS Exec', onOff(service.enableExecuteCommand ?? false), onOff(exec));
    }
    const current = service.deploymentConfiguration;
    const min = settings.minimumHealthyPercent;
    const max = settings.maximumPercent;
    const haveMin = current?.minimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY;
    const haveMax = current?.maximumPercent ?? DEFAULT_MAXIMUM;
    const strategy = settings.strategy ? (0,_strategy__WEBPACK_IMPORTED_MODULE_0__/* .strategyUpdate */ .hC)(current, settings.strategy) : { lines: [] };
    if ((min !== undefined && min !== haveMin) ||
        (max !== undefined && max !== haveMax) ||
        strategy.lines.length > 0) {
        // The whole object, so that what is not ours (the circuit breaker, alarms) stays as it is.
        const moving = settings.strategy && (0,_strategy__WEBPACK_IMPORTED_MODULE_0__/* .shiftsTraffic */ .ZI)(settings.strategy.strategy) && !(0,_strategy__WEBPACK_IMPORTED_MODULE_0__/* .shiftsTraffic */ .ZI)(current?.strategy);
        fields.deploymentConfiguration = {
            ...current,
            ...(min !== undefined && { minimumHealthyPercent: min }),
            ...(max !== undefined && { maximumPercent: max }),
            ...(settings.strategy && (0,_strategy__WEBPACK_IMPORTED_MODULE_0__/* .strategyFields */ .H7)(settings.strategy)),
            // The circuit breaker is the rolling strategy's.
            ...(moving && { deploymentCircuitBreaker: { enable: false, rollback: false } }),
        };
        if (min !== undefined && min !== haveMin)
            change('minimum healthy percent', `${haveMin}`, `${min}`);
        if (max !== undefined && max !== haveMax)
            change('maximum percent', `${haveMax}`, `${max}`);
        for (const line of strategy.lines)
            changes.push(options.creating ? line.replace(/^([^:]+): .* -> /, '$1: ') : line);
    }
    if (settings.capacityProviderStrategy.length > 0) {
        const have = service.capacityProviderStrategy ?? [];
        const want = settings.capacityProviderStrategy;
        if (!sameSet(have.map(cpKey), want.map(cpKey))) {
            fields.capacityProviderStrategy = want.map((i) => ({ ...i }));
            // ECS takes a new capacity provider strategy only with a new deployment.
            if (!options.creating)
                fields.forceNewDeployment = true;
            change('capacity providers', have.length > 0 ? describeCps(have) : `launch type ${service.launchType ?? '(cluster default)'}`, describeCps(want));
        }
    }
    const tags = settings.propagateTags;
    if (tags !== undefined && tags !== (service.propagateTags ?? 'NONE')) {
        fields.propagateTags = tags;
        change('propagate tags', service.propagateTags ?? 'NONE', tags);
    }
    const platform = settings.platformVersion;
    if (platform !== undefined && platform !== (service.platformVersion ?? 'LATEST')) {
        fields.platformVersion = platform;
        change('platform version', service.platformVersion ?? 'LATEST', platform);
    }
    return { fields, changes };
}
function loadBalancers(settings) {
    return settings.loadBalancers.map((t) => ({
        targetGroupArn: t.targetGroupArn,
        containerName: t.containerName,
        containerPort: t.containerPort,
        ...(t.advanced && { advancedConfiguration: { ...t.advanced } }),
    }));
}
const lbKey = (l) => {
    const a = l.advancedConfiguration;
    const advanced = a
        ? ` ${a.alternateTargetGroupArn ?? ''} ${a.productionListenerRule ?? ''} ${a.testListenerRule ?? ''} ${a.roleArn ?? ''}`
        : '';
    return `${l.targetGroupArn ?? l.loadBalancerName ?? ''} ${l.containerName ?? ''}:${l.containerPort ?? ''}${advanced}`;
};
const cpKey = (i) => `${i.capacityProvider ?? ''} ${i.weight ?? 0} ${i.base ?? 0}`;
function sameSet(a, b) {
    return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
function describeLbs(list) {
    if (list.length === 0)
        return 'none';
    return list
        .map((l) => {
        const group = l.targetGroupArn
            ? `target group ${l.targetGroupArn.split(':targetgroup/').pop()?.split('/')[0] ?? '?'}`
            : `load balancer ${l.loadBalancerName ?? '?'}`;
        const alternate = l.advancedConfiguration?.alternateTargetGroupArn
            ?.split(':targetgroup/')
            .pop()
            ?.split('/')[0];
        return `${l.containerName ?? '?'}:${l.containerPort ?? '?'} in ${group}${alternate ? ` (alternate ${alternate})` : ''}`;
    })
        .join(', ');
}
function describeCps(list) {
    return list
        .map((i) => `${i.capacityProvider ?? '?'} (weight ${i.weight ?? 0}, base ${i.base ?? 0})`)
        .join(', ');
}
function onOff(value) {
    return value ? 'on' : 'off';
}


/***/ }),

/***/ 3188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ ecsTags)
/* harmony export */ });
/**
 * ECS tags take keys of 1-128 and values of 0-256 characters from letters, digits, spaces and
 * _ . : / = + - @ (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html): a
 * branch named `fix#12` or `feat(x)` would make RegisterTaskDefinition fail after the push. Each
 * other character becomes `_`, so the value keeps its length and still reads as the original.
 */
const ALLOWED = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
function clean(text, max) {
    return [...text]
        .map((c) => (ALLOWED.test(c) ? c : '_'))
        .join('')
        .slice(0, max);
}
/** The tags as ECS takes them; pure. Empty values are left out, as before. */
function ecsTags(tags) {
    const out = {};
    for (const [key, value] of Object.entries(tags)) {
        const k = clean(key, 128);
        if (k !== '' && value !== '')
            out[k] = clean(value, 256);
    }
    return out;
}


/***/ }),

/***/ 3716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ pipeline),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/**
 * Maps items with at most `limit` calls in flight, keeping the input order in the result.
 * After the first failure no new call starts; the ones running finish, then it rejects with
 * that first failure.
 */
function mapLimit(items, limit, fn) {
    return pipeline(async (emit) => {
        for (const item of items)
            emit(item);
    }, limit, fn);
}
/**
 * Maps the items `produce` hands over one at a time, as they come, with at most `limit` calls in
 * flight, keeping the order they came in: the next export runs while earlier images push. After
 * the first failure, on either side, `emit` throws it (so the producer stops), queued items are
 * dropped and the calls running finish; then it rejects with that first failure.
 */
async function pipeline(produce, limit, fn) {
    const width = Math.max(1, Math.floor(limit) || 1);
    const results = [];
    const queue = [];
    const running = new Set();
    let failure;
    let count = 0;
    const start = () => {
        while (!failure && running.size < width && queue.length > 0) {
            const { item, index } = queue.shift();
            const call = fn(item, index)
                .then((r) => {
                results[index] = r;
            }, (e) => {
                failure ??= { error: e };
            })
                .finally(() => {
                running.delete(call);
                start();
            });
            running.add(call);
        }
    };
    const emit = (item) => {
        if (failure)
            throw failure.error;
        queue.push({ item, index: count++ });
        start();
    };
    try {
        await produce(emit);
    }
    catch (e) {
        failure ??= { error: e };
    }
    while (running.size > 0)
        await Promise.race(running);
    if (failure)
        throw failure.error;
    return results;
}


/***/ }),

/***/ 9857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ getRegistryAuthorization),
/* harmony export */   h6: () => (/* binding */ describeTaggedImage),
/* harmony export */   jX: () => (/* binding */ deleteImageTag),
/* harmony export */   n2: () => (/* binding */ ensureRepositories)
/* harmony export */ });
/* unused harmony exports createRepositoryInput, registryHost */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1946);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9093);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8421);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4469);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6939);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _diagnostics__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4851);



function isAccessDenied(e) {
    const err = e;
    return (err.name === 'AccessDeniedException' ||
        err.name === 'AccessDenied' ||
        err.$metadata?.httpStatusCode === 403);
}
function awsFailure(e, action, what) {
    const err = e;
    if (isAccessDenied(e)) {
        return new _diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${what}: access denied. The role the workflow runs as needs the IAM permission ${action} ` +
            `(AWS said: ${err.message ?? err.name})`));
    }
    const explained = (0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__/* .explainAwsFailure */ .v)(e);
    return new _diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${what}: ${explained ?? `${err.name ?? 'error'}: ${err.message ?? String(e)}`}`));
}
function createRepositoryInput(name, settings) {
    const tags = Object.entries(settings.tags).map(([Key, Value]) => ({ Key, Value }));
    return {
        repositoryName: name,
        imageTagMutability: settings.tagMutability,
        imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
        encryptionConfiguration: settings.encryption.type === 'KMS'
            ? {
                encryptionType: 'KMS',
                ...(settings.encryption.kmsKey ? { kmsKey: settings.encryption.kmsKey } : {}),
            }
            : { encryptionType: 'AES256' },
        ...(tags.length > 0 ? { tags } : {}),
    };
}
async function repositoryExists(client, name) {
    try {
        await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .DescribeRepositoriesCommand */ .p({ repositoryNames: [name] }));
        return true;
    }
    catch (e) {
        if (e.name === 'RepositoryNotFoundException')
            return false;
        throw awsFailure(e, 'ecr:DescribeRepositories', `looking up ECR repository ${name}`);
    }
}
/**
 * Makes every repository that does not exist yet; existing ones are not changed. One call each:
 * CreateRepository, where "already exists" means there is nothing to do. Only when creating is
 * not allowed does DescribeRepositories say whether the repository is there anyway.
 */
async function ensureRepositories(client, names, settings, log) {
    const created = [];
    const existing = [];
    for (const name of [...new Set(names)]) {
        try {
            await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .CreateRepositoryCommand */ .W(createRepositoryInput(name, settings)));
            created.push(name);
            log.info(`Created ECR repository ${name}`);
        }
        catch (e) {
            const denied = isAccessDenied(e);
            if (e.name === 'RepositoryAlreadyExistsException' ||
                (denied && (await repositoryExists(client, name)))) {
                existing.push(name);
                log.info(`ECR repository ${name} exists`);
                continue;
            }
            const extra = settings.encryption.type === 'KMS' ? ' (and kms:CreateGrant, kms:DescribeKey for the key)' : '';
            const tagging = Object.keys(settings.tags).length > 0 ? ' and ecr:TagResource' : '';
            throw awsFailure(e, `ecr:CreateRepository${tagging}${extra}`, `creating ECR repository ${name}`);
        }
    }
    return { created, existing };
}
/** GetAuthorizationToken: the registry host and the docker credentials for it. */
async function getRegistryAuthorization(client) {
    let data;
    try {
        const response = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .GetAuthorizationTokenCommand */ .E({}));
        data = response.authorizationData?.[0];
    }
    catch (e) {
        throw awsFailure(e, 'ecr:GetAuthorizationToken', 'getting an ECR login token');
    }
    if (!data?.authorizationToken || !data.proxyEndpoint) {
        throw new _diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('ECR GetAuthorizationToken answered without a token or proxyEndpoint'));
    }
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new _diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('ECR GetAuthorizationToken answered with a token not of the form user:password'));
    return {
        registry: registryHost(data.proxyEndpoint),
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
    };
}
/** `https://123.dkr.ecr.us-east-1.amazonaws.com` -> `123.dkr.ecr.us-east-1.amazonaws.com`. */
function registryHost(proxyEndpoint) {
    const withScheme = /^[a-z]+:\/\//i.test(proxyEndpoint) ? proxyEndpoint : `https://${proxyEndpoint}`;
    return new URL(withScheme).host;
}
/**
 * Removes one tag from each repository (a torn-down preview's `pr-<n>` images). An image that is
 * not there, or a repository that is gone, counts as removed. Returns the repositories that still
 * had the tag.
 */
async function deleteImageTag(client, repositories, tag, log) {
    const removed = [];
    for (const repositoryName of [...new Set(repositories)]) {
        try {
            const out = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_5__/* .BatchDeleteImageCommand */ .w({ repositoryName, imageIds: [{ imageTag: tag }] }));
            if ((out.imageIds ?? []).length > 0) {
                removed.push(repositoryName);
                log.info(`Deleted ${repositoryName}:${tag}`);
            }
            else {
                log.info(`${repositoryName}:${tag} was not there`);
            }
        }
        catch (e) {
            if (e.name === 'RepositoryNotFoundException') {
                log.info(`${repositoryName} does not exist; nothing to delete`);
                continue;
            }
            throw awsFailure(e, 'ecr:BatchDeleteImage', `deleting ${repositoryName}:${tag}`);
        }
    }
    return removed;
}
async function describeTaggedImage(client, repositoryName, tag) {
    try {
        const out = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .DescribeImagesCommand */ .j({ repositoryName, imageIds: [{ imageTag: tag }] }));
        const digest = out.imageDetails?.[0]?.imageDigest;
        return digest ? { found: true, digest } : { found: false, why: 'no-image' };
    }
    catch (e) {
        const name = e.name;
        if (name === 'RepositoryNotFoundException')
            return { found: false, why: 'no-repository' };
        if (name === 'ImageNotFoundException')
            return { found: false, why: 'no-image' };
        throw awsFailure(e, 'ecr:DescribeImages', `looking up ${repositoryName}:${tag}`);
    }
}


/***/ })

};
;