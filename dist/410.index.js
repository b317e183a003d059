"use strict";
exports.id = 410;
exports.ids = [410];
exports.modules = {

/***/ 3410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* binding */ plan)
});

// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeTaskDefinitionCommand.js
var DescribeTaskDefinitionCommand = __webpack_require__(2511);
// EXTERNAL MODULE: ./src/registry/ecr.ts
var registry_ecr = __webpack_require__(9857);
// EXTERNAL MODULE: ./src/registry/login.ts
var login = __webpack_require__(4142);
// EXTERNAL MODULE: ./src/registry/reuse.ts
var reuse = __webpack_require__(8031);
// EXTERNAL MODULE: ./src/translate/habitat/package-source.ts
var package_source = __webpack_require__(262);
// EXTERNAL MODULE: ./src/ecs/diff.ts
var diff = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/ecs/normalize.ts
var normalize = __webpack_require__(8470);
// EXTERNAL MODULE: ./src/ecs/service.ts
var ecs_service = __webpack_require__(5102);
// EXTERNAL MODULE: ./src/ecs/settings.ts
var ecs_settings = __webpack_require__(5632);
// EXTERNAL MODULE: ./src/translate/image-plan.ts + 1 modules
var image_plan = __webpack_require__(3571);
// EXTERNAL MODULE: ./src/stages/request.ts + 45 modules
var stages_request = __webpack_require__(2332);
// EXTERNAL MODULE: ./src/stages/resolve.ts + 1 modules
var resolve = __webpack_require__(6212);
;// CONCATENATED MODULE: ./src/stages/change-plan.ts












/**
 * What a deploy would do, with read-only calls only (DescribeServices, DescribeTaskDefinition,
 * ECR DescribeImages, and GetAuthorizationToken when the registry must be found): the service
 * created, updated or left alone, the field-level diff, which images would be pushed, and which
 * service settings would be set or changed.
 */
async function planChange(clients, input) {
    // A service that can be neither updated nor created fails the plan as it would fail the deploy.
    const existing = await (0,ecs_service/* checkService */._x)(clients.ecs, {
        cluster: input.cluster,
        service: input.service,
        canCreate: input.createService,
    });
    const named = input.packages.length + input.builds.length > 0;
    const registry = named ? await input.registry() : input.placeholderRegistry;
    const images = [
        ...(await planImages(clients.ecr, input.packages, input.reuseReleased, registry)),
        ...input.builds.map(({ repository }) => ({
            repository,
            how: 'build',
            reason: "a new image, unless docker's build cache on the runner gives the same one",
        })),
    ];
    const pinned = new Map(images.flatMap((i) => (i.reference ? [[i.repository, i.reference]] : [])));
    const taskDefinition = input.render(registry, pinned);
    const running = existing?.taskDefinition
        ? (await clients.ecs.send(new DescribeTaskDefinitionCommand/* DescribeTaskDefinitionCommand */.Z({ taskDefinition: existing.taskDefinition })))
            .taskDefinition
        : undefined;
    const service = decideChange({
        exists: existing !== undefined,
        running,
        next: taskDefinition,
        images,
        forceNewDeployment: input.forceNewDeployment,
    });
    const settings = !input.settings
        ? []
        : existing
            ? (0,ecs_settings/* settingsUpdate */.Xp)(existing, input.settings).changes
            : (0,ecs_settings/* describeCreated */.MR)(input.settings);
    return {
        service,
        ...(existing?.taskDefinition && { running: existing.taskDefinition }),
        ...(existing?.serviceArn && { serviceArn: existing.serviceArn }),
        diff: (0,diff/* diffTaskDefinitions */.n)(running, taskDefinition),
        logDiff: (0,diff/* diffTaskDefinitions */.n)(running, taskDefinition, 'masked'),
        images,
        settings,
        changed: service !== 'none' || settings.length > 0,
        taskDefinition,
    };
}
/**
 * What a deploy of the request would change, after its preflight: the plan of the action's plan
 * mode and of `habitat-ecs plan` alike. A package Builder resolved is looked for in the registry
 * at that release, as the deploy does; the registry is the account's, else the one the
 * credentials reach (GetAuthorizationToken, asked only when an image is named after it).
 */
function planDeployChange(clients, request, checked, input) {
    const { accountId, region } = request;
    return planChange(clients, {
        cluster: input.cluster,
        service: input.service,
        createService: input.createService,
        forceNewDeployment: input.forceNewDeployment,
        ...(input.settings && { settings: input.settings }),
        packages: checked.packages.map((p) => {
            const release = input.resolved?.get(p);
            return release ? (0,resolve/* pinnedTo */.A_)(p, release) : p;
        }),
        builds: checked.builds,
        reuseReleased: input.reuseReleased,
        registry: async () => accountId ? (0,image_plan/* ecrRegistry */.g)(accountId, region) : (await (0,login/* authorizeRegistry */.Hw)(clients.ecr, input.log)).registry,
        render: (registry, images) => (0,stages_request/* translateRequest */.G)(request, registry, images).taskDefinition,
        placeholderRegistry: checked.registry,
    });
}
/**
 * Pure: what happens to the service. The digest of an export or a build is known only once it is
 * made (an unchanged export pushes as the same image, a build without the runner's cache does
 * not): a deploy that exports or builds anything is taken to register a new revision.
 */
function decideChange(args) {
    if (!args.exists)
        return 'create';
    if (args.images.some((i) => i.how !== 'reuse'))
        return 'update';
    if (args.running && (0,normalize/* sameTaskDefinition */.JL)(args.running, args.next))
        return args.forceNewDeployment ? 'redeploy' : 'none';
    return 'update';
}
/** One at a time: a project has a handful of packages, and each is one DescribeImages call. */
async function planImages(ecr, packages, reuseReleased, registry) {
    const planned = [];
    for (const source of packages) {
        const repository = (0,package_source/* repositoryOf */._M)(source);
        const released = (0,reuse/* releasedPackage */.O7)(source);
        if (!released) {
            planned.push({
                repository,
                how: 'export',
                reason: 'no release is pinned: its digest is known once it is exported',
            });
            continue;
        }
        const tag = (0,reuse/* releaseTag */.aF)(released);
        if (!reuseReleased) {
            planned.push({
                repository,
                how: 'export',
                reason: `${released.ident}, reuse-released-images is false`,
            });
            continue;
        }
        const found = await (0,registry_ecr/* describeTaggedImage */.h6)(ecr, repository, tag);
        if (found.found) {
            const reference = `${registry}/${repository}@${found.digest}`;
            planned.push({
                repository,
                how: 'reuse',
                reference,
                reason: `the registry holds ${repository}:${tag}`,
            });
        }
        else {
            const why = found.why === 'no-repository'
                ? `the repository ${repository} does not exist yet`
                : `the registry has no ${repository}:${tag} yet`;
            planned.push({ repository, how: 'export', reason: `${released.ident}: ${why}` });
        }
    }
    return planned;
}

// EXTERNAL MODULE: ./src/stages/change-text.ts
var change_text = __webpack_require__(9823);
// EXTERNAL MODULE: ./src/ecs/target-groups.ts
var target_groups = __webpack_require__(9921);
// EXTERNAL MODULE: ./src/ecs/strategy-checks.ts
var strategy_checks = __webpack_require__(2556);
// EXTERNAL MODULE: ./src/modes/report.ts
var report = __webpack_require__(2084);
// EXTERNAL MODULE: ./src/stages/preflight.ts + 2 modules
var preflight = __webpack_require__(526);
// EXTERNAL MODULE: ./src/stages/verify.ts + 21 modules
var verify = __webpack_require__(9203);
// EXTERNAL MODULE: ./src/stages/given-task.ts
var given_task = __webpack_require__(5158);
// EXTERNAL MODULE: ./src/stages/autoscaling.ts
var stages_autoscaling = __webpack_require__(1807);
;// CONCATENATED MODULE: ./src/modes/plan.ts











/**
 * The plan mode: what a deploy would change, found with read-only AWS calls. Nothing is exported,
 * pushed, created, registered or updated.
 */
async function plan(asked, log) {
    const config = await (0,given_task/* readGivenRevision */.V)(asked, (0,clients/* awsClients */.e7)(asked.region).ecs);
    const checked = (0,preflight/* preflight */.M)(config, log, {
        settings: config.serviceSettings,
        oneOffs: config.runBeforeDeploy,
    });
    // What would stop the deploy's task from starting stops the plan too, with the same reads.
    await (0,verify/* verifyStage */.U)(config, checked.translated, log);
    // A target group ECS would refuse fails the plan as it fails the deploy (one read).
    await (0,target_groups/* checkTargetGroups */.C)(config.serviceSettings.loadBalancers, {
        region: config.region,
        networkMode: checked.translated.taskDefinition.networkMode,
        log,
    });
    // What a BLUE_GREEN, LINEAR or CANARY deployment needs (reads; clients load only when given).
    await (0,strategy_checks/* checkStrategyPieces */.J)(config.serviceSettings.loadBalancers, config.serviceSettings.strategy, {
        region: config.region,
        log,
    });
    // Packages named without a release: the release a deploy would get, asked of Builder (reads).
    const resolved = config.reuseReleasedImages
        ? await (0,resolve/* resolveReleases */.T9)(checked.packages, {
            settings: config.habitatExport,
            log,
            maxParallel: config.maxParallel,
        })
        : undefined;
    const change = await log.group('Plan', async () => {
        const planned = await planDeployChange((0,clients/* awsClients */.e7)(config.region), config, checked, {
            cluster: config.cluster,
            service: config.service,
            createService: config.createService,
            forceNewDeployment: config.forceNewDeployment,
            settings: config.serviceSettings,
            reuseReleased: config.reuseReleasedImages,
            ...(resolved && { resolved }),
            log,
        });
        const autoscaling = config.serviceSettings.autoscaling;
        if (autoscaling) {
            planned.settings.push(...(await (0,stages_autoscaling/* scaleService */.K)({
                region: config.region,
                cluster: config.cluster,
                service: config.service,
                settings: autoscaling,
                loadBalancers: config.serviceSettings.loadBalancers,
                exists: planned.service !== 'create',
                apply: false,
                log,
            })));
            planned.changed ||= planned.settings.length > 0;
        }
        for (const line of (0,change_text/* planText */.Pt)(planned, config.service, planned.logDiff))
            log.info(line);
        for (const line of oneOffNotes(config, planned.service))
            log.info(line);
        return planned;
    });
    return {
        ...(0,report/* baseReport */.uZ)(config),
        taskDefinition: change.taskDefinition,
        ...(change.serviceArn && { serviceArn: change.serviceArn }),
        diff: change.diff,
        plan: {
            service: change.service,
            ...(change.running && { running: change.running }),
            images: change.images,
        },
        ...(change.settings.length > 0 && { settings: change.settings }),
        changed: change.changed,
        state: (0,change_text/* serviceVerdict */.tA)(change, config.service),
        notes: [
            ...oneOffNotes(config, change.service),
            'Plan mode: nothing was exported, pushed, registered or deployed.',
        ],
    };
}
/** The run-before-deploy tasks a deploy would run first: only when the service would move. */
function oneOffNotes(config, service) {
    if (config.runBeforeDeploy.length === 0 || service === 'none')
        return [];
    const tasks = config.runBeforeDeploy.map((t) => `\`${t.line}\``).join(', ');
    return [
        `Before the rollout, a deploy would run ${tasks} as one-off tasks on the new revision, and go on only if they exit 0.`,
    ];
}


/***/ })

};
;