/**
 * What each mode does once the inputs are read: render the task definition, deploy, or tear
 * down. Loaded by main.ts only then, with the AWS SDK it needs.
 */
import * as core from '@actions/core';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { awsClients } from './aws';
import { error, formatDiagnostic, UserError, type Diagnostic } from './diagnostics';
import { diffTaskDefinitions } from './deploy/diff';
import { registerTaskDefinition, pruneRevisions } from './deploy/register';
import { rollBack } from './deploy/rollback';
import { checkService, deployService } from './deploy/service';
import { verifyDeployment, verifyTargetOf } from './deploy/verify';
import { teardown } from './deploy/teardown';
import { explainFailure, waitForDeployment } from './deploy/wait';
import type { RunContext } from './github-context';
import { exportPackages, type ExportedImage } from './habitat/export';
import type { PackageSource } from './translate/habitat/types';
import type { Config } from './inputs';
import type { InputName } from './inputs-spec';
import type { Log } from './log';
import { ecrRegistry } from './translate/plan';
import { deleteImageTag, ensureRepositories } from './registry/ecr';
import { repositoryOf } from './translate/habitat/package-source';
import { authorizeRegistry, dockerLogin, newDockerConfigDir, type RegistryLogin } from './registry/login';
import { pipeline } from './registry/parallel';
import { pushImages, type PushedImage } from './registry/push';
import { releasedPackage, reuseReleasedImages } from './registry/reuse';
import { imageTags } from './registry/tags';
import { validateImagePlan } from './registry/validate';
import { renderProject, type RenderResult } from './translate/project';
import { EXPORT_AND_PUSH, shortArn, type Progress } from './progress';
import { baseReport, DeployFailed, type RunReport } from './report';
import { STATE_DOCKER_CONFIG, STATE_REGISTRY } from './state';

export function renderOnly(config: Config, runContext: RunContext, log: Log): RunReport {
  const registry =
    config.accountId && config.region ? ecrRegistry(config.accountId, config.region) : undefined;
  const result = render(config, runContext, registry ?? ecrRegistry('000000000000', 'us-east-1'), log);
  if (!registry && result.habitatServices.size > 0) {
    const missing: InputName = config.accountId ? 'aws-region' : 'aws-account-id';
    throw new UserError(
      error(`is needed to name the ECR images of the Habitat packages in render mode`, { input: missing }),
    );
  }
  return {
    ...baseReport(config),
    taskDefinition: result.rendered.taskDefinition,
    taskDefinitionFile: writeTaskDefinition(config, result.rendered.taskDefinition, runContext),
    notes: ['Render mode: nothing was exported, pushed, registered or deployed.'],
  };
}

function render(
  config: Config,
  runContext: RunContext,
  registry: string,
  log: Log,
  images?: ReadonlyMap<string, string>,
): RenderResult {
  const result = renderProject({
    files: config.composeFiles,
    // Files the compose files name (env_file, extends, .env) must stay in the workspace too.
    root: runContext.workspace,
    ...(config.envFile !== undefined && { envFile: config.envFile }),
    ...(config.ecsParamsFile !== undefined && { ecsParamsFile: config.ecsParamsFile }),
    launchType: config.launchType,
    family: config.family,
    packages: config.packages,
    registry,
    imageTag: config.imageTag,
    habitat: config.habitat,
    environment: process.env,
    ...(images && { images }),
  });
  if (!images) for (const w of result.rendered.warnings) log.warning(formatDiagnostic(w), w);
  return result;
}

export async function deploy(
  config: Config,
  runContext: RunContext,
  actionLog: Log,
  progress: Progress,
): Promise<RunReport> {
  const log = progress.tracking(actionLog);
  const service = config.service ?? '';
  const work = path.join(
    process.env.RUNNER_TEMP ?? fs.mkdtempSync('/tmp/habitat-ecs-'),
    'habitat-ecs-deploy',
  );

  // Until a login names the real registry, image names use the account asked for (or a stand-in).
  const plannedRegistry = ecrRegistry(config.accountId ?? '000000000000', config.region);
  // Everything checkable is checked before the first side effect: compose, ecs-params, packages, tags.
  const planned = render(config, runContext, plannedRegistry, log);
  const packages = planned.packages;
  const problems: Diagnostic[] = validateImagePlan({
    packages: packages.map((source) => ({ source, input: 'habitat-packages' })),
    tags: [config.imageTag],
    tagsInput: 'image-tag',
    workspace: runContext.workspace,
    fileExists: (f) => fs.existsSync(path.resolve(runContext.workspace, f)),
  });
  if (problems.length > 0) throw new UserError(problems);
  if (config.verify) {
    const where = { region: config.region, cluster: config.cluster, launchType: config.launchType, service };
    await actionLog.group('Verify', () =>
      verifyDeployment(verifyTargetOf(planned, where), { log: actionLog }),
    );
  }

  const { ecr, ecs } = awsClients(config.region);

  // Before the first side effect: the cluster exists, and the service can be updated or created.
  const checked = await checkService(ecs, {
    cluster: config.cluster,
    service,
    canCreate: config.createService,
  });
  progress.serviceBefore = checked?.taskDefinition;

  // Each registry step happens once, and only when needed: the token before the first registry
  // read; a repository and the docker login before the first push. A rerun that finds every
  // image in the registry makes neither.
  const authorize = once(async () => {
    const auth = await authorizeRegistry(ecr, log);
    checkAccount(config, auth.registry);
    return auth;
  });
  const loggedIn = once(async () => {
    const auth = await authorize();
    const dockerConfigDir = newDockerConfigDir();
    // Saved first: the post step removes the config even if this step dies during the login.
    core.saveState(STATE_REGISTRY, auth.registry);
    core.saveState(STATE_DOCKER_CONFIG, dockerConfigDir);
    return dockerLogin(auth, { dockerConfigDir, log });
  });
  const repositories = new Map<string, Promise<unknown>>();
  const prepare = async (repository: string): Promise<RegistryLogin> => {
    if (config.createRepositories && !repositories.has(repository))
      repositories.set(repository, ensureRepositories(ecr, [repository], config.repository, log));
    await repositories.get(repository);
    return loggedIn();
  };
  // The same tags for an exported image and a reused one: the run's tags, plus the version tags.
  const tagsFor = (image: Pick<ExportedImage, 'tags' | 'version' | 'release'>): string[] => [
    ...new Set([
      config.imageTag,
      ...config.extraTags,
      ...imageTags(image, { version: config.pushVersionTags, versionRelease: config.pushVersionTags }),
    ]),
  ];

  let reused: PushedImage[] = [];
  let toExport: readonly PackageSource[] = packages;
  if (config.reuseReleasedImages && packages.some((p) => releasedPackage(p) !== undefined)) {
    ({ reused, toExport } = await log.group('Reuse', async () =>
      reuseReleasedImages(packages, {
        login: await authorize(),
        tags: tagsFor,
        maxParallel: config.maxParallel,
        log,
      }),
    ));
    if (reused.length > 0) progress.record(`${reused.length} released image(s) found in the registry`);
  }

  // Each image pushes as soon as it is exported, while the next one exports.
  const pushed =
    toExport.length === 0
      ? []
      : await log.group(EXPORT_AND_PUSH, () =>
          pipeline<ExportedImage, PushedImage>(
            (emit) =>
              exportPackages(toExport, {
                workDir: path.join(work, 'export'),
                log,
                workspace: runContext.workspace,
                onExported: emit,
              }).then(() => undefined),
            config.maxParallel,
            async (image) => {
              const [one] = await pushImages([image], {
                login: await authorize(),
                prepare,
                tags: tagsFor,
                maxParallel: 1,
                log,
              });
              if (!one) throw new Error(`no push result for ${image.repository}`);
              return one;
            },
          ),
        );
  if (pushed.length > 0) progress.record(`${pushed.length} package(s) exported`);
  const images = new Map<string, string>();
  // In the order of the packages, whichever way each image came.
  const all = [...reused, ...pushed].sort(
    (a, b) => order(packages, a.repository) - order(packages, b.repository),
  );
  for (const p of all) images.set(p.repository, p.reference);
  const pushedCount = pushed.filter((p) => p.pushed).length;
  if (pushedCount > 0) progress.record(`${pushedCount} image(s) pushed`);
  const pushes: RunReport['pushes'] = all.map((p) => ({
    repository: p.repository,
    reference: p.reference,
    pushed: p.pushed,
  }));

  // The service is only touched once every image is pushed; the task definition pins digests.
  const registry = all.length > 0 ? (await authorize()).registry : plannedRegistry;
  const final = render(config, runContext, registry, log, images);
  const taskDefinition = final.rendered.taskDefinition;
  const report: RunReport = {
    ...baseReport(config),
    taskDefinition,
    taskDefinitionFile: writeTaskDefinition(config, taskDefinition, runContext),
    images: Object.fromEntries([...final.habitatServices].map(([name, s]) => [name, s.image])),
    pushes,
    changed: pushes.some((p) => p.pushed),
    notes: deployNotes(config, runContext),
    // The same array, filled in as the later stages finish.
    timings: progress.timings,
  };

  const registered = await log.group('Register', () =>
    registerTaskDefinition(ecs, taskDefinition, {
      tags: runTags(runContext),
      ...(checked?.taskDefinition && { running: checked.taskDefinition }),
      log,
    }),
  );
  report.taskDefinitionArn = registered.arn;
  report.registered = registered.changed;
  if (registered.changed) progress.record(`${shortArn(registered.arn)} registered`);
  report.diff = diffTaskDefinitions(registered.previous?.taskDefinition, taskDefinition);
  report.changed ||= registered.changed;

  const since = new Date();
  const network = final.rendered.runParams.networkConfiguration?.awsvpcConfiguration;
  const deployment = await log.group('Deploy', () =>
    deployService(ecs, {
      cluster: config.cluster,
      service,
      taskDefinitionArn: registered.arn,
      forceNewDeployment: config.forceNewDeployment,
      // What was checked still holds unless this run took time to register (or push) something.
      ...(!report.changed && { checked: { service: checked } }),
      ...(config.createService && {
        create: {
          launchType: config.launchType,
          desiredCount: config.desiredCount,
          ...(network?.subnets && {
            network: {
              subnets: network.subnets,
              ...(network.securityGroups && { securityGroups: network.securityGroups }),
              ...(network.assignPublicIp && { assignPublicIp: network.assignPublicIp === 'ENABLED' }),
            },
          }),
          tags: runTags(runContext),
        },
      }),
      log,
    }),
  );
  report.serviceArn = deployment.serviceArn;
  report.changed ||= deployment.created || deployment.updated;
  if (deployment.created || deployment.updated) {
    report.deploymentId = deployment.deploymentId;
    progress.serviceNow = registered.arn;
  }

  if (!deployment.created && !deployment.updated) {
    report.state = `unchanged: the service already runs ${shortArn(registered.arn)}`;
    return report;
  }
  if (!config.waitForStability) {
    report.state = `${deployment.created ? 'created' : 'updated'}; not waited for (wait-for-service-stability is false)`;
    return report;
  }

  const timeoutMs = config.waitTimeoutMinutes * 60_000;
  const waited = await log.group('Wait', () =>
    waitForDeployment(ecs, {
      cluster: config.cluster,
      service,
      deploymentId: deployment.deploymentId,
      taskDefinitionArn: registered.arn,
      since,
      timeoutMs,
      log,
    }),
  );
  if (waited.outcome === 'stable') {
    report.state = `${deployment.created ? 'created' : 'updated'} and stable on ${shortArn(registered.arn)}`;
    if (config.keepRevisions > 0) {
      await pruneRevisions(ecs, {
        family: config.family,
        keep: config.keepRevisions,
        protect: [registered.arn],
        log,
      });
    }
    return report;
  }

  const lines = explainFailure(waited);
  if (config.rollbackOnFailure) {
    const rollback = await log.group('Rollback', () =>
      rollBack(ecs, {
        cluster: config.cluster,
        service,
        failedTaskDefinition: registered.arn,
        ...(deployment.previousTaskDefinition && {
          previousTaskDefinition: deployment.previousTaskDefinition,
        }),
        created: deployment.created,
        timeoutMs,
        log,
      }),
    );
    lines.push(`Rollback: ${rollback.detail}`);
    report.state = `${waited.outcome}; rollback: ${rollback.detail}`;
  } else {
    lines.push('Rollback: not attempted (rollback-on-failure is false)');
    report.state = `${waited.outcome}; not rolled back`;
  }
  throw new DeployFailed(lines, report);
}

export async function tearDown(config: Config, log: Log): Promise<RunReport> {
  const { ecr, ecs } = awsClients(config.region);
  const service = config.service ?? '';
  const result = await log.group('Teardown', () =>
    teardown(ecs, {
      cluster: config.cluster,
      service,
      family: config.family,
      timeoutMs: config.waitTimeoutMinutes * 60_000,
      log,
    }),
  );
  const state = [
    result.deleted ? `service ${service} deleted` : `service ${service} did not exist`,
    `${result.deregistered.length} task definition revision(s) deregistered`,
  ];
  if (config.preview && config.removePreviewImages) {
    const repositories = config.packages.map(repositoryOf);
    const removed = await log.group('Remove preview images', () =>
      deleteImageTag(ecr, repositories, config.imageTag, log),
    );
    state.push(`${removed.length} ${config.imageTag} image(s) deleted`);
  } else if (config.preview) {
    state.push(`${config.imageTag} images kept (preview-remove-images is false)`);
  }
  return {
    ...baseReport(config),
    mode: 'teardown',
    changed: result.deleted || result.deregistered.length > 0,
    state: state.join('; '),
    ...(config.preview && { notes: [`Preview of pull request #${config.preview.number} removed.`] }),
  };
}

/** The account of the registry the credentials reach must be the one asked for. */
function checkAccount(config: Config, registry: string): void {
  const account = registry.split('.')[0];
  if (config.accountId && account !== config.accountId) {
    throw new UserError(
      error(
        `the AWS credentials reach the ECR registry of account ${account ?? '?'}, not ${config.accountId}: fix aws-account-id or the credentials`,
        { input: 'aws-account-id' },
      ),
    );
  }
}

function runTags(run: RunContext): Record<string, string> {
  return {
    'habitat-ecs-deploy:commit': run.sha,
    'habitat-ecs-deploy:ref': run.ref,
    ...(run.runUrl && { 'habitat-ecs-deploy:run': run.runUrl }),
  };
}

function writeTaskDefinition(
  config: Config,
  td: RegisterTaskDefinitionCommandInput,
  run: RunContext,
): string {
  const dir = path.join(process.env.RUNNER_TEMP ?? run.workspace, 'habitat-ecs-deploy');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${config.family}.task-definition.json`);
  fs.writeFileSync(file, `${JSON.stringify(td, null, 2)}\n`);
  return file;
}

/** Where a repository's package is in the list, for reporting in the user's order. */
function order(packages: readonly PackageSource[], repository: string): number {
  return packages.findIndex((p) => repositoryOf(p) === repository);
}

/** A lazy value computed at most once; callers share the one promise. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

function deployNotes(config: Config, run: RunContext): string[] {
  const tags = [config.imageTag, ...config.extraTags].map((t) => `\`${t}\``).join(', ');
  if (config.preview) {
    return [
      `Preview of pull request #${config.preview.number}: service \`${config.service ?? ''}\`, images tagged ${tags}.`,
    ];
  }
  if (run.ref.startsWith('refs/tags/'))
    return [`Release ${run.ref.slice('refs/tags/'.length)}: images pushed as ${tags}.`];
  return [];
}
