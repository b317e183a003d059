import type { RegisterTaskDefinitionCommandInput, ServiceConnectConfiguration } from '@aws-sdk/client-ecs';

/** One compose service of the services layout: its own task definition and ECS service. */
export interface ServiceUnit {
  /** The compose service. */
  name: string;
  taskDefinition: RegisterTaskDefinitionCommandInput;
  /** `deploy.replicas` (or `scale`): the desired count on create; undefined: the desired-count input. */
  replicas?: number;
  /** The compose services this one needs deployed and stable first: depends_on, links, --peer. */
  after: string[];
  /** Its Cloud Map service: `<discovery>.<namespace>` resolves to its tasks. */
  discovery: string;
  /** Service Connect: its TCP ports by compose name for the others, and theirs for it; unset: none. */
  serviceConnect?: ServiceConnectConfiguration;
}

/** What the services layout made of a project. */
export interface ServicesTranslation {
  /** The Cloud Map private DNS namespace the services are found in. */
  namespace: string;
  /** In rollout order: every unit after the ones it needs. */
  units: ServiceUnit[];
}

/** The ECS service of a compose service in the services layout: `<service input>-<compose service>`. */
export function serviceNameOf(prefix: string, compose: string): string {
  return `${prefix}-${compose}`;
}
