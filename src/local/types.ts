import type { Diagnostic } from '../diagnostics';

/** The network modes a task can run in locally (ECS's `nat` is Windows-only). */
export type NetworkMode = 'bridge' | 'awsvpc' | 'host' | 'none';

type Condition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

export interface Dependency {
  container: string;
  condition: Condition;
  /** Set when ECS implies the order (a link or volumesFrom) rather than dependsOn naming it. */
  implied?: 'link' | 'volumesFrom';
}

/** A port the task publishes, as `docker run -p` takes it. */
export interface PortPlan {
  containerPort: number;
  /** undefined: a free host port, chosen by the engine (ECS's dynamic host ports). */
  hostPort?: number;
  protocol: 'tcp' | 'udp';
}

/** One container of the task as `docker run` will start it. */
export interface ContainerPlan {
  /** The ECS container name. */
  name: string;
  /** The Docker container name: `<task>-<name>`. */
  dockerName: string;
  image: string;
  essential: boolean;
  hasHealthCheck: boolean;
  dependsOn: Dependency[];
  /** `docker run` options before the image (labels, limits, mounts, network, ...). */
  options: string[];
  /** What follows the image: the rest of entryPoint, then command. */
  args: string[];
  /**
   * Linked containers whose address goes into this container's /etc/hosts under these names, as
   * Docker's legacy links write it on ECS's bridge network (the link alias and the target's hostname).
   */
  hosts: { container: string; names: string[] }[];
  /** Secret values, handed to `docker run -e NAME` through its environment, never its argv. */
  secrets: Record<string, string>;
  /** What the container publishes (in awsvpc, through the pause container). */
  ports: PortPlan[];
}

/** A task definition turned into what the local engine runs, before anything has run. */
export interface TaskPlan {
  task: string;
  family: string;
  networkMode: NetworkMode;
  /** The task's own user-defined network (bridge and awsvpc), named after the task. */
  network?: string;
  /** The network is the services layout project's, made and removed with the project, not the task. */
  joined?: boolean;
  /** awsvpc: the container that owns the task's network namespace and publishes its ports. */
  pause?: { dockerName: string; image: string; options: string[] };
  /** Volumes `up` creates (task-scoped), or creates if missing and keeps (shared). */
  volumes: { dockerName: string; shared: boolean; options: string[] }[];
  /** In task definition order; `up` starts each one when its dependencies allow. */
  containers: ContainerPlan[];
  warnings: Diagnostic[];
}

/** Labels on everything `up` creates: `down` and `ps` find the task by them, and nothing else. */
export const LABEL = {
  task: 'habitat-ecs.task',
  container: 'habitat-ecs.container',
  essential: 'habitat-ecs.essential',
  order: 'habitat-ecs.order',
  networkMode: 'habitat-ecs.network-mode',
  ports: 'habitat-ecs.ports',
  role: 'habitat-ecs.role',
  /** The services layout: every task of a project's services, and the network they share. */
  project: 'habitat-ecs.project',
} as const;
