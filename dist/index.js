/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ explainAwsFailure)
/* harmony export */ });
/** Why an AWS call failed, in words: pure, so that main.ts can say it without loading the SDK. */
const THROTTLING = new Set([
    'ThrottlingException',
    'Throttling',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'LimitExceededException',
]);
const NETWORK = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
]);
/**
 * One sentence for an AWS call that failed for a reason other than its input: throttling, AWS
 * server errors, an endpoint that cannot be reached, missing credentials. It names the call and
 * says what to do. Undefined for anything else (the caller's own message says it better). Pure.
 */
function explainAwsFailure(e) {
    if (!e || typeof e !== 'object')
        return undefined;
    const err = e;
    const call = err.$awsCall;
    const status = err.$metadata?.httpStatusCode;
    const attempts = err.$metadata?.attempts;
    const what = call ? `AWS ${call.operation}` : 'an AWS call';
    const tries = attempts && attempts > 1 ? ` (${attempts} attempts)` : '';
    const said = `${err.name ?? 'Error'}: ${err.message ?? ''}`.trim();
    if (err.name === 'CredentialsProviderError') {
        return (`${what} found no AWS credentials (${err.message ?? ''}): configure them before this step, ` +
            'e.g. with aws-actions/configure-aws-credentials');
    }
    if (THROTTLING.has(err.name ?? '') || status === 429) {
        return (`${what} was throttled by AWS${tries}: ${said}. Run again in a few minutes; the rate limit ` +
            "is shared by everything calling this account's API in the region");
    }
    if (status !== undefined && status >= 500) {
        return `${what} failed with an AWS server error ${status}${tries}: ${said}. This is on AWS's side: run again later`;
    }
    // The SDK wraps socket errors: "AWS SDK error wrapper for Error: connect ECONNREFUSED ...".
    const code = [err.code, err.name, ...(err.message ?? '').split(/[\s:]+/)].find((c) => c && NETWORK.has(c));
    if (code || err.name === 'TimeoutError') {
        const where = call?.endpoint ?? 'its endpoint';
        return (`${what} could not reach ${where}${tries}: ${code ?? err.name}. Check the runner's network and ` +
            'proxy, aws-region, and AWS_ENDPOINT_URL if it is set');
    }
    return undefined;
}


/***/ }),

/***/ 4160:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ splitWords)
/* harmony export */ });
/**
 * Splits a command line into words the way a POSIX shell would (quotes, backslashes), without
 * running a shell and without expanding anything: compose does the same for `command: a "b c"`.
 */
function splitWords(line) {
    const words = [];
    let word = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                word += c;
            continue;
        }
        if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1])) {
                i++;
                if (line[i] !== '\n')
                    word += line[i];
            }
            else
                word += c;
            continue;
        }
        if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        }
        else if (c === '\\') {
            if (i + 1 >= line.length)
                return { error: 'ends with a lone backslash' };
            i++;
            // A backslash-newline joins lines; any other escaped character is taken literally.
            if (line[i] !== '\n') {
                word += line[i];
                inWord = true;
            }
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (quote)
        return { error: `has an unterminated ${quote === '"' ? 'double' : 'single'} quote` };
    if (inWord)
        words.push(word);
    return { words };
}


/***/ }),

/***/ 4851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   xy: () => (/* binding */ formatDiagnostic),
/* harmony export */   yo: () => (/* binding */ UserError),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/** One or more problems with what the user gave us. Never carries a stack trace to the user. */
class UserError extends Error {
    diagnostics;
    constructor(diagnostics) {
        const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
        super(list.map(formatDiagnostic).join('\n'));
        this.name = 'UserError';
        this.diagnostics = list;
    }
}
function error(message, where = {}) {
    return { severity: 'error', message, ...where };
}
function warning(message, where = {}) {
    return { severity: 'warning', message, ...where };
}
function notice(message, where = {}) {
    return { severity: 'notice', message, ...where };
}
/** `file:line:column: path: message`, or `input "name": message`. */
function formatDiagnostic(d) {
    const parts = [];
    if (d.location)
        parts.push(`${d.location.file}:${d.location.line}:${d.location.column}`);
    else if (d.input)
        parts.push(`input "${d.input}"`);
    if (d.path)
        parts.push(d.path);
    parts.push(d.message);
    return parts.join(': ');
}


/***/ }),

/***/ 448:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H7: () => (/* binding */ strategyFields),
/* harmony export */   ZI: () => (/* binding */ shiftsTraffic),
/* harmony export */   hC: () => (/* binding */ strategyUpdate)
/* harmony export */ });
/** Strategies whose traffic ECS shifts between two revisions. */
function shiftsTraffic(strategy) {
    return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';
}
/** The deploymentConfiguration fields of the strategy (merged over the rest by the caller). */
function strategyFields(s) {
    return {
        strategy: s.strategy,
        ...(s.bakeTimeInMinutes !== undefined && { bakeTimeInMinutes: s.bakeTimeInMinutes }),
        ...(s.strategy === 'CANARY' && {
            canaryConfiguration: {
                ...(s.stepPercent !== undefined && { canaryPercent: s.stepPercent }),
                ...(s.stepBakeTimeInMinutes !== undefined && { canaryBakeTimeInMinutes: s.stepBakeTimeInMinutes }),
            },
        }),
        ...(s.strategy === 'LINEAR' && {
            linearConfiguration: {
                ...(s.stepPercent !== undefined && { stepPercent: s.stepPercent }),
                ...(s.stepBakeTimeInMinutes !== undefined && { stepBakeTimeInMinutes: s.stepBakeTimeInMinutes }),
            },
        }),
        ...(s.alarms.length > 0 && { alarms: { alarmNames: [...s.alarms], enable: true, rollback: true } }),
        ...(s.hooks.length > 0 && { lifecycleHooks: s.hooks.map(lifecycleHook) }),
    };
}
function lifecycleHook(h) {
    return {
        targetType: 'AWS_LAMBDA',
        hookTargetArn: h.functionArn,
        roleArn: h.roleArn,
        lifecycleStages: [...h.stages],
    };
}
/**
 * What the strategy inputs would change in the service's deploymentConfiguration: the fields to
 * send (the whole configuration, so what is not ours stays) and a line each; none when it
 * already has them.
 */
function strategyUpdate(current, s) {
    const want = strategyFields(s);
    const lines = [];
    const have = current ?? {};
    const said = (v) => v === undefined ? '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const haveStrategy = have.strategy ?? 'ROLLING';
    if (haveStrategy !== want.strategy)
        lines.push(`deployment strategy: ${haveStrategy} -> ${want.strategy ?? '?'}`);
    if (want.bakeTimeInMinutes !== undefined && want.bakeTimeInMinutes !== have.bakeTimeInMinutes)
        lines.push(`bake time: ${said(have.bakeTimeInMinutes)} -> ${want.bakeTimeInMinutes} min`);
    for (const key of ['canaryConfiguration', 'linearConfiguration']) {
        if (want[key] && !same(want[key], have[key]))
            lines.push(`${key}: ${said(have[key])} -> ${said(want[key])}`);
    }
    if (want.alarms && !same(want.alarms.alarmNames, have.alarms?.enable ? have.alarms.alarmNames : undefined))
        lines.push(`deployment alarms: ${(want.alarms.alarmNames ?? []).join(', ')}`);
    if (want.lifecycleHooks &&
        !same(want.lifecycleHooks.map(hookKey), (have.lifecycleHooks ?? []).map(hookKey)))
        lines.push(`lifecycle hooks: ${s.hooks.map((h) => `${h.functionArn.split(':').pop() ?? '?'} at ${h.stages.join(', ')}`).join('; ')}`);
    return { lines };
}
const hookKey = (h) => `${h.hookTargetArn ?? ''} ${h.roleArn ?? ''} ${[...(h.lifecycleStages ?? [])].sort().join(',')}`;
function same(a, b) {
    return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}
function sorted(v) {
    if (Array.isArray(v))
        return v.map(sorted);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, x]) => [k, sorted(x)]));
    return v;
}


/***/ }),

/***/ 4817:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HO: () => (/* binding */ exportVerbForVersion),
/* harmony export */   Lz: () => (/* binding */ exportArguments),
/* harmony export */   XV: () => (/* binding */ multiLayerRefusal),
/* harmony export */   hs: () => (/* binding */ parseHabVersion),
/* harmony export */   iN: () => (/* binding */ multiLayerProblem),
/* harmony export */   rh: () => (/* binding */ containerEngineProblem),
/* harmony export */   tm: () => (/* binding */ exportVerbFromHelp),
/* harmony export */   zA: () => (/* binding */ DEFAULT_EXPORT_SETTINGS)
/* harmony export */ });
/**
 * Which `hab pkg export` command to run, and with which flags, for the `hab` that is installed.
 * Pure: reads `hab --version` / `hab pkg export --help` output the caller collected.
 *
 * The history, from habitat-sh/habitat's CHANGELOG.md and sources:
 * - before 1.6.21 the exporter is `docker` only (`hab pkg export docker`);
 * - 1.6.21 renamed it `container` (#7674), keeping `docker` as a deprecated alias;
 * - up to 1.6.115 `hab pkg export` takes the format positionally (`hab pkg export FORMAT PKG`,
 *   so `--help` lists no subcommands) and hands `docker`/`container` with the rest of the
 *   arguments straight to the exporter (components/hab/src/main.rs, `exec_subcommand_if_called`);
 *   1.6.116 made them subcommands (#7857), with `docker` hidden;
 * - 2.0.327 removed `docker` (components/hab/src/cli_v4/pkg/export.rs lists container and tar);
 * - `--engine` / HAB_PKG_EXPORT_CONTAINER_ENGINE exists from 1.6.28 (buildah, #7685).
 * `--channel`, `--url`, `--base-pkgs-url` and `--base-pkgs-channel` are exporter flags in every one
 * of these (components/pkg-export-docker, then components/pkg-export-container/src/cli.rs). The
 * exporter's own `--channel` default was `stable` and is `base` in 2.1 (2.1.78's `--help` says so),
 * a channel user packages are never in: so the action always says which channel.
 */
/** Parses `hab --version` output (`hab 2.0.450/20250113101245`, `hab 2.1.78`). */
function parseHabVersion(output) {
    const m = /\bhab\s+(\d+)\.(\d+)\.(\d+)(\S*)/.exec(output);
    if (!m)
        return undefined;
    return {
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: Number(m[3]),
        text: `${m[1]}.${m[2]}.${m[3]}${m[4]}`,
    };
}
const CONTAINER_SINCE = [1, 6, 21];
const SUBCOMMANDS_SINCE = [1, 6, 116];
const DOCKER_REMOVED_IN = [2, 0, 327];
function atLeast(version, [major, minor, patch]) {
    if (version.major !== major)
        return version.major > major;
    if (version.minor !== minor)
        return version.minor > minor;
    return version.patch >= patch;
}
/** The export verb for a `hab` of this version, and why. Every version settles it. */
function exportVerbForVersion(version) {
    const hab = `hab ${version.text}`;
    if (!atLeast(version, CONTAINER_SINCE)) {
        return { verb: 'docker', why: `${hab} predates \`hab pkg export container\`, which 1.6.21 added` };
    }
    if (!atLeast(version, SUBCOMMANDS_SINCE)) {
        return {
            verb: 'container',
            why: `${hab} has \`container\` (since 1.6.21) and takes the format positionally, as every hab before 1.6.116 does`,
        };
    }
    if (!atLeast(version, DOCKER_REMOVED_IN)) {
        return {
            verb: 'container',
            why: `${hab} has \`container\` (since 1.6.21); \`docker\` is only a deprecated alias there, removed in 2.0.327`,
        };
    }
    return { verb: 'container', why: `${hab} has only \`container\`: \`docker\` was removed in 2.0.327` };
}
/**
 * The verb from `hab pkg export --help`, when `hab --version` said nothing usable: a listed
 * `container` subcommand, or the positional `<FORMAT>` of every hab before 1.6.116, where
 * `docker` always works. Undefined when the help shows neither.
 */
function exportVerbFromHelp(help) {
    const listed = (name) => new RegExp(`^\\s{2,}${name}\\b`, 'm').test(help) ||
        [...help.matchAll(/\[subcommands?: ([^\]]*)\]/g)].some((m) => (m[1] ?? '').split(',').some((s) => s.trim() === name));
    if (listed('container')) {
        return { verb: 'container', why: '`hab pkg export --help` lists `container`' };
    }
    if (/<FORMAT>/.test(help)) {
        return {
            verb: 'docker',
            why: '`hab pkg export --help` takes the format positionally, as every hab before 1.6.116 does, and all of them know `docker`',
        };
    }
    if (listed('docker'))
        return { verb: 'docker', why: '`hab pkg export --help` lists `docker` only' };
    return undefined;
}
const DEFAULT_EXPORT_SETTINGS = { channel: 'stable' };
/** `--multi-layer` came with habitat-sh/habitat#7596, in 1.5.98 (first stable in 1.6.0). */
const MULTI_LAYER_SINCE = [1, 5, 98];
/** Why this hab cannot export one layer per package, if it cannot. */
function multiLayerProblem(version) {
    if (!version || atLeast(version, MULTI_LAYER_SINCE))
        return undefined;
    return `hab ${version.text} predates \`--multi-layer\` (1.5.98, first stable in 1.6.0)`;
}
/**
 * Why a failed multi-layer export may work as one layer, from its output: the exporter did not
 * know the flag, or the image had more layers than the engine allows (Docker's "max depth
 * exceeded", past about 125 layers). Undefined for any other failure.
 */
function multiLayerRefusal(output) {
    if (/max depth exceeded/i.test(output))
        return 'the image would have more layers than Docker allows (about 125: one a package, plus 5)';
    if (/--multi-layer/.test(output) && /unexpected|wasn't expected|unrecognized|unknown/i.test(output))
        return 'this exporter does not know `--multi-layer`';
    return undefined;
}
/**
 * The argument vector of one export. A package named by ident is installed from `channel`,
 * always given: the exporter's own default (`base` since 2.1.15) never holds user packages. A
 * `.hart` is the package itself, so it gets no channel.
 */
function exportArguments(verb, source, target, settings) {
    return [
        'pkg',
        'export',
        verb,
        ...(source.kind === 'ident' ? ['--channel', settings.channel] : []),
        ...(settings.builderUrl ? ['--url', settings.builderUrl, '--base-pkgs-url', settings.builderUrl] : []),
        ...(settings.basePackagesChannel ? ['--base-pkgs-channel', settings.basePackagesChannel] : []),
        ...(settings.multiLayer ? ['--multi-layer'] : []),
        target,
    ];
}
/**
 * Why the container engine the environment asks the exporter for (HAB_PKG_EXPORT_CONTAINER_ENGINE,
 * read by exporters since 1.6.28) cannot be used, if it cannot. With buildah the image is built
 * outside Docker, where this action, which tags, inspects and pushes through the Docker engine,
 * never finds it.
 */
function containerEngineProblem(env) {
    const engine = env.HAB_PKG_EXPORT_CONTAINER_ENGINE;
    if (engine === undefined || engine === '' || engine === 'docker')
        return undefined;
    if (engine === 'buildah') {
        return ('HAB_PKG_EXPORT_CONTAINER_ENGINE=buildah makes the Habitat exporter build the image with buildah, outside ' +
            'Docker, and this action tags, inspects and pushes images through the Docker engine, so it would never ' +
            'find it: unset HAB_PKG_EXPORT_CONTAINER_ENGINE (or set it to docker) for this step');
    }
    return `HAB_PKG_EXPORT_CONTAINER_ENGINE=${JSON.stringify(engine)} is not an engine the Habitat exporter knows (docker, buildah): unset it for this step`;
}


/***/ }),

/***/ 2274:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T5: () => (/* binding */ isPullRequestEvent),
/* harmony export */   cp: () => (/* binding */ readPullRequestRun),
/* harmony export */   jv: () => (/* binding */ previewTag)
/* harmony export */ });
/** The image tag of a pull request's preview, and the only tag its teardown deletes. */
function previewTag(number) {
    return `pr-${number}`;
}
/** Whether the event is about a pull request (pull_request, pull_request_target, ...). */
function isPullRequestEvent(run) {
    return run.pullRequest !== undefined && run.eventName.startsWith('pull_request');
}
function readPullRequestRun(inputs) {
    const { mode, run, fail } = inputs;
    let { service, family } = inputs;
    const prEvent = isPullRequestEvent(run);
    const closing = prEvent && run.action === 'closed' && mode === 'deploy';
    if (mode !== 'render' && prEvent && run.fromFork && !hasAwsCredentials(inputs.env)) {
        const skip = `pull request #${run.pullRequest ?? '?'} comes from a fork, and no AWS credentials reach this job (GitHub does not pass secrets or OIDC tokens to workflows of fork pull requests), so there is nothing to deploy to. Run previews for forks from a trusted workflow, or skip this job for them with: if: github.event.pull_request.head.repo.full_name == github.repository`;
        return { ...(service !== undefined && { service }), family, skip };
    }
    // Deploying or planning reads the compose files, ecs-params and .hart files of the checkout;
    // tearing a preview down reads none of them.
    const readsCheckout = (mode === 'deploy' && !closing) || mode === 'plan';
    const target = run.eventName === 'pull_request_target';
    if (prEvent && readsCheckout && (run.fromFork || target) && !inputs.allowUntrusted) {
        const why = target
            ? "this is a pull_request_target run: it has the base repository's secrets and AWS credentials, and any checkout of the pull request's head puts its code in the workspace"
            : `pull request #${run.pullRequest ?? '?'} comes from a fork, yet AWS credentials reach this job`;
        fail('allow-untrusted-pull-requests', `refusing to ${mode} code from a pull request: ${why}. Its compose files, ecs-params and .hart files would be deployed with those credentials (and the task's images and environment are its author's choice). Deploy previews of pull requests from this repository only (if: github.event.pull_request.head.repo.full_name == github.repository, on the pull_request event), or set allow-untrusted-pull-requests: true if this workflow only deploys code someone reviewed (see README, Security)`);
    }
    let preview;
    if (inputs.previewOn && prEvent && service !== undefined && mode === 'deploy') {
        const number = run.pullRequest ?? 0;
        preview = { number, closed: run.action === 'closed', baseService: service };
        service = `${service}-pr-${number}`;
        family = `${family}-pr-${number}`;
        if (service.length > 255 || family.length > 255)
            fail('service', `${JSON.stringify(service)} is longer than 255 characters`);
    }
    return { ...(preview && { preview }), ...(service !== undefined && { service }), family };
}
/** Whether any of the AWS SDK's usual credential sources is configured for this job. */
function hasAwsCredentials(env) {
    return [
        'AWS_ACCESS_KEY_ID',
        'AWS_WEB_IDENTITY_TOKEN_FILE',
        'AWS_PROFILE',
        'AWS_CONTAINER_CREDENTIALS_FULL_URI',
        'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    ].some((name) => (env[name] ?? '') !== '');
}


/***/ }),

/***/ 2084:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nr: () => (/* binding */ DeployFailed),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   uZ: () => (/* binding */ baseReport)
/* harmony export */ });
/* harmony import */ var _stages_change_text__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9823);
/* harmony import */ var _progress__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4660);


function outputsOf(report) {
    return {
        'task-definition-arn': report.taskDefinitionArn ?? '',
        'task-definition-file': report.taskDefinitionFile ?? '',
        images: JSON.stringify(report.images),
        'service-arn': report.serviceArn ?? '',
        'deployment-id': report.deploymentId ?? '',
        changed: String(report.changed),
    };
}
/** The ECS console page of a service. */
function consoleUrl(region, cluster, service) {
    const c = encodeURIComponent(cluster);
    const s = encodeURIComponent(service);
    return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${c}/services/${s}/health?region=${region}`;
}
/** The job summary in Markdown. Pure, so its content is tested directly. */
function summaryMarkdown(report) {
    const out = [];
    const title = report.service
        ? `${report.service} on ${report.cluster}`
        : (report.taskDefinition?.family ?? '');
    out.push(`## habitat-ecs-deploy: ${report.mode} ${title}`.trimEnd(), '');
    if (report.state)
        out.push(`**State:** ${report.state}`, '');
    const facts = [
        ['Image tag', `\`${report.imageTag}\``],
        [
            'Task definition',
            report.taskDefinitionArn &&
                `\`${report.taskDefinitionArn}\`${report.registered === false ? ' (identical revision reused)' : ''}`,
        ],
        ['Service', report.serviceArn && `\`${report.serviceArn}\``],
        ['Deployment', report.deploymentId && `\`${report.deploymentId}\``],
        ['Lifecycle stages', report.stages?.map((s) => `\`${s}\``).join(' → ')],
        ['Run before deploy', report.ranBefore?.map(cell).join('; ')],
        ['Service settings', report.settings?.map(cell).join('; ')],
        [
            'Console',
            report.service && report.mode !== 'render'
                ? consoleUrl(report.region, report.cluster, report.service)
                : undefined,
        ],
        ['Rendered file', report.taskDefinitionFile && `\`${report.taskDefinitionFile}\``],
        [
            'Time',
            report.timings?.length
                ? report.timings.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`).join(' · ')
                : undefined,
        ],
    ];
    for (const [k, v] of facts)
        if (v)
            out.push(`- **${k}:** ${v}`);
    out.push('');
    const containers = report.taskDefinition?.containerDefinitions ?? [];
    if (containers.length > 0) {
        out.push('| Container | Image | Ports |', '| --- | --- | --- |');
        for (const c of containers)
            out.push(`| ${cell(c.name ?? '')} | \`${cell(c.image ?? '')}\` | ${cell(ports(c))} |`);
        out.push('');
    }
    if (report.pushes && report.pushes.length > 0) {
        out.push('| Repository | Pushed |', '| --- | --- |');
        for (const p of report.pushes) {
            const what = p.pushed
                ? `yes${p.layers ? `: ${layerCounts(p.layers)}` : ''}`
                : 'no, the registry already had this image';
            out.push(`| ${cell(p.repository)} | ${what} |`);
        }
        out.push('');
    }
    if (report.plan && report.plan.images.length > 0) {
        out.push('| Image on deploy |', '| --- |');
        for (const line of (0,_stages_change_text__WEBPACK_IMPORTED_MODULE_0__/* .imageLines */ .nP)(report.plan))
            out.push(`| ${cell(line)} |`);
        out.push('');
    }
    if (report.plan && report.diff && report.diff.length > 0) {
        const against = report.plan.running
            ? `Changes against \`${(0,_progress__WEBPACK_IMPORTED_MODULE_1__/* .shortArn */ .k$)(report.plan.running)}\``
            : 'Task definition';
        out.push(`**${against}:**`, '', '```diff', ...report.diff, '```', '');
    }
    else if (report.diff && report.diff.length > 0) {
        out.push('<details><summary>Changes against the previous revision</summary>', '', '```diff', ...report.diff, '```', '', '</details>', '');
    }
    for (const note of report.notes ?? [])
        out.push(`> ${note}`, '');
    return out.join('\n');
}
function ports(c) {
    const list = (c.portMappings ?? []).map((p) => `${p.hostPort !== undefined && p.hostPort !== p.containerPort ? `${p.hostPort}:` : ''}${p.containerPort}/${p.protocol ?? 'tcp'}`);
    return list.join(', ') || '-';
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** A deploy that failed after it started: the report still goes out, then the step fails. */
class DeployFailed extends Error {
    lines;
    report;
    constructor(lines, report) {
        super(lines[0] ?? 'deployment failed');
        this.lines = lines;
        this.report = report;
    }
}
/** What every report starts from: the inputs that name where the run went. */
function baseReport(config) {
    return {
        mode: config.mode,
        region: config.region,
        cluster: config.cluster,
        ...(config.service && { service: config.service }),
        imageTag: config.imageTag,
        images: {},
        changed: false,
    };
}
/** "2 of 12 layers pushed (15.2 MB), 10 already in the registry". */
function layerCounts(l) {
    return `${l.pushed} of ${l.total} layers pushed (${(l.bytes / 1024 / 1024).toFixed(1)} MB), ${l.present} already in the registry`;
}


/***/ }),

/***/ 2095:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ placeOf),
/* harmony export */   Zw: () => (/* binding */ Problems)
/* harmony export */ });
/* unused harmony export pathText */
/* harmony import */ var _diagnostics__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4851);

/** `['services', 'web', 'ports', 0]` -> `services.web.ports[0]`, the form diagnostics use. */
function pathText(path) {
    let text = '';
    for (const part of path) {
        if (typeof part === 'number')
            text += `[${part}]`;
        else
            text += text === '' ? part : `.${part}`;
    }
    return text;
}
/**
 * Where a diagnostic about `path` points: the path as text, and where it was written, or (for a
 * path that was not, like a missing key) where its nearest written parent was, at worst the
 * document itself (so a file that is not even a mapping is still named).
 */
function placeOf(locate, path) {
    let location;
    for (let n = path.length; n >= 0 && !location; n--)
        location = locate(path.slice(0, n));
    return { path: pathText(path), ...(location && { location }) };
}
/**
 * Collects the problems of one translation, so a user sees every error of a file at once instead
 * of fixing them one run at a time. Each problem names the key path and, when the loader knows
 * it, the file:line:column it was written at (falling back to the nearest located parent).
 */
class Problems {
    locate;
    errors = [];
    warnings = [];
    /** `locate` finds where a key path was written; a path that was not (a missing key) is placed at its nearest written parent. */
    constructor(locate) {
        this.locate = locate;
    }
    static forProject(project) {
        return new Problems((path) => project.locate(path));
    }
    /** The place of `path`, found now, for a value that is reported on later. */
    place(path) {
        const { location } = placeOf(this.locate, path);
        return { path, ...(location && { location }) };
    }
    error(at, message) {
        this.errors.push((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(message, this.where(at)));
    }
    warn(at, message) {
        this.warnings.push((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(message, this.where(at)));
    }
    where(at) {
        if (!('path' in at))
            return placeOf(this.locate, at);
        return { path: pathText(at.path), ...(at.location && { location: at.location }) };
    }
}


/***/ }),

/***/ 4006:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ describeExit),
/* harmony export */   R3: () => (/* binding */ runProcess),
/* harmony export */   Zq: () => (/* binding */ trackProcess),
/* harmony export */   oq: () => (/* binding */ findExecutable),
/* harmony export */   rr: () => (/* binding */ stopRunningProcesses),
/* harmony export */   v$: () => (/* binding */ CommandNotFoundError),
/* harmony export */   xM: () => (/* binding */ withoutTerminalEscapes)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** The program could not be started because it was not found (ENOENT). */
class CommandNotFoundError extends Error {
    command;
    constructor(command) {
        super(`${command}: command not found on PATH`);
        this.command = command;
        this.name = 'CommandNotFoundError';
    }
}
const MAX_CAPTURE = 1024 * 1024;
/** Children running now, so that a cancelled job stops them instead of leaving them behind. */
const running = new Set();
/** A child started elsewhere (one whose output is streamed, not captured), stopped like the others. */
function trackProcess(child) {
    running.add(child);
    child.once('close', () => running.delete(child));
}
/** Sends the signal to every child still running; returns how many there were. */
function stopRunningProcesses(signal = 'SIGTERM') {
    for (const child of running)
        child.kill(signal);
    return running.size;
}
const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;
/** Splits a byte stream into lines, keeping the partial last line until more arrives. */
class LineSplitter {
    emit;
    rest = '';
    constructor(emit) {
        this.emit = emit;
    }
    push(chunk) {
        const parts = (this.rest + chunk).split(/\r?\n/);
        this.rest = parts.pop() ?? '';
        for (const line of parts)
            this.emit(line);
    }
    end() {
        if (this.rest !== '')
            this.emit(this.rest);
        this.rest = '';
    }
}
function appendBounded(buffer, chunk) {
    const joined = buffer + chunk;
    return joined.length > MAX_CAPTURE ? joined.slice(joined.length - MAX_CAPTURE) : joined;
}
const runProcess = (command, args, options = {}) => new Promise((resolve, reject) => {
    const tailSize = options.tailLines ?? 40;
    const tail = [];
    const captured = { stdout: '', stderr: '' };
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const splitters = {};
    for (const stream of ['stdout', 'stderr']) {
        splitters[stream] = new LineSplitter((line) => {
            // The tail is quoted in error messages and annotations, which show escapes as garbage.
            tail.push(withoutTerminalEscapes(line));
            if (tail.length > tailSize)
                tail.shift();
            options.onLine?.(line, stream);
        });
        const source = child[stream];
        source.setEncoding('utf8');
        source.on('data', (chunk) => {
            captured[stream] = appendBounded(captured[stream], chunk);
            splitters[stream].push(chunk);
        });
    }
    child.on('error', (err) => {
        clearTimeout(timer);
        running.delete(child);
        // A missing cwd also gives ENOENT: only blame the command when the directory is there.
        const cwdMissing = options.cwd !== undefined && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(options.cwd);
        reject(err.code === 'ENOENT' && !cwdMissing ? new CommandNotFoundError(command) : err);
    });
    // 'close' (not 'exit') so that all output has been read.
    child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        running.delete(child);
        splitters.stdout.end();
        splitters.stderr.end();
        resolve({ exitCode, signal, timedOut, stdout: captured.stdout, stderr: captured.stderr, tail });
    });
    // A child that exits without reading stdin must not crash us with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
});
/** Full path of an executable found on the PATH of `env`, or undefined. No process is run. */
function findExecutable(name, env = process.env) {
    if (name.includes('/'))
        return isExecutableFile(name) ? name : undefined;
    for (const dir of (env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return undefined;
}
function isExecutableFile(file) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
/** One line describing how a finished process ended, for error messages. */
function describeExit(result) {
    if (result.timedOut)
        return 'timed out and was killed';
    if (result.signal)
        return `was killed by ${result.signal}`;
    return `exited with code ${result.exitCode}`;
}
/** ANSI escape sequences (colours, cursor moves) as docker's legacy builder writes them. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const TERMINAL_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
function withoutTerminalEscapes(text) {
    return text.replace(TERMINAL_ESCAPE, '');
}


/***/ }),

/***/ 4660:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k$: () => (/* binding */ shortArn),
/* harmony export */   ke: () => (/* binding */ Progress),
/* harmony export */   mq: () => (/* binding */ imageStage)
/* harmony export */ });
/* unused harmony export EXPORT_AND_PUSH */
/** The stage that exports each package and pushes its image while the next one exports. */
const EXPORT_AND_PUSH = 'Export and push';
/**
 * The stage that exports each package (and builds each build: service's image) and pushes each
 * image while the next one is made, named after what it does.
 */
function imageStage(does) {
    if (!does.builds)
        return EXPORT_AND_PUSH;
    return does.exports ? 'Build, export and push' : 'Build and push';
}
const IMAGE_STAGES = new Set([EXPORT_AND_PUSH, 'Build, export and push', 'Build and push']);
/**
 * What a deploy has done so far, said when it stops before the end: a failure nobody planned
 * for, or the job being cancelled. The order of the stages guarantees the service is only
 * pointed at a task definition once every image it names is in the registry; this says where
 * in that order the run stopped.
 */
class Progress {
    /** The stage running now; undefined until the first one starts. */
    stage;
    /** The revision the service ran before this run; undefined when it did not exist. */
    serviceBefore;
    /** The revision the service was pointed at by this run, once it has been. */
    serviceNow;
    /** How long each finished stage took, in milliseconds, in order. */
    timings = [];
    steps = [];
    /** The Log, with each group recorded as the stage running, and timed. */
    tracking(log) {
        // Each method bound to `log`, which may be a class instance (a spread would drop its methods).
        return {
            info: (message) => log.info(message),
            debug: (message) => log.debug(message),
            warning: (message, diagnostic) => log.warning(message, diagnostic),
            output: (line) => log.output(line),
            setSecret: (value) => log.setSecret(value),
            group: async (name, fn) => {
                this.stage = name;
                const started = performance.now();
                try {
                    return await log.group(name, fn);
                }
                finally {
                    this.timings.push([name, Math.round(performance.now() - started)]);
                }
            },
        };
    }
    record(step) {
        this.steps.push(step);
    }
    /** Lines for the log and the summary: what was done, and what state the service is in. */
    account() {
        const lines = [
            this.steps.length > 0 ? `Done before that: ${this.steps.join('; ')}.` : 'Nothing was changed.',
        ];
        if (this.stage !== undefined && IMAGE_STAGES.has(this.stage))
            lines.push('Images pushed so far are harmless: no task definition names them yet.');
        if (this.serviceNow) {
            lines.push(`The service was pointed at ${shortArn(this.serviceNow)}` +
                `${this.serviceBefore ? ` (it ran ${shortArn(this.serviceBefore)})` : ' (it was created)'}, ` +
                'after every image it names was pushed; ECS carries on with that deployment.');
        }
        else {
            lines.push(this.serviceBefore
                ? `The service was not changed: it still runs ${shortArn(this.serviceBefore)}.`
                : 'No service was created.');
        }
        lines.push('Running the job again finishes it: what is already done is found and not done twice.');
        return lines;
    }
}
/** `...:task-definition/web:4` -> `web:4`: how messages name a revision (or any ARN's last part). */
function shortArn(arn) {
    return arn.split('/').pop() ?? arn;
}


/***/ }),

/***/ 9823:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pt: () => (/* binding */ planText),
/* harmony export */   nP: () => (/* binding */ imageLines),
/* harmony export */   tA: () => (/* binding */ serviceVerdict)
/* harmony export */ });
/* harmony import */ var _progress__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4660);

/** A plan in words, for the log, the CLI and the job summary. Pure. */
/** One line: what a deploy would do to the service. */
function serviceVerdict(plan, service) {
    const running = plan.running ? (0,_progress__WEBPACK_IMPORTED_MODULE_0__/* .shortArn */ .k$)(plan.running) : undefined;
    switch (plan.service) {
        case 'create':
            return `a deploy would create the service ${service}`;
        case 'update':
            return `a deploy would update the service ${service}${running ? ` (it runs ${running})` : ''}`;
        case 'redeploy':
            return `a deploy would start a new deployment of ${running ?? 'the revision'} on ${service} (force-new-deployment); the task definition is unchanged`;
        case 'none':
            if ((plan.settings ?? []).length > 0)
                return `a deploy would change the settings of the service ${service}; it already runs ${running ?? 'this task definition'}`;
            return `a deploy would leave the service ${service} alone: it already runs ${running ?? 'this task definition'}`;
    }
}
/** One line per image: reused, or exported and pushed, and why. */
function imageLines(plan) {
    const verb = {
        reuse: 'reused, not exported',
        export: 'exported and pushed on deploy',
        build: 'built and pushed on deploy',
    };
    return plan.images.map((i) => `${i.repository}: ${verb[i.how]} (${i.reason})`);
}
/** The plan as the log and the CLI print it: verdict, images, then the diff given. */
function planText(plan, service, diff) {
    const lines = [`Plan: ${serviceVerdict(plan, service)}.`];
    if (plan.images.length > 0)
        lines.push('Images:', ...imageLines(plan).map((l) => `  ${l}`));
    if (plan.settings.length > 0)
        lines.push(plan.service === 'create' ? 'Service settings:' : 'Service settings that would change:', ...plan.settings.map((l) => `  ${l}`));
    if (plan.service === 'create')
        lines.push('Task definition:', ...diff.map((l) => `  ${l}`));
    else if (diff.length > 0)
        lines.push(`Changes against ${plan.running ? (0,_progress__WEBPACK_IMPORTED_MODULE_0__/* .shortArn */ .k$)(plan.running) : 'the running revision'}:`, ...diff.map((l) => `  ${l}`));
    else
        lines.push('The task definition is the one the service runs.');
    return lines;
}


/***/ }),

/***/ 7893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ECS_NAME)
/* harmony export */ });
/** What ECS takes as the name of a cluster, service, task family or container. */
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;


/***/ }),

/***/ 262:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zy: () => (/* binding */ parsePackageSource),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   yP: () => (/* binding */ PackageSpecError)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** Habitat origin and package names: letters, digits, `-` and `_` (origins are lower case). */
const ORIGIN = /^[a-z0-9][a-z0-9_-]*$/;
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const VERSION = /^[A-Za-z0-9_.+-]+$/;
const RELEASE = /^\d{14}$/;
/** `<origin>-<name>-<version>-<release>-<target>.hart`, e.g. `core-redis-4.0.14-20190319155852-x86_64-linux.hart`. */
const HART_FILE = /^(.+)-([^-]+)-(\d{14})-([a-z0-9_]+-[a-z0-9_]+)\.hart$/;
/** Why a package spec was refused: the message says what a valid one looks like. */
class PackageSpecError extends Error {
}
/**
 * Reads one `habitat-packages` entry (or an `x-habitat.package` value): a package identifier
 * `origin/name[/version[/release]]` or a path to a `.hart` file (its ident comes from the file
 * name, as `hab pkg build` writes it). Pure: does not check that a .hart exists.
 */
function parsePackageSource(spec) {
    const value = spec.trim();
    if (value.endsWith('.hart'))
        return parseHartPath(value);
    const parts = value.split('/');
    const [origin, name, version, release] = parts;
    if (parts.length < 2 || parts.length > 4 || !origin || !name) {
        throw new PackageSpecError(`${JSON.stringify(spec)} is not a package: use origin/name, origin/name/version, origin/name/version/release or a path to a .hart file`);
    }
    checkPart(spec, 'origin', origin, ORIGIN, 'lower-case letters, digits, "-" and "_"');
    checkPart(spec, 'name', name, NAME, 'letters, digits, "-" and "_"');
    if (version !== undefined)
        checkPart(spec, 'version', version, VERSION, 'letters, digits and ". _ + -"');
    if (release !== undefined)
        checkPart(spec, 'release', release, RELEASE, '14 digits, e.g. 20171016003652');
    return {
        kind: 'ident',
        origin,
        name,
        ...(version !== undefined && { version }),
        ...(release !== undefined && { release }),
    };
}
function parseHartPath(file) {
    // hab gets the path as one argument, but a newline in it would also end a line of the job log.
    if (/\p{Cc}/u.test(file)) {
        throw new PackageSpecError(`${JSON.stringify(file)} contains a control character (newline, tab, NUL): rename the .hart file or its directory`);
    }
    const match = HART_FILE.exec(node_path__WEBPACK_IMPORTED_MODULE_0__.basename(file));
    const originAndName = match?.[1] ?? '';
    const dash = originAndName.indexOf('-');
    if (!match || dash <= 0) {
        throw new PackageSpecError(`${JSON.stringify(file)} is not named like a Habitat artifact: expected <origin>-<name>-<version>-<release>-<target>.hart, as hab pkg build writes it`);
    }
    // Origins rarely contain "-", names often do: the first segment is the origin.
    const origin = originAndName.slice(0, dash);
    const name = originAndName.slice(dash + 1);
    checkPart(file, 'origin', origin, ORIGIN, 'lower-case letters, digits, "-" and "_"');
    checkPart(file, 'name', name, NAME, 'letters, digits, "-" and "_"');
    return { kind: 'hart', path: file, origin, name, version: match[2] ?? '', release: match[3] ?? '' };
}
function checkPart(spec, what, value, pattern, allowed) {
    if (!pattern.test(value)) {
        throw new PackageSpecError(`${JSON.stringify(spec)}: ${what} ${JSON.stringify(value)} may contain only ${allowed}`);
    }
}
/** The ECR repository a package's image goes to: `origin/name`, as `hab pkg export` names the image. */
function repositoryOf(source) {
    return `${source.origin}/${source.name}`.toLowerCase();
}


/***/ }),

/***/ 3527:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   oi: () => (/* binding */ isValidRepositoryName),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   s5: () => (/* binding */ splitImage)
/* harmony export */ });
/** Image references: where they point, where the plan puts its images, and which names are valid. */
// ECR's repositoryName pattern and length limits.
const ECR_REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
// Docker's tag grammar.
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** `host/path/repo:tag@digest` -> host (if the first segment is one) and the lower-cased repository path. */
function splitImage(image) {
    const withoutDigest = image.split('@')[0] ?? '';
    const parts = withoutDigest.split('/');
    let host;
    if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? ''))
        host = parts.shift();
    const last = parts.pop() ?? '';
    const colon = last.lastIndexOf(':');
    parts.push(colon >= 0 ? last.slice(0, colon) : last);
    return { ...(host !== undefined && { host }), repository: parts.join('/').toLowerCase() };
}
/** Whether ECR takes the name as a repository name. */
function isValidRepositoryName(name) {
    return name.length >= 2 && name.length <= 256 && ECR_REPOSITORY.test(name);
}
/** Whether Docker takes the text as an image tag. */
function isValidTag(tag) {
    return DOCKER_TAG.test(tag);
}


/***/ }),

/***/ 3944:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   NJ: () => (/* binding */ architectureOf),
/* harmony export */   Qz: () => (/* binding */ DEFAULT_ARCHITECTURE),
/* harmony export */   aC: () => (/* binding */ runnerArchitecture),
/* harmony export */   e9: () => (/* binding */ decidePlatform)
/* harmony export */ });
/* harmony import */ var _diagnostics__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4851);
/* harmony import */ var _problems__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2095);


const ARCHITECTURES = {
    'linux/amd64': 'X86_64',
    'linux/x86_64': 'X86_64',
    'linux/arm64': 'ARM64',
    'linux/arm64/v8': 'ARM64',
    'linux/aarch64': 'ARM64',
};
/** The docker platform of each ECS architecture. */
const PLATFORM_OF = {
    X86_64: 'linux/amd64',
    ARM64: 'linux/arm64',
};
/** A platform as docker and compose write it -> the ECS architecture; undefined for any other. */
function architectureOf(platform) {
    return ARCHITECTURES[platform.trim().toLowerCase()];
}
/** What ECS runs a task on when its definition names no platform. */
const DEFAULT_ARCHITECTURE = 'X86_64';
function taskPlatform(architecture) {
    return {
        platform: PLATFORM_OF[architecture],
        runtimePlatform: { cpuArchitecture: architecture, operatingSystemFamily: 'LINUX' },
    };
}
/**
 * The platform of the task (pure). `input`: the `runtime-platform` input, already checked by the
 * input parser (empty: not given). Errors at the compose lines that name another platform.
 */
function decidePlatform(project, input) {
    const errors = [];
    const wanted = input ? architectureOf(input) : undefined;
    let chosen = wanted
        ? { architecture: wanted, by: `runtime-platform: ${input ?? ''}` }
        : undefined;
    for (const [name, service] of project.services) {
        const written = service.definition.platform;
        if (typeof written !== 'string' || written === '')
            continue;
        const place = (0,_problems__WEBPACK_IMPORTED_MODULE_1__/* .placeOf */ .$t)((p) => project.locate(p), ['services', name, 'platform']);
        const architecture = architectureOf(written);
        if (!architecture) {
            errors.push((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`"${written}" is not a platform ECS runs: use linux/amd64 (X86_64) or linux/arm64 (ARM64)`, place));
            continue;
        }
        if (!chosen)
            chosen = { architecture, by: `service ${name}'s platform: ${written}` };
        else if (chosen.architecture !== architecture) {
            errors.push((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`"${written}" differs from ${chosen.by}: the containers of an ECS task all run on one platform; make them agree, or give this service a task of its own`, place));
        }
    }
    return { ...(chosen && { platform: taskPlatform(chosen.architecture) }), errors };
}
/** The ECS architecture of the machine this runs on (Node's `process.arch`); undefined for others. */
function runnerArchitecture(arch) {
    return arch === 'x64' ? 'X86_64' : arch === 'arm64' ? 'ARM64' : undefined;
}


/***/ }),

/***/ 9152:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ outsideRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Why `file` (absolute, or relative to `root`) is not inside `root`, or undefined when it is.
 * `..` and absolute paths are judged as written; a file that exists is judged again with every
 * symlink resolved, so a link in the workspace cannot lead to a file outside it. A file that does
 * not exist is left to whoever reads it to report.
 */
function outsideRoot(root, file) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, file);
    if (!contains(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root), absolute))
        return `is outside ${root}`;
    let real;
    try {
        real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(absolute);
    }
    catch {
        return undefined;
    }
    if (!contains(realRoot(root), real))
        return `is a symlink to ${real}, outside ${root}`;
    return undefined;
}
/** `dir` itself or anything under it; `..foo` is a name, not a way up. */
function contains(dir, file) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(dir, file);
    return relative === '' || (!node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(relative) && relative.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep)[0] !== '..');
}
function realRoot(root) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(root);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root);
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = require("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = require("node:stream/promises");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = require("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/action/masked-values.ts
/**
 * The values the action has asked the runner to mask (the ECR password, github-token, ...), kept
 * so that interpolation can refuse to copy one into a task definition. Filled by the action's Log.
 */
const values = new Set();
function rememberMasked(value) {
    if (value !== '')
        values.add(value);
}
/** The values masked so far, and every value masked later: the set itself, not a copy. */
function maskedValues() {
    return values;
}

// EXTERNAL MODULE: ./src/process.ts
var src_process = __nccwpck_require__(4006);
;// CONCATENATED MODULE: ./src/action/workflow-commands.ts



/** An input as the runner passes it: `INPUT_` and the name upper-cased, spaces as `_`; trimmed. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** What the main step saved under `name` (saveState); '' when nothing was. */
function getState(name, env = process.env) {
    return env[`STATE_${name}`] ?? '';
}
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function debug(message) {
    command('debug', {}, message);
}
function notice(message, properties = {}) {
    command('notice', annotationFields(properties), message);
}
function warning(message, properties = {}) {
    command('warning', annotationFields(properties), message);
}
function error(message, properties = {}) {
    command('error', annotationFields(properties), message);
}
/** An error annotation, and the step fails when the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Masks the value in every later line of the job's log. */
function setSecret(value) {
    command('add-mask', {}, value);
}
/** Runs fn inside a collapsible section of the log. */
async function group(name, fn) {
    command('group', {}, name);
    try {
        return await fn();
    }
    finally {
        command('endgroup', {}, '');
    }
}
function setOutput(name, value) {
    keyValue('GITHUB_OUTPUT', 'set-output', name, value);
}
/** Saved for the post step, which reads it with getState. */
function saveState(name, value) {
    keyValue('GITHUB_STATE', 'save-state', name, value);
}
/** Appends Markdown to the job summary; without a summary file (not on a runner) there is none. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, markdown + external_node_os_.EOL, 'utf8');
}
/** `name<<DELIMITER`, the value, `DELIMITER`, in the runner's file; a command on older runners. */
function keyValue(fileVariable, fallback, name, value) {
    const file = process.env[fileVariable];
    if (!file) {
        command(fallback, { name }, value);
        return;
    }
    // Random, so that no value can end the entry early and add one of its own.
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
/** The annotation's fields under the names the runner reads, in its order. */
function annotationFields(p) {
    return {
        title: p.title,
        file: p.file,
        line: p.startLine,
        endLine: p.endLine,
        col: p.startColumn,
        endColumn: p.endColumn,
    };
}
/** `::name key=value,...::message`, escaped so that no value can end the command or start another. */
function formatCommand(name, properties, message) {
    const fields = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    return `::${name}${fields.length > 0 ? ` ${fields.join(',')}` : ''}::${escapeData(message)}`;
}
function command(name, properties, message) {
    process.stdout.write(formatCommand(name, properties, message) + external_node_os_.EOL);
}
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/action/actions-log.ts





/** The Log of the action: the runner's groups, and annotations on the compose file line. */
const actionsLog = {
    info: (message) => info(message),
    debug: (message) => debug(message),
    warning: (message, diagnostic) => warning(message, annotation(diagnostic)),
    output: (line) => process.stdout.write(commandProof((0,src_process/* withoutTerminalEscapes */.xM)(line))),
    group: (name, fn) => group(name, fn),
    setSecret: (value) => {
        setSecret(value);
        rememberMasked(value);
    },
};
/** Annotation properties for a diagnostic: the file and line it points at, and the input's name as title. */
function annotation(d) {
    if (!d)
        return {};
    if (d.location) {
        return { file: d.location.file, startLine: d.location.line, startColumn: d.location.column };
    }
    if (d.input)
        return { title: `input ${d.input}` };
    return {};
}
/**
 * The runner reads a line of the log as a command when it starts with `::` (the older `##[`
 * form anywhere in it). Whatever could be one is written between `::stop-commands::<token>` and
 * `::<token>::`, which the runner shows as text; the token is new each time, so the line cannot
 * end the pause itself.
 */
function commandProof(line) {
    if (!/::|##\[/.test(line))
        return `${line}${external_node_os_.EOL}`;
    const token = (0,external_node_crypto_.randomUUID)();
    return [`::stop-commands::${token}`, line, `::${token}::`, ''].join(external_node_os_.EOL);
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __nccwpck_require__(9378);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __nccwpck_require__(4851);
;// CONCATENATED MODULE: ./src/action/github-context.ts


/**
 * Reads GITHUB_* and the event payload at GITHUB_EVENT_PATH, as the runner provides them.
 * A missing or unreadable payload is not fatal: only the pull request number comes from it.
 * Not @actions/github's `context`: importing it brings Octokit into the entry chunk (+121 kB,
 * about 40 ms more start-up on every run), and it throws at import on an unreadable payload.
 */
function readRunContext(env) {
    let payload = {};
    const eventPath = env.GITHUB_EVENT_PATH;
    if (eventPath && external_node_fs_.existsSync(eventPath)) {
        try {
            payload = JSON.parse(external_node_fs_.readFileSync(eventPath, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    const number = payload.pull_request?.number ?? payload.number;
    const head = payload.pull_request?.head?.repo?.full_name;
    const base = payload.repository?.full_name ?? env.GITHUB_REPOSITORY;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        ...(typeof number === 'number' && { pullRequest: number }),
        ...(typeof payload.action === 'string' && { action: payload.action }),
        ...(payload.pull_request && { fromFork: typeof head !== 'string' || head !== base }),
        ...(typeof base === 'string' && { repository: base }),
        ...(env.GITHUB_REPOSITORY &&
            env.GITHUB_RUN_ID && {
            runUrl: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`,
        }),
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    };
}
/**
 * The runner's temp directory, which it empties after every job (RUNNER_TEMP); outside a runner,
 * the system's. Where the private docker config, the exports and the rendered file go.
 */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
}

// EXTERNAL MODULE: ./src/translate/context.ts
var context = __nccwpck_require__(7893);
// EXTERNAL MODULE: ./src/habitat/export-command.ts
var export_command = __nccwpck_require__(4817);
// EXTERNAL MODULE: ./src/translate/habitat/package-source.ts
var package_source = __nccwpck_require__(262);
// EXTERNAL MODULE: ./src/workspace-path.ts
var workspace_path = __nccwpck_require__(9152);
;// CONCATENATED MODULE: ./src/inputs/files.ts




/** A file the action reads must exist, and be inside the workspace (symlinks followed). */
function checkFile(file, name, workspace, fail) {
    const outside = (0,workspace_path/* outsideRoot */.K)(workspace, file);
    if (outside) {
        fail(name, `${file} ${outside}: give a file inside the workspace (paths are relative to it)`);
        return;
    }
    let isFile = false;
    try {
        isFile = external_node_fs_.statSync(external_node_path_.resolve(workspace, file)).isFile();
    }
    catch {
        isFile = false;
    }
    if (!isFile)
        fail(name, `${file}: no such file (paths are relative to ${workspace})`);
}
function optionalFile(value, name, workspace, fail) {
    if (value === '')
        return undefined;
    checkFile(value, name, workspace, fail);
    return value;
}
/** Package lines; `.hart` lines may be globs (`*`, `?` in the file name) and must stay inside the workspace. */
function readPackages(lines, workspace, lenient, fail) {
    const sources = [];
    for (const line of lines) {
        if (lenient && line.endsWith('.hart') && /[*?[]/.test(line))
            continue;
        const specs = line.endsWith('.hart') && !lenient ? expandHarts(line, workspace, fail) : [line];
        for (const spec of specs) {
            try {
                sources.push((0,package_source/* parsePackageSource */.Zy)(spec));
            }
            catch (e) {
                if (!(e instanceof package_source/* PackageSpecError */.yP))
                    throw e;
                fail('habitat-packages', e.message);
            }
        }
    }
    return sources;
}
function expandHarts(pattern, workspace, fail) {
    const absolute = external_node_path_.resolve(workspace, pattern);
    const relative = external_node_path_.relative(workspace, absolute);
    const outside = (file) => {
        const why = (0,workspace_path/* outsideRoot */.K)(workspace, file);
        if (why)
            fail('habitat-packages', `${file} ${why}: .hart files must be inside the workspace`);
        return why !== undefined;
    };
    if (outside(pattern))
        return [];
    const dir = external_node_path_.dirname(absolute);
    const base = external_node_path_.basename(absolute);
    if (/[*?[]/.test(external_node_path_.dirname(relative))) {
        fail('habitat-packages', `${pattern}: wildcards are allowed in the file name only, e.g. results/*.hart`);
        return [];
    }
    let names = [];
    try {
        names = external_node_fs_.readdirSync(dir);
    }
    catch {
        names = [];
    }
    const matcher = new RegExp(`^${base
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`);
    const found = names.filter((n) => matcher.test(n)).sort();
    if (found.length === 0) {
        fail('habitat-packages', `${pattern}: no such .hart file (build it first with hab pkg build)`);
    }
    // hab reads the file: a symlink out of the workspace is refused like a path that leaves it.
    return found.map((n) => external_node_path_.join(external_node_path_.dirname(relative), n)).filter((file) => !outside(file));
}

;// CONCATENATED MODULE: ./src/inputs/values.ts
/** How the text of an input becomes a value: lists, choices, booleans and bounded numbers. */
/** The lines of a multi-line input, trimmed, without blank lines and `#` comments. */
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function oneOf(value, allowed, name, fail) {
    if (allowed.includes(value))
        return value;
    fail(name, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
    return undefined;
}
function bool(value, name, fail) {
    // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    fail(name, `${JSON.stringify(value)} is not a boolean: use true or false`);
    return false;
}
function values_int(value, name, min, max, fail) {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
        fail(name, `${JSON.stringify(value)} is not a whole number from ${min} to ${max}`);
        return min;
    }
    return n;
}

;// CONCATENATED MODULE: ./src/inputs/habitat.ts

/** A Builder channel: letters, digits, `_`, `.` and `-`, not starting with `-` (hab would read a flag). */
const CHANNEL = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
/** habitat-channel, habitat-builder-url (else HAB_BLDR_URL), habitat-base-packages-channel, habitat-multi-layer. */
function readExportSettings(get, env, fail) {
    const channel = (name) => {
        const value = get(name);
        if (value === '')
            return undefined;
        if (!CHANNEL.test(value)) {
            fail(name, `${JSON.stringify(value)} is not a channel name: letters, digits, "_", "." and "-", not starting with "-"`);
        }
        return value;
    };
    const fromInput = get('habitat-builder-url');
    const builderUrl = fromInput || env.HAB_BLDR_URL || undefined;
    if (builderUrl !== undefined && !isHttpUrl(builderUrl)) {
        const from = fromInput ? '' : ' (from HAB_BLDR_URL)';
        fail('habitat-builder-url', `${JSON.stringify(builderUrl)}${from} is not an http:// or https:// URL of a Builder`);
    }
    const basePackagesChannel = channel('habitat-base-packages-channel');
    return {
        channel: channel('habitat-channel') ?? 'stable',
        multiLayer: bool(get('habitat-multi-layer'), 'habitat-multi-layer', fail),
        ...(builderUrl !== undefined && { builderUrl }),
        ...(basePackagesChannel !== undefined && { basePackagesChannel }),
    };
}
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/translate/image-name.ts
var image_name = __nccwpck_require__(3527);
;// CONCATENATED MODULE: ./src/inputs/images.ts



/** The inputs that tag the images and set up their ECR repositories. */
/** What AWS accepts in resource tags (keys up to 128, values up to 256 characters). */
const AWS_TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+@-]*$/u;
/** A KMS key id, key ARN, alias name or alias ARN. */
const KMS_KEY = /^[A-Za-z0-9:/_-]{1,2048}$/;
/** The image tag: given, or derived from the event (tag push, pull request, commit). */
function readImageTag(value, run, fail, warnings) {
    if (value !== '') {
        if (!(0,image_name/* isValidTag */.r_)(value)) {
            fail('image-tag', `${JSON.stringify(value)} is not a valid image tag: letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"`);
        }
        return value;
    }
    let derived;
    if (run.ref.startsWith('refs/tags/'))
        derived = run.ref.slice('refs/tags/'.length);
    else if (run.pullRequest !== undefined && run.eventName.startsWith('pull_request'))
        derived = `pr-${run.pullRequest}`;
    else if (run.sha !== '')
        derived = run.sha.slice(0, 12);
    else {
        fail('image-tag', 'no tag, pull request or commit sha to derive it from (GITHUB_SHA is unset): set image-tag');
        return '';
    }
    if (!(0,image_name/* isValidTag */.r_)(derived)) {
        const fixed = derived
            .replace(/[^A-Za-z0-9_.-]/g, '-')
            .replace(/^[.-]+/, '')
            .slice(0, 128);
        if (fixed === '') {
            fail('image-tag', `${JSON.stringify(derived)} has nothing an image tag can keep: set image-tag`);
            return '';
        }
        warnings.push((0,diagnostics/* warning */.$e)(`${JSON.stringify(derived)} is not a valid image tag; using "${fixed}"`, {
            input: 'image-tag',
        }));
        derived = fixed;
    }
    return derived;
}
function readRepositorySettings(get, fail) {
    const tagMutability = oneOf(get('image-tag-mutability').toUpperCase(), ['MUTABLE', 'IMMUTABLE'], 'image-tag-mutability', fail) ?? 'MUTABLE';
    const encryptionType = oneOf(get('repository-encryption').toUpperCase(), ['AES256', 'KMS'], 'repository-encryption', fail) ?? 'AES256';
    const kmsKey = get('repository-kms-key');
    if (kmsKey !== '' && encryptionType !== 'KMS')
        fail('repository-kms-key', 'is only used with repository-encryption: KMS');
    else if (kmsKey !== '' && !KMS_KEY.test(kmsKey))
        fail('repository-kms-key', `${JSON.stringify(kmsKey)} is not a KMS key id, key ARN or alias (alias/<name>)`);
    const tags = {};
    for (const line of lines(get('repository-tags'))) {
        const at = line.indexOf('=');
        const [key, value] = [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        if (at <= 0)
            fail('repository-tags', `${JSON.stringify(line)} is not key=value`);
        else if (!isAwsTag(key, value)) {
            fail('repository-tags', `${JSON.stringify(line)} is not a tag AWS accepts: a key of 1-128 and a value of up to 256 letters, digits, spaces and _ . : / = + - @, the key not starting with aws:`);
        }
        else
            tags[key] = value;
    }
    return {
        tagMutability,
        scanOnPush: bool(get('scan-on-push'), 'scan-on-push', fail),
        encryption: encryptionType === 'KMS' ? { type: 'KMS', ...(kmsKey !== '' && { kmsKey }) } : { type: 'AES256' },
        tags,
    };
}
function isAwsTag(key, value) {
    return (key.length <= 128 &&
        value.length <= 256 &&
        AWS_TAG_TEXT.test(key) &&
        AWS_TAG_TEXT.test(value) &&
        !/^aws:/i.test(key));
}
/** Tags from image-tags: bare tags, or `image:tag` references such as docker/metadata-action's output. */
function readImageTags(value, fail) {
    const tags = [];
    for (const line of lines(value)) {
        const lastSegment = line.slice(line.lastIndexOf('/') + 1);
        const tag = lastSegment.includes(':')
            ? lastSegment.slice(lastSegment.lastIndexOf(':') + 1)
            : line.includes('/')
                ? ''
                : line;
        if (tag === '' || !(0,image_name/* isValidTag */.r_)(tag)) {
            fail('image-tags', `${JSON.stringify(line)} has no valid tag: give a tag (v1.2.0) or an image:tag reference`);
        }
        else {
            tags.push(tag);
        }
    }
    return [...new Set(tags)];
}

// EXTERNAL MODULE: ./src/inputs/pull-request.ts
var pull_request = __nccwpck_require__(2274);
// EXTERNAL MODULE: ./src/compose/canonical/words.ts
var words = __nccwpck_require__(4160);
;// CONCATENATED MODULE: ./src/inputs/run.ts


const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** `run-before-deploy`: `service` or `service: command` lines. */
function readOneOffTasks(value, fail) {
    const name = 'run-before-deploy';
    const tasks = [];
    for (const line of lines(value)) {
        const colon = line.indexOf(':');
        const container = (colon < 0 ? line : line.slice(0, colon)).trim();
        if (!SERVICE_NAME.test(container)) {
            fail(name, `${JSON.stringify(line)}: give a compose service name, or "service: command", e.g. web: bin/migrate`);
            continue;
        }
        if (colon < 0) {
            tasks.push({ container, line });
            continue;
        }
        const split = (0,words/* splitWords */.y)(line.slice(colon + 1));
        if ('error' in split) {
            fail(name, `${JSON.stringify(line)}: the command ${split.error}`);
            continue;
        }
        if (split.words.length === 0) {
            fail(name, `${JSON.stringify(line)}: no command after the colon; give one, or only the service name`);
            continue;
        }
        tasks.push({ container, command: split.words, line });
    }
    return tasks;
}
/** `run-timeout-minutes`: a positive number of minutes, fractions allowed; in milliseconds. */
function readRunTimeout(value, fail) {
    const minutes = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(minutes >= 0.1 && minutes <= 360)) {
        fail('run-timeout-minutes', `${JSON.stringify(value)} is not a number of minutes from 0.1 to 360`);
        return 600_000;
    }
    return Math.round(minutes * 60_000);
}

;// CONCATENATED MODULE: ./src/inputs/autoscaling.ts

/** ECS services run at most this many tasks (Application Auto Scaling takes the same bound). */
const MAX_TASKS = 5000;
const METRICS = ['cpu', 'memory', 'alb-requests'];
/**
 * The autoscaling inputs: none, or a min and max capacity with target-tracking policies. `lb`:
 * whether the service has a target group, which ALB requests per target need. Undefined: the
 * service's autoscaling is left as it is.
 */
function readAutoscaling(get, fail, lb) {
    const minText = get('autoscaling-min-capacity');
    const maxText = get('autoscaling-max-capacity');
    const policyLines = lines(get('autoscaling-target-tracking'));
    if (minText === '' && maxText === '') {
        if (policyLines.length > 0)
            fail('autoscaling-target-tracking', 'needs autoscaling-min-capacity and autoscaling-max-capacity');
        return undefined;
    }
    if (minText === '' || maxText === '') {
        fail(minText === '' ? 'autoscaling-min-capacity' : 'autoscaling-max-capacity', 'give both the min and the max capacity');
        return undefined;
    }
    const min = values_int(minText, 'autoscaling-min-capacity', 0, MAX_TASKS, fail);
    const max = values_int(maxText, 'autoscaling-max-capacity', 1, MAX_TASKS, fail);
    if (min > max)
        fail('autoscaling-min-capacity', `${min} is above autoscaling-max-capacity ${max}`);
    const policies = [];
    for (const line of policyLines) {
        const policy = readPolicy(line, fail, lb);
        if (!policy)
            continue;
        if (policies.some((p) => p.metric === policy.metric))
            fail('autoscaling-target-tracking', `${policy.metric} is given twice: one policy a metric`);
        else
            policies.push(policy);
    }
    return { min, max, policies };
}
/** `metric=cpu,target=60[,scaleInCooldown=300][,scaleOutCooldown=60]`. */
function readPolicy(line, fail, lb) {
    const name = 'autoscaling-target-tracking';
    const values = new Map();
    for (const part of line.split(',')) {
        const at = part.indexOf('=');
        const key = part.slice(0, at).trim();
        if (at < 0 || !['metric', 'target', 'scaleInCooldown', 'scaleOutCooldown'].includes(key)) {
            fail(name, `${JSON.stringify(line)}: give metric=<cpu|memory|alb-requests>,target=<value>[,scaleInCooldown=<s>][,scaleOutCooldown=<s>]`);
            return undefined;
        }
        values.set(key, part.slice(at + 1).trim());
    }
    const metric = values.get('metric');
    if (!metric || !METRICS.includes(metric)) {
        fail(name, `${JSON.stringify(line)}: metric must be one of ${METRICS.join(', ')}`);
        return undefined;
    }
    const target = Number(values.get('target'));
    const percent = metric !== 'alb-requests';
    if (!Number.isFinite(target) || target <= 0 || (percent && target > 100)) {
        fail(name, `${JSON.stringify(line)}: target must be ${percent ? 'a percentage above 0, at most 100' : 'a number of requests per task above 0'}`);
        return undefined;
    }
    if (metric === 'alb-requests' && !lb) {
        fail(name, `${JSON.stringify(line)}: ALB requests per target need a target group: set load-balancer`);
        return undefined;
    }
    const cooldown = (key) => {
        const v = values.get(key);
        return v === undefined ? undefined : values_int(v, name, 0, 86_400, fail);
    };
    const scaleInCooldown = cooldown('scaleInCooldown');
    const scaleOutCooldown = cooldown('scaleOutCooldown');
    return {
        metric,
        target,
        ...(scaleInCooldown !== undefined && { scaleInCooldown }),
        ...(scaleOutCooldown !== undefined && { scaleOutCooldown }),
    };
}

// EXTERNAL MODULE: ./src/ecs/strategy.ts
var ecs_strategy = __nccwpck_require__(448);
;// CONCATENATED MODULE: ./src/inputs/strategy.ts


const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
/** The stages a hook may run at (RECONCILE_SERVICE included, as ECS allows). */
const STAGES = [
    'RECONCILE_SERVICE', 'PRE_SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT',
]; // prettier-ignore
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ALARM_NAME = /^[^\s,][^,]{0,254}$/;
/**
 * The deployment strategy inputs, checked against ECS's rules before anything runs
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html,
 * API_CanaryConfiguration, API_LinearConfiguration, API_DeploymentLifecycleHook). Undefined when
 * none is given: the service keeps what it has.
 */
function readStrategy(get, fail, loadBalancers) {
    const names = [
        'deployment-strategy', 'deployment-bake-time-minutes', 'deployment-step-percent',
        'deployment-step-bake-minutes', 'deployment-alarms', 'deployment-lifecycle-hooks',
    ]; // prettier-ignore
    if (names.every((n) => get(n) === ''))
        return undefined;
    const given = get('deployment-strategy').toUpperCase();
    const strategy = given === '' ? 'ROLLING' : (oneOf(given, STRATEGIES, 'deployment-strategy', fail) ?? 'ROLLING');
    const shifts = (0,ecs_strategy/* shiftsTraffic */.ZI)(strategy);
    const only = (name, when, which) => {
        if (get(name) !== '' && !when)
            fail(name, `is for ${which} deployments (deployment-strategy is ${strategy})`);
        return get(name) !== '' && when;
    };
    const settings = {
        strategy,
        alarms: readAlarms(get('deployment-alarms'), fail),
        hooks: [],
    };
    if (only('deployment-bake-time-minutes', shifts, 'BLUE_GREEN, LINEAR and CANARY'))
        settings.bakeTimeInMinutes = values_int(get('deployment-bake-time-minutes'), 'deployment-bake-time-minutes', 0, 1440, fail);
    const stepped = strategy === 'LINEAR' || strategy === 'CANARY';
    if (only('deployment-step-percent', stepped, 'LINEAR and CANARY'))
        settings.stepPercent = readPercent(get('deployment-step-percent'), strategy === 'LINEAR' ? 3 : 0.1, fail);
    if (only('deployment-step-bake-minutes', stepped, 'LINEAR and CANARY'))
        settings.stepBakeTimeInMinutes = values_int(get('deployment-step-bake-minutes'), 'deployment-step-bake-minutes', 0, 1440, fail);
    if (only('deployment-lifecycle-hooks', shifts, 'BLUE_GREEN, LINEAR and CANARY'))
        settings.hooks = readHooks(get('deployment-lifecycle-hooks'), fail);
    if (shifts) {
        // ECS shifts traffic between the target group and its alternate, through the production
        // listener rule, with this role; a service without a load balancer is "headless": no traffic
        // is shifted (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html).
        for (const lb of loadBalancers) {
            const a = lb.advanced;
            if (!a?.alternateTargetGroupArn || !a.productionListenerRule || !a.roleArn)
                fail('load-balancer', `${strategy} shifts traffic between two target groups: give the line of ${lb.containerName}:${lb.containerPort} alternateTargetGroupArn=<arn>, productionListenerRule=<arn> and roleArn=<arn> (testListenerRule=<arn> optional)`);
        }
    }
    else if (loadBalancers.some((lb) => lb.advanced)) {
        fail('load-balancer', `an alternate target group is for BLUE_GREEN, LINEAR and CANARY deployments (deployment-strategy is ${strategy})`);
    }
    return settings;
}
/** A multiple of 0.1 from `min` to 100. */
function readPercent(value, min, fail) {
    const n = Number(value);
    if (!/^\d+(\.\d)?$/.test(value) || n < min || n > 100) {
        fail('deployment-step-percent', `${JSON.stringify(value)} is not a percentage from ${min} to 100 in steps of 0.1`);
        return undefined;
    }
    return n;
}
function readAlarms(value, fail) {
    const names = value
        .split(/[\n,]/)
        .map((n) => n.trim())
        .filter((n) => n !== '' && !n.startsWith('#'));
    for (const n of names)
        if (!ALARM_NAME.test(n))
            fail('deployment-alarms', `${JSON.stringify(n)} is not a CloudWatch alarm name`);
    return [...new Set(names)];
}
/** `function=<lambda arn>,role=<role arn>,stages=<STAGE>[|<STAGE>...]`, one a line. */
function readHooks(value, fail) {
    const name = 'deployment-lifecycle-hooks';
    const example = 'function=arn:aws:lambda:<region>:<account>:function:<name>,role=arn:aws:iam::<account>:role/<name>,stages=POST_TEST_TRAFFIC_SHIFT';
    return lines(value).flatMap((line) => {
        const kv = new Map();
        for (const part of line.split(',')) {
            const at = part.indexOf('=');
            kv.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
        }
        const functionArn = kv.get('function') ?? '';
        const roleArn = kv.get('role') ?? '';
        const stages = (kv.get('stages') ?? '')
            .split('|')
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean);
        if ([...kv.keys()].some((k) => !['function', 'role', 'stages'].includes(k)) || stages.length === 0) {
            fail(name, `${JSON.stringify(line)}: give ${example}`);
            return [];
        }
        if (!LAMBDA_ARN.test(functionArn)) {
            fail(name, `${JSON.stringify(functionArn)} is not a Lambda function ARN`);
            return [];
        }
        if (!ROLE_ARN.test(roleArn)) {
            fail(name, `${JSON.stringify(line)}: role must be the ARN of the role ECS invokes the function with`);
            return [];
        }
        const bad = stages.filter((s) => !STAGES.includes(s));
        if (bad.length > 0) {
            fail(name, `${JSON.stringify(line)}: ${bad.join(', ')} is not a stage a hook runs at (${STAGES.join(', ')})`);
            return [];
        }
        return [{ functionArn, roleArn, stages: stages }];
    });
}

;// CONCATENATED MODULE: ./src/inputs/service.ts



const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
const CONTAINER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CAPACITY_PROVIDER = /^[A-Za-z0-9_-]{1,255}$/;
const PLATFORM_VERSION = /^(LATEST|\d+\.\d+\.\d+)$/;
/** ECS allows at most this many target groups on one service. */
const MAX_TARGET_GROUPS = 5;
function readServiceSettings(get, launchType, fail) {
    const optional = (name, read) => {
        const value = get(name);
        return value === '' ? undefined : read(value);
    };
    const loadBalancers = readLoadBalancers(get('load-balancer'), fail);
    const autoscaling = readAutoscaling(get, fail, loadBalancers.length > 0);
    const strategy = readStrategy(get, fail, loadBalancers);
    const settings = {
        loadBalancers,
        capacityProviderStrategy: readCapacityProviders(get('capacity-provider-strategy'), launchType, fail),
        ...(autoscaling && { autoscaling }),
        ...(strategy && { strategy }),
    };
    const grace = optional('health-check-grace-period-seconds', (v) => values_int(v, 'health-check-grace-period-seconds', 0, 2_147_483_647, fail));
    if (grace !== undefined)
        settings.healthCheckGracePeriodSeconds = grace;
    const exec = optional('enable-execute-command', (v) => bool(v, 'enable-execute-command', fail));
    if (exec !== undefined)
        settings.enableExecuteCommand = exec;
    const min = optional('deployment-minimum-healthy-percent', (v) => values_int(v, 'deployment-minimum-healthy-percent', 0, 100, fail));
    if (min !== undefined)
        settings.minimumHealthyPercent = min;
    const max = optional('deployment-maximum-percent', (v) => values_int(v, 'deployment-maximum-percent', 100, 1000, fail));
    if (max !== undefined)
        settings.maximumPercent = max;
    if (min === 100 && max === 100) {
        fail('deployment-maximum-percent', 'is 100 with deployment-minimum-healthy-percent 100: a deployment could neither start a new task nor stop an old one; raise the maximum or lower the minimum');
    }
    const tags = optional('propagate-tags', (v) => oneOf(v.toUpperCase(), ['TASK_DEFINITION', 'SERVICE', 'NONE'], 'propagate-tags', fail));
    if (tags !== undefined)
        settings.propagateTags = tags;
    const platform = get('platform-version');
    if (platform !== '') {
        if (!PLATFORM_VERSION.test(platform))
            fail('platform-version', `${JSON.stringify(platform)} is not LATEST or a version such as 1.4.0`);
        else if (launchType !== 'FARGATE')
            fail('platform-version', 'is for Fargate: set launch-type: FARGATE, or leave platform-version empty');
        else
            settings.platformVersion = platform;
    }
    return settings;
}
/** `key=value,key=value`, keys from `aliases` (each alias -> its canonical key); undefined after a fail. */
function keyValues(line, aliases, name, fail) {
    const values = new Map();
    for (const part of line.split(',')) {
        const at = part.indexOf('=');
        const key = aliases[part.slice(0, at).trim()];
        if (at < 0 || key === undefined) {
            const known = [...new Set(Object.keys(aliases))].join(', ');
            fail(name, `${JSON.stringify(line)}: ${JSON.stringify(part.trim())} is not key=value with a key of ${known}`);
            return undefined;
        }
        if (values.has(key)) {
            fail(name, `${JSON.stringify(line)}: ${key} is given twice`);
            return undefined;
        }
        values.set(key, part.slice(at + 1).trim());
    }
    return values;
}
function readLoadBalancers(value, fail) {
    const name = 'load-balancer';
    // The names this input documents, and the AWS CLI's (containerName, containerPort).
    const aliases = {
        targetGroupArn: 'targetGroupArn',
        container: 'container',
        containerName: 'container',
        port: 'port',
        containerPort: 'port',
        alternateTargetGroupArn: 'alternateTargetGroupArn',
        productionListenerRule: 'productionListenerRule',
        testListenerRule: 'testListenerRule',
        roleArn: 'roleArn',
    };
    const targets = [];
    for (const line of lines(value)) {
        const kv = keyValues(line, aliases, name, fail);
        if (!kv)
            continue;
        const arn = kv.get('targetGroupArn') ?? '';
        const container = kv.get('container') ?? '';
        const port = kv.get('port') ?? '';
        const example = 'targetGroupArn=arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>,container=web,port=8080';
        if (arn === '' || container === '' || port === '') {
            fail(name, `${JSON.stringify(line)}: give targetGroupArn, container and port, e.g. ${example}`);
            continue;
        }
        if (!TARGET_GROUP_ARN.test(arn)) {
            fail(name, `${JSON.stringify(arn)} is not a target group ARN (${example.split(',')[0] ?? ''})`);
            continue;
        }
        if (!CONTAINER_NAME.test(container)) {
            fail(name, `${JSON.stringify(line)}: container ${JSON.stringify(container)} is not a compose service name`);
            continue;
        }
        const containerPort = /^\d+$/.test(port) ? Number(port) : NaN;
        if (!(containerPort >= 1 && containerPort <= 65535)) {
            fail(name, `${JSON.stringify(line)}: port ${JSON.stringify(port)} is not a port number from 1 to 65535`);
            continue;
        }
        if (targets.some((t) => t.targetGroupArn === arn && t.containerName === container && t.containerPort === containerPort)) {
            fail(name, `${JSON.stringify(line)} is given twice`);
            continue;
        }
        const alternate = kv.get('alternateTargetGroupArn');
        if (alternate !== undefined && !TARGET_GROUP_ARN.test(alternate)) {
            fail(name, `${JSON.stringify(alternate)} is not a target group ARN (alternateTargetGroupArn)`);
            continue;
        }
        const advanced = {
            ...(alternate !== undefined && { alternateTargetGroupArn: alternate }),
            ...(kv.has('productionListenerRule') && { productionListenerRule: kv.get('productionListenerRule') }),
            ...(kv.has('testListenerRule') && { testListenerRule: kv.get('testListenerRule') }),
            ...(kv.has('roleArn') && { roleArn: kv.get('roleArn') }),
        };
        targets.push({
            targetGroupArn: arn,
            containerName: container,
            containerPort,
            ...(Object.keys(advanced).length > 0 && { advanced }),
        });
    }
    if (targets.length > MAX_TARGET_GROUPS)
        fail(name, `has ${targets.length} target groups; ECS allows at most ${MAX_TARGET_GROUPS} on a service`);
    return targets;
}
function readCapacityProviders(value, launchType, fail) {
    const name = 'capacity-provider-strategy';
    const aliases = { capacityProvider: 'capacityProvider', weight: 'weight', base: 'base' };
    const items = [];
    for (const line of lines(value)) {
        const kv = keyValues(line, aliases, name, fail);
        if (!kv)
            continue;
        const provider = kv.get('capacityProvider') ?? '';
        if (!CAPACITY_PROVIDER.test(provider)) {
            fail(name, `${JSON.stringify(line)}: give capacityProvider=<name>, e.g. capacityProvider=FARGATE_SPOT,weight=1`);
            continue;
        }
        if (items.some((i) => i.capacityProvider === provider)) {
            fail(name, `${JSON.stringify(provider)} is given twice`);
            continue;
        }
        const fargate = provider === 'FARGATE' || provider === 'FARGATE_SPOT';
        if (fargate !== (launchType === 'FARGATE')) {
            fail(name, fargate
                ? `${provider} runs Fargate tasks: set launch-type: FARGATE, for which the task definition is rendered`
                : `${provider} is not a Fargate capacity provider, but launch-type is FARGATE: use FARGATE or FARGATE_SPOT, or launch-type: EC2`);
            continue;
        }
        items.push({
            capacityProvider: provider,
            weight: values_int(kv.get('weight') ?? '0', name, 0, 1000, fail),
            base: values_int(kv.get('base') ?? '0', name, 0, 100_000, fail),
        });
    }
    if (items.length > 0 && items.every((i) => i.weight === 0))
        fail(name, 'needs a weight above 0 on at least one capacity provider');
    if (items.filter((i) => i.base > 0).length > 1)
        fail(name, 'may give a base above 0 to one capacity provider only');
    return items;
}

;// CONCATENATED MODULE: ./src/inputs/spec.ts
const INPUTS = {
    mode: {
        description: 'What to do: `deploy` (export, push, register, deploy, wait), `plan` (say what a deploy would change, with read-only AWS calls: the checks of verify, the task definition diff, images pushed or reused, the service created, updated or left alone, service settings changed; on a pull request with `github-token`, as its comment), `render` (write the task definition only, no AWS call) or `teardown` (delete the service and the task definitions this action registered for it).',
        default: 'deploy',
    },
    'compose-file': {
        description: 'Docker Compose file(s), one a line, merged in order like `docker compose -f a -f b`. With `task-definition`, none unless given.',
        default: 'docker-compose.yml',
    },
    'task-definition': {
        description: "A task definition of your own to deploy instead of translating a compose file: a JSON file in the workspace (as `aws ecs register-task-definition` and the AWS render action take it; `describe-task-definition`'s output too), or the ARN of a registered revision. Its containers whose image names a package's repository run the image this deploy exports; with `compose-file` also given, those named like a `build:` service run the image built for it. Its family is `task-family` (default: the service name); everything else (register only when it changed, create or update, wait, rollback, previews, plan, verify) works as with compose. ecs-params gives only the awsvpc network (run_params).",
        example: 'ecs/task-definition.json',
    },
    'ecs-params': {
        description: "ecs-cli's `ecs-params.yml` (task size, roles, network mode, awsvpc network configuration).",
    },
    'env-file': {
        description: 'File of `KEY=value` lines for `${VAR}` interpolation. Default: `.env` beside the first compose file, if present.',
    },
    'habitat-packages': {
        description: 'Habitat packages to export and push, one a line: `origin/name`, `origin/name/version[/release]`, or a path or glob of `.hart` files inside the workspace.',
    },
    'habitat-channel': {
        description: 'Channel the exporter installs packages named by ident from (`--channel`). Exporters of Habitat 2.1 default to `base`, which holds only core packages, so the action always passes it. A `.hart` needs none.',
        default: 'stable',
    },
    'habitat-builder-url': {
        description: "Builder to install packages and base packages from (`--url` and `--base-pkgs-url`), for an on-premises Builder. Default: `HAB_BLDR_URL` when set, else the exporter's default (the public Builder).",
    },
    'habitat-base-packages-channel': {
        description: "Channel of the packages every image gets: hab, the Supervisor, the launcher, busybox, cacerts (`--base-pkgs-channel`). Default: the exporter's (`base`).",
    },
    'habitat-multi-layer': {
        description: 'One image layer per Habitat package (`--multi-layer`): a deploy uploads only the layers of the packages that changed. One layer, with a warning, where the exporter cannot.',
        default: 'true',
    },
    build: {
        description: 'Build each compose service with `build:` (and no Habitat package) with docker, and push it like the Habitat images (see Built services). `false`: warn, and use its `image:`.',
        default: 'true',
    },
    'aws-region': { description: 'AWS region. Default: `AWS_REGION`, then `AWS_DEFAULT_REGION`.' },
    'aws-account-id': {
        description: 'AWS account of the ECR registry. Default: the account of the ECR registry the credentials reach.',
    },
    'runtime-platform': {
        description: "The task's platform, `linux/amd64` (X86_64) or `linux/arm64` (ARM64, Graviton), on Fargate and EC2 alike. Habitat packages are exported for the runner's architecture, so a deploy that exports runs on a runner of this one (for ARM64: `runs-on: ubuntu-24.04-arm`) and is refused on another. Empty: the compose services' `platform:`, else none (ECS runs X86_64).",
        example: 'linux/arm64',
    },
    cluster: { description: 'ECS cluster.', default: 'default' },
    service: { description: 'ECS service to create or update. Required unless mode is `render`.' },
    'task-family': { description: 'Task definition family. Default: the service name.' },
    'launch-type': { description: '`EC2` or `FARGATE`.', default: 'EC2' },
    'image-tag': {
        description: 'Tag for the pushed images. Default: the tag name on a tag push, `pr-<number>` on a pull_request event, else the first 12 characters of the commit sha. A preview is always tagged `pr-<number>` only.',
    },
    'image-tags': {
        description: 'More tags, one a line, e.g. the `tags` output of docker/metadata-action (`image:tag` references or bare tags). With no `image-tag`, the first one is the main tag.',
    },
    'tag-latest': {
        description: 'Also push every image as `latest` (refused with `image-tag-mutability: IMMUTABLE`).',
        default: 'false',
    },
    preview: {
        description: 'Pull request previews: on a pull_request event deploy to the service `<service>-pr-<number>` (task family `<task-family>-pr-<number>`, images tagged `pr-<number>`), and tear it down when the pull request is closed.',
        default: 'false',
    },
    'preview-remove-images': {
        description: 'When a preview is torn down, also delete its `pr-<number>` images from ECR.',
        default: 'false',
    },
    'github-token': {
        description: "Token to post the preview state (or the plan) as one pull request comment, updated on later pushes (needs `pull-requests: write`). Only a comment the token's own account wrote is updated. Without it, no comment is posted.",
    },
    'allow-untrusted-pull-requests': {
        description: "Deploy or plan code from a pull request from a fork, or on any `pull_request_target` run. Off: such a run is refused (a fork without AWS credentials is skipped), because the pull request would choose what runs with this job's AWS credentials.",
        default: 'false',
    },
    'allow-interpolation': {
        description: "Variables, separated by commas or lines, that `${VAR}` in the compose files may take from the runner's environment although they are credentials of this job (AWS keys, GitHub and runner tokens, HAB_AUTH_TOKEN, ...) or hold a value the action masks. Without it, such an interpolation is an error at its line: the value would be stored in plain text in the task definition.",
    },
    'create-repositories': { description: 'Create missing ECR repositories.', default: 'true' },
    'create-service': { description: 'Create the ECS service when it does not exist.', default: 'true' },
    'desired-count': { description: 'Desired task count of a service the action creates.', default: '1' },
    verify: {
        description: 'Before any export or push, check with read-only AWS calls what the task needs (roles, secrets, log groups, subnets, ECR images; room in the cluster just before the first change); each problem fails the step at its line. In plan mode too. See Verify.',
        default: 'true',
    },
    'wait-for-service-stability': {
        description: 'Wait until the deployment is stable before the step succeeds.',
        default: 'true',
    },
    'wait-timeout-minutes': {
        description: 'How long to wait for stability, in minutes (1-360).',
        default: '10',
    },
    'force-new-deployment': {
        description: 'Start a new deployment even if the task definition did not change.',
        default: 'false',
    },
    'rollback-on-failure': {
        description: 'When the deployment fails or times out, put the service back on the previous task definition.',
        default: 'true',
    },
    'push-version-tags': {
        description: 'Also push each image under the `<version>` and `<version>-<release>` tags the export made.',
        default: 'true',
    },
    'reuse-released-images': {
        description: "Reuse a released package's `<version>-<release>` image in ECR, adding this run's tags, instead of exporting it again: pinned idents, `.hart`s, and any ident at the release Builder says is latest in `habitat-channel`. `false`: export all.",
        default: 'true',
    },
    'image-tag-mutability': {
        description: 'Tag mutability of repositories the action creates: `MUTABLE` or `IMMUTABLE`.',
        default: 'MUTABLE',
    },
    'scan-on-push': {
        description: 'Turn on image scanning on push for repositories the action creates.',
        default: 'true',
    },
    'repository-encryption': {
        description: 'Encryption of repositories the action creates: `AES256` or `KMS`.',
        default: 'AES256',
    },
    'repository-kms-key': {
        description: 'KMS key for `repository-encryption: KMS`. Default: the AWS managed key.',
    },
    'repository-tags': {
        description: 'Resource tags for repositories the action creates, one `key=value` a line.',
    },
    'accept-habitat-license': {
        description: 'Add `HAB_LICENSE=accept-no-persist` to Habitat containers (and `hab` calls) that do not set HAB_LICENSE. Exported images do not carry it and fail to start without it.',
        default: 'true',
    },
    'supervisor-health-checks': {
        description: "Give every Habitat container a health check from its Supervisor's HTTP API (x-habitat `health-check` overrides per service).",
        default: 'false',
    },
    'keep-revisions': {
        description: 'After a stable deploy, deregister the task definition revisions this action registered beyond the newest N (0 keeps all).',
        default: '0',
    },
    'max-parallel': {
        description: 'At most this many images pushed at once (1-16); exports run one at a time, each image pushing while the next exports.',
        default: '4',
    },
    // Tasks run before the rollout, and the service's own settings (create, and update when they differ).
    'run-before-deploy': {
        description: "One-off tasks to run on the new revision before the service is updated, one a line, in order: a compose service name (its container runs with its own command), or `service: command` (that command instead, split like a compose `command:` string). Each runs with the service's network configuration; the service is updated only if every essential container exits 0.",
    },
    'run-timeout-minutes': {
        description: 'How long each `run-before-deploy` task may run, in minutes (0.1-360; fractions allowed, `0.5` is 30 s). A task still running then is stopped (StopTask) and the deploy fails.',
        default: '10',
    },
    'load-balancer': {
        description: 'Target groups to register the service with, one a line: `targetGroupArn=<arn>,container=<compose service>,port=<container port>`. For BLUE_GREEN, LINEAR and CANARY also `alternateTargetGroupArn=<arn>,productionListenerRule=<arn>,roleArn=<arn>` (and optionally `testListenerRule=<arn>`): the second target group, the listener rule (or, for an NLB, the listener) that forwards to both, and the role ECS shifts traffic with. Set on create; on update, changed when they differ. Empty: none on create, unchanged on update.',
        example: 'targetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef,container=web,port=8080,alternateTargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210,productionListenerRule=arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/0123456789abcdef,roleArn=arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
    },
    'health-check-grace-period-seconds': {
        description: 'Seconds ECS ignores load balancer and container health checks after a task starts (0-2147483647). Empty: 0 on create, unchanged on update.',
    },
    'enable-execute-command': {
        description: 'Turn ECS Exec (`aws ecs execute-command`) on or off for the service. The task needs a task role that allows `ssmmessages:*Channel`. Empty: off on create, unchanged on update.',
    },
    'deployment-minimum-healthy-percent': {
        description: 'Lower limit on running tasks during a deployment, in percent of the desired count (0-100). Empty: ECS default (100) on create, unchanged on update.',
    },
    'deployment-maximum-percent': {
        description: 'Upper limit on running and pending tasks during a deployment, in percent of the desired count (100-1000). Empty: ECS default (200) on create, unchanged on update.',
    },
    'capacity-provider-strategy': {
        description: 'Capacity providers instead of `launch-type` for the service and its one-off tasks, one a line: `capacityProvider=FARGATE_SPOT,weight=1,base=0`. `FARGATE` and `FARGATE_SPOT` need `launch-type: FARGATE`. Empty: `launch-type` on create, unchanged on update.',
    },
    'propagate-tags': {
        description: 'Copy tags to the tasks from `TASK_DEFINITION`, `SERVICE` or `NONE`. Empty: `TASK_DEFINITION` on create, unchanged on update.',
    },
    'deployment-strategy': {
        description: "ECS's own deployment strategy: `ROLLING` (tasks replaced a few at a time), `BLUE_GREEN` (the new revision gets test traffic, then all production traffic at once, and both run for the bake time), `LINEAR` (production traffic moved in equal steps) or `CANARY` (a share first, then the rest). The last three need `load-balancer` with an alternate target group (or a service without one: ECS then shifts no traffic). The wait follows the deployment through its lifecycle stages (stage, traffic moved, bake time left) in the log and the summary; when a stage, a hook or an alarm fails, ECS rolls back and the step says so. Empty: `ROLLING` on create, unchanged on update.",
        example: 'BLUE_GREEN',
    },
    'deployment-bake-time-minutes': {
        description: 'BLUE_GREEN, LINEAR and CANARY: how long both revisions run after production traffic has moved, before the old one is stopped (0-1440). Empty: ECS default on create, unchanged on update.',
        example: '10',
    },
    'deployment-step-percent': {
        description: 'CANARY: the share of production traffic moved first (0.1-100); LINEAR: the share moved at each step (3-100). In steps of 0.1. Empty: ECS default (5 and 10).',
        example: '10',
    },
    'deployment-step-bake-minutes': {
        description: 'CANARY: how long the canary runs before the rest of the traffic moves; LINEAR: how long between steps (0-1440). Empty: ECS default (10 and 6).',
        example: '5',
    },
    'deployment-alarms': {
        description: 'CloudWatch alarms, separated by commas or lines: one in ALARM during the deployment fails it, and ECS rolls it back (any strategy). Verify checks that they exist.',
        example: 'web-5xx, web-latency',
    },
    'deployment-lifecycle-hooks': {
        description: 'BLUE_GREEN, LINEAR and CANARY: Lambda functions ECS runs at lifecycle stages, one a line: `function=<arn>,role=<arn>,stages=<STAGE>[|<STAGE>...]` (PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, RECONCILE_SERVICE); a hook that answers FAILED rolls the deployment back. Verify checks that the functions exist.',
        example: 'function=arn:aws:lambda:us-east-1:123456789012:function:smoke-test,role=arn:aws:iam::123456789012:role/ecsLifecycleHooks,stages=POST_TEST_TRAFFIC_SHIFT',
    },
    'autoscaling-min-capacity': {
        description: "Register the service's desired count with Application Auto Scaling, from this many tasks (with `autoscaling-max-capacity`); created or updated where it differs. A service the action creates starts within these bounds. The deploy never sets the desired count of a service it updates, so autoscaling keeps what it scaled to. Empty: autoscaling left as it is.",
        example: '1',
    },
    'autoscaling-max-capacity': {
        description: 'Up to this many tasks (with `autoscaling-min-capacity`).',
        example: '4',
    },
    'autoscaling-target-tracking': {
        description: 'Target-tracking policies, one a line: `metric=cpu,target=60` (average CPU, percent), `metric=memory,target=75`, or `metric=alb-requests,target=1000` (requests per task, needs `load-balancer`), each optionally with `scaleInCooldown=<s>` and `scaleOutCooldown=<s>`. Named `habitat-ecs-deploy-<metric>`; those no longer listed are removed. Needs the capacities.',
        example: 'metric=cpu,target=60,scaleInCooldown=300',
    },
    'platform-version': {
        description: 'Fargate platform version, e.g. `1.4.0` or `LATEST` (Fargate only). Empty: `LATEST` on create, unchanged on update.',
    },
};
const OUTPUTS = {
    'task-definition-arn': 'ARN of the task definition revision the service runs (empty in render mode).',
    'task-definition-file': 'Path of the rendered task definition JSON, under RUNNER_TEMP.',
    images: 'JSON object: compose service name to the pushed image, `uri@sha256:...`.',
    'service-arn': 'ARN of the ECS service.',
    'deployment-id': 'ID of the ECS deployment this run started (empty when nothing changed).',
    changed: '`true` when this run registered a new revision or updated the service, else `false`. In plan mode: `true` when a deploy would.',
};

;// CONCATENATED MODULE: ./src/compose/runner-credentials.ts
/**
 * Which variables of the runner's environment compose files may not interpolate. Interpolation
 * sees the whole environment of the job, and what it produces is stored in plain text in a task
 * definition revision, readable by anyone with ecs:DescribeTaskDefinition, forever. The job's
 * own credentials must not get there by a `${GITHUB_TOKEN}` a pull request added.
 *
 * Refused by name: the variables through which this job itself authenticates, to AWS (the SDK's
 * and the CLI's credential variables), to GitHub (the token variables of the API clients and the
 * gh CLI), to the runner (every ACTIONS_* variable: its runtime, cache, results and OIDC token
 * endpoints and tokens) and to Habitat Builder (HAB_AUTH_TOKEN). Refused by value: any variable
 * holding the value of one of those, or a value the action masks in its log (the ECR password,
 * github-token), so a copy under another name is caught too.
 */
const CREDENTIAL_NAMES = new Set([
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITHUB_ENTERPRISE_TOKEN',
    'GH_ENTERPRISE_TOKEN',
    'HAB_AUTH_TOKEN',
]);
/** The runner's own variables: its tokens, and the endpoints they are good for. */
const RUNNER_PREFIX = 'ACTIONS_';
/** Shorter values are not matched: a secret is longer, and `true` or `1` would match too much. */
const MIN_SECRET_LENGTH = 8;
/** Whether the variable is one of the job's credentials, by its name alone. */
function isRunnerCredential(name) {
    return CREDENTIAL_NAMES.has(name) || name.startsWith(RUNNER_PREFIX);
}
/** Why a variable of the runner's environment must not be interpolated, or undefined: LoadOptions.refuseVariable. */
function credentialGuard(options) {
    const credentialValues = new Set(Object.entries(options.environment)
        .filter(([name]) => CREDENTIAL_NAMES.has(name) || (name.startsWith(RUNNER_PREFIX) && name.endsWith('TOKEN')))
        .map(([, value]) => value ?? ''));
    const isSecret = (value) => value.length >= MIN_SECRET_LENGTH && (credentialValues.has(value) || [...options.masked].includes(value));
    const allowed = new Set(options.allow);
    return (name, value) => {
        if (allowed.has(name))
            return undefined;
        const why = isRunnerCredential(name)
            ? `${name} is a credential of this job`
            : isSecret(value)
                ? `the value of ${name} is a credential of this job (or a value the action masks)`
                : undefined;
        if (!why)
            return undefined;
        return (`${why}: interpolated from the runner's environment, it would be stored in plain text in the task definition. ` +
            `Give the task its own secret through ECS secrets (valueFrom), or, if it really belongs there, ${options.howToAllow(name)}`);
    };
}

// EXTERNAL MODULE: ./src/translate/runtime-platform.ts
var runtime_platform = __nccwpck_require__(3944);
;// CONCATENATED MODULE: ./src/inputs/parse.ts















const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
/**
 * Parses and checks every input. Collects all problems and throws one UserError naming each
 * input that is wrong; nothing else has happened yet when it throws. `masked`: the values the
 * action masks in its log, which interpolation refuses as it refuses the job's credentials.
 */
function parseConfig(read, env, run, masked = []) {
    const problems = [];
    const warnings = [];
    const get = (name) => {
        const value = read(name).trim();
        const fallback = INPUTS[name].default;
        return value === '' && fallback !== undefined ? fallback : value;
    };
    const fail = (name, message) => problems.push((0,diagnostics/* error */.z3)(message, { input: name }));
    const mode = oneOf(get('mode'), ['deploy', 'render', 'teardown', 'plan'], 'mode', fail) ?? 'deploy';
    const launchType = oneOf(get('launch-type').toUpperCase(), ['EC2', 'FARGATE'], 'launch-type', fail) ?? 'EC2';
    const previewOn = bool(get('preview'), 'preview', fail);
    const prEvent = (0,pull_request/* isPullRequestEvent */.T5)(run);
    const closing = previewOn && prEvent && run.action === 'closed' && mode === 'deploy';
    const givenText = get('task-definition');
    // With a task definition of their own, the default compose file is read only when it is there
    // (the runner passes an input's default as if it were given).
    const composeDefault = INPUTS['compose-file'].default;
    const composeFiles = givenText !== '' &&
        get('compose-file') === composeDefault &&
        !external_node_fs_.existsSync(external_node_path_.resolve(run.workspace, composeDefault))
        ? []
        : lines(get('compose-file'));
    if (composeFiles.length === 0 && givenText === '')
        fail('compose-file', 'give at least one compose file');
    const given = givenText === '' || mode === 'teardown' || closing
        ? undefined
        : readGivenInput(givenText, mode, run.workspace, fail);
    if (mode !== 'teardown' && !closing) {
        for (const file of composeFiles)
            checkFile(file, 'compose-file', run.workspace, fail);
    }
    const ecsParamsFile = optionalFile(get('ecs-params'), 'ecs-params', run.workspace, fail);
    const envFile = optionalFile(get('env-file'), 'env-file', run.workspace, fail);
    // Tearing down needs only repository names (to remove preview images), not .hart files.
    const packages = readPackages(lines(get('habitat-packages')), run.workspace, mode === 'teardown' || closing, fail);
    const habitatExport = readExportSettings(get, env, fail);
    if (mode === 'deploy' && !closing && packages.length > 0) {
        const engine = (0,export_command/* containerEngineProblem */.rh)(env);
        if (engine)
            problems.push((0,diagnostics/* error */.z3)(engine));
    }
    const region = get('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
    if (mode !== 'render' && region === '') {
        fail('aws-region', 'no region: set aws-region, or AWS_REGION (aws-actions/configure-aws-credentials does)');
    }
    else if (region !== '' && !REGION.test(region)) {
        fail('aws-region', `${JSON.stringify(region)} is not an AWS region name such as us-east-1`);
    }
    const accountId = get('aws-account-id') || undefined;
    if (accountId !== undefined && !ACCOUNT.test(accountId)) {
        fail('aws-account-id', `${JSON.stringify(accountId)} is not a 12-digit AWS account id`);
    }
    const cluster = get('cluster');
    if (!context/* ECS_NAME */.G.test(cluster) && !CLUSTER_ARN.test(cluster)) {
        fail('cluster', `${JSON.stringify(cluster)} is not a cluster name (up to 255 letters, digits, "-", "_") or a cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>)`);
    }
    const service = get('service') || undefined;
    if (service === undefined && mode !== 'render')
        fail('service', `is required when mode is ${mode}`);
    if (service !== undefined && !context/* ECS_NAME */.G.test(service)) {
        fail('service', `${JSON.stringify(service)} is not a service name: up to 255 letters, digits, "-" and "_"`);
    }
    const explicitFamily = get('task-family');
    const family = explicitFamily || service || '';
    if (family === '' && mode === 'render')
        fail('task-family', 'is required when mode is render and no service is given');
    else if (explicitFamily !== '' && !context/* ECS_NAME */.G.test(family)) {
        fail('task-family', `${JSON.stringify(family)} is not a family name: up to 255 letters, digits, "-" and "_"`);
    }
    const pr = (0,pull_request/* readPullRequestRun */.cp)({
        mode,
        service,
        family,
        previewOn,
        allowUntrusted: bool(get('allow-untrusted-pull-requests'), 'allow-untrusted-pull-requests', fail),
        run,
        env,
        fail,
    });
    const { preview, skip } = pr;
    const repository = readRepositorySettings(get, fail);
    const moreTags = readImageTags(get('image-tags'), fail);
    const explicitTag = get('image-tag');
    let imageTag = explicitTag === '' && moreTags[0] !== undefined && !preview
        ? moreTags[0]
        : readImageTag(explicitTag, run, fail, warnings);
    const tagLatest = bool(get('tag-latest'), 'tag-latest', fail);
    if (tagLatest && repository.tagMutability === 'IMMUTABLE') {
        fail('tag-latest', 'cannot be used with image-tag-mutability: IMMUTABLE, where ECR refuses to move "latest" to a new image');
    }
    let extraTags = [...new Set([...moreTags, ...(tagLatest ? ['latest'] : [])])].filter((t) => t !== imageTag);
    if (preview) {
        // Closing the pull request deletes the preview's tag from every repository: it must be
        // the pull request's own, never a tag such as latest that other deploys use.
        const own = (0,pull_request/* previewTag */.jv)(preview.number);
        if (explicitTag !== '' && explicitTag !== own)
            warnings.push(previewTagWarning('image-tag', `image-tag ${JSON.stringify(explicitTag)} is`, own));
        const dropped = [...new Set([...moreTags, ...(tagLatest ? ['latest'] : [])])].filter((t) => t !== own);
        if (dropped.length > 0) {
            const which = tagLatest && moreTags.length === 0 ? 'tag-latest' : 'image-tags';
            const what = `${dropped.map((t) => JSON.stringify(t)).join(', ')} ${dropped.length === 1 ? 'is' : 'are'}`;
            warnings.push(previewTagWarning(which, what, own));
        }
        imageTag = own;
        extraTags = [];
    }
    const githubToken = get('github-token') || undefined;
    const platform = get('runtime-platform') || undefined;
    if (platform !== undefined && !(0,runtime_platform/* architectureOf */.NJ)(platform))
        fail('runtime-platform', `${JSON.stringify(platform)} is not linux/amd64 or linux/arm64`);
    const common = {
        composeFiles,
        ...(ecsParamsFile !== undefined && { ecsParamsFile }),
        ...(envFile !== undefined && { envFile }),
        packages,
        build: bool(get('build'), 'build', fail),
        region,
        ...(accountId !== undefined && { accountId }),
        cluster,
        family: pr.family,
        launchType,
        ...(platform !== undefined && { platform: platform.toLowerCase() }),
        ...(given && { given }),
        imageTag,
        extraTags,
        ...(preview && { preview }),
        removePreviewImages: bool(get('preview-remove-images'), 'preview-remove-images', fail),
        ...(githubToken !== undefined && { githubToken }),
        environment: env,
        // Refused: the job's credentials, and what the action masks (see runner-credentials.ts).
        refuseVariable: credentialGuard({
            environment: env,
            masked,
            allow: readVariableNames(get('allow-interpolation'), fail),
            howToAllow: (name) => `allow it with the input allow-interpolation: ${name}`,
        }),
        root: run.workspace,
        ...(skip !== undefined && { skip }),
        createRepositories: bool(get('create-repositories'), 'create-repositories', fail),
        createService: bool(get('create-service'), 'create-service', fail),
        desiredCount: values_int(get('desired-count'), 'desired-count', 0, 1000, fail),
        verify: bool(get('verify'), 'verify', fail),
        waitForStability: bool(get('wait-for-service-stability'), 'wait-for-service-stability', fail),
        waitTimeoutMinutes: values_int(get('wait-timeout-minutes'), 'wait-timeout-minutes', 1, 360, fail),
        forceNewDeployment: bool(get('force-new-deployment'), 'force-new-deployment', fail),
        rollbackOnFailure: bool(get('rollback-on-failure'), 'rollback-on-failure', fail),
        maxParallel: values_int(get('max-parallel'), 'max-parallel', 1, 16, fail),
        pushVersionTags: bool(get('push-version-tags'), 'push-version-tags', fail),
        reuseReleasedImages: bool(get('reuse-released-images'), 'reuse-released-images', fail),
        repository,
        habitatExport,
        habitat: {
            acceptLicense: bool(get('accept-habitat-license'), 'accept-habitat-license', fail),
            healthChecks: bool(get('supervisor-health-checks'), 'supervisor-health-checks', fail),
        },
        keepRevisions: values_int(get('keep-revisions'), 'keep-revisions', 0, 1000, fail),
        serviceSettings: readServiceSettings(get, launchType, fail),
        runBeforeDeploy: readOneOffTasks(get('run-before-deploy'), fail),
        runTimeoutMs: readRunTimeout(get('run-timeout-minutes'), fail),
        warnings,
    };
    // A deploy or teardown without a service is among the problems.
    if (problems.length === 0 && mode === 'render')
        return { ...common, mode, ...(pr.service && { service: pr.service }) };
    if (problems.length === 0 && mode !== 'render' && pr.service !== undefined)
        return { ...common, mode, service: pr.service };
    throw new diagnostics/* UserError */.yo(problems);
}
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
/** The task-definition input: a registered revision's ARN (read later), or a JSON file, read now. */
function readGivenInput(value, mode, workspace, fail) {
    if (value.startsWith('arn:')) {
        if (!TASK_DEFINITION_ARN.test(value)) {
            fail('task-definition', `${JSON.stringify(value)} is not a task definition revision ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>)`);
            return undefined;
        }
        if (mode === 'render') {
            fail('task-definition', 'a registered revision is read from ECS, and mode render makes no AWS call: give a JSON file');
            return undefined;
        }
        return { source: value };
    }
    let missing = false;
    checkFile(value, 'task-definition', workspace, (name, message) => {
        missing = true;
        fail(name, message);
    });
    if (missing)
        return undefined;
    return { source: value, file: external_node_path_.resolve(workspace, value) };
}
function previewTagWarning(input, what, own) {
    return (0,diagnostics/* warning */.$e)(`${what} not used for a preview: its images are tagged ${own} only, so that closing the pull request deletes its own images and nothing else`, { input });
}
/** Variable names, separated by commas, spaces or lines. */
function readVariableNames(value, fail) {
    const names = value.split(/[\s,]+/).filter((n) => n !== '');
    for (const n of names) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
            fail('allow-interpolation', `${JSON.stringify(n)} is not a variable name`);
    }
    return [...new Set(names)];
}

// EXTERNAL MODULE: ./src/progress.ts
var src_progress = __nccwpck_require__(4660);
// EXTERNAL MODULE: ./src/modes/report.ts
var modes_report = __nccwpck_require__(2084);
;// CONCATENATED MODULE: ./src/action/post-state.ts

/**
 * What the main step leaves for the post step: the docker login to undo. Nothing secret (the
 * registry host and the private config's path), so it can go through the runner's GITHUB_STATE.
 * The one place that names the keys, for both sides.
 */
const KEYS = {
    registry: 'registry',
    dockerConfigDir: 'docker-config',
};
function saveLoginState(state) {
    saveState(KEYS.registry, state.registry);
    saveState(KEYS.dockerConfigDir, state.dockerConfigDir);
}
/** The login the main step recorded; undefined when it never logged in. */
function readLoginState() {
    const registry = runner.getState(KEYS.registry);
    const dockerConfigDir = runner.getState(KEYS.dockerConfigDir);
    return registry && dockerConfigDir ? { registry, dockerConfigDir } : undefined;
}

;// CONCATENATED MODULE: ./src/action/main.ts














/** The action: read inputs, then render, deploy or tear down, and report. */
async function run() {
    const log = actionsLog;
    // The inputs and the run as read once, for the preview comment of a deploy that failed.
    let pending;
    const progress = new src_progress/* Progress */.ke();
    try {
        const runContext = readRunContext(process.env);
        const config = parseConfig((name) => getInput(name), process.env, runContext, maskedValues());
        for (const w of config.warnings)
            log.warning((0,diagnostics/* formatDiagnostic */.xy)(w), w);
        if (config.skip) {
            notice(`Skipped: ${config.skip}`);
            await publish({ ...(0,modes_report/* baseReport */.uZ)(config), state: 'skipped', notes: [config.skip] });
            return;
        }
        // Masked, and refused in interpolation: a token from a step output is not masked by the runner.
        if (config.githubToken)
            log.setSecret(config.githubToken);
        pending = { config, runContext };
        if (config.mode === 'deploy')
            exitOnCancel(config, progress);
        const report = await runMode(config, runContext, log, progress);
        await commentOnPullRequest(config, runContext, await publish(report), log);
    }
    catch (e) {
        // A cancelled run has said what it had to; what its stopped children report is noise.
        if (cancelled)
            return;
        if (e instanceof modes_report/* DeployFailed */.Nr) {
            const markdown = await publish(e.report);
            if (pending)
                await commentOnPullRequest(pending.config, pending.runContext, markdown, log);
            for (const line of e.lines.slice(1))
                info(line);
            setFailed(e.lines[0] ?? e.message);
        }
        else {
            if (e instanceof diagnostics/* UserError */.yo) {
                // One annotation per problem, each on its file and line or naming its input; no stack.
                for (const d of e.diagnostics)
                    error((0,diagnostics/* formatDiagnostic */.xy)(d), annotation(d));
                process.exitCode = 1;
            }
            else {
                const err = e instanceof Error ? e : new Error(String(e));
                debug(err.stack ?? '');
                setFailed((0,errors/* explainAwsFailure */.v)(e) ?? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`);
            }
            // Past the checks, say where it stopped and what state that left.
            if (pending && progress.stage) {
                const lines = [`Failed during ${progress.stage}.`, ...progress.account()];
                for (const line of lines)
                    info(line);
                await publish({
                    ...(0,modes_report/* baseReport */.uZ)(pending.config),
                    state: `failed during ${progress.stage}`,
                    notes: lines,
                });
            }
        }
    }
}
/** The mode's module is loaded once the inputs are good: a run that fails on them never parses the AWS SDK. */
async function runMode(config, run, log, progress) {
    if (config.mode === 'render')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(722), __nccwpck_require__.e(332), __nccwpck_require__.e(310)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5310))).render(config, log);
    if (config.mode === 'plan')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(364), __nccwpck_require__.e(722), __nccwpck_require__.e(332), __nccwpck_require__.e(518), __nccwpck_require__.e(403), __nccwpck_require__.e(410)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3410))).plan(config, log);
    if (config.mode === 'teardown' || config.preview?.closed)
        return (await Promise.all(/* import() */[__nccwpck_require__.e(364), __nccwpck_require__.e(518), __nccwpck_require__.e(838)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4838))).tearDown(config, log);
    const runner = { tempDir: runnerTemp(), saveLoginState: saveLoginState };
    return (await Promise.all(/* import() */[__nccwpck_require__.e(364), __nccwpck_require__.e(722), __nccwpck_require__.e(332), __nccwpck_require__.e(518), __nccwpck_require__.e(403), __nccwpck_require__.e(244)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1244))).deploy(config, run, runner, log, progress);
}
/** Set when the runner cancels the job: from then on only the cancellation speaks. */
let cancelled = false;
/**
 * The runner cancels a job with SIGINT, then SIGTERM, then kills it: stop the children (a docker
 * push, a hab export), say where the deploy stopped and what state that left, and exit in time.
 */
function exitOnCancel(config, progress) {
    const stop = (signal) => {
        if (cancelled)
            return;
        cancelled = true;
        const children = (0,src_process/* stopRunningProcesses */.rr)();
        const where = progress.stage ?? 'the checks before the first stage';
        const lines = [`Cancelled (${signal}) during ${where}.`, ...progress.account()];
        error(lines[0] ?? '');
        if (children > 0)
            info(`Stopped ${children} running process(es).`);
        for (const line of lines.slice(1))
            info(line);
        // Bounded whatever publishing does: the runner's SIGKILL comes a few seconds after SIGTERM.
        setTimeout(() => process.exit(1), 3000).unref();
        void publish({
            ...(0,modes_report/* baseReport */.uZ)(config),
            state: `cancelled during ${where}`,
            notes: lines.slice(1),
        }).finally(() => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}
async function publish(done) {
    // The task definition a mode rendered goes to the file the task-definition-file output names.
    const report = done.taskDefinition
        ? { ...done, taskDefinitionFile: writeTaskDefinition(done.taskDefinition) }
        : done;
    for (const [name, value] of Object.entries((0,modes_report/* outputsOf */.Yz)(report)))
        setOutput(name, value);
    const markdown = (0,modes_report/* summaryMarkdown */.eH)(report);
    appendSummary(markdown);
    return markdown;
}
/**
 * With a token, a preview's state, or a plan made on a pull request event, goes to one comment
 * on the pull request: the same comment for both, one per service.
 */
async function commentOnPullRequest(config, run, markdown, log) {
    const number = config.preview?.number ??
        (config.mode === 'plan' && (0,pull_request/* isPullRequestEvent */.T5)(run) ? run.pullRequest : undefined);
    if (!config.githubToken || number === undefined || !run.repository)
        return;
    const service = config.preview?.baseService ?? config.service ?? '';
    const marker = `<!-- habitat-ecs-deploy:preview:${service} -->`;
    const { upsertComment } = await Promise.all(/* import() */[__nccwpck_require__.e(413), __nccwpck_require__.e(347)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6347));
    await upsertComment({ token: config.githubToken, repository: run.repository, number, marker }, markdown, log);
}
/** Writes the task definition where the task-definition-file output points; returns the path. */
function writeTaskDefinition(td) {
    const dir = external_node_path_.join(runnerTemp(), 'habitat-ecs-deploy');
    external_node_fs_.mkdirSync(dir, { recursive: true });
    const file = external_node_path_.join(dir, `${td.family}.task-definition.json`);
    external_node_fs_.writeFileSync(file, `${JSON.stringify(td, null, 2)}\n`);
    return file;
}

;// CONCATENATED MODULE: ./src/index.ts

void run();

module.exports = __webpack_exports__;
/******/ })()
;