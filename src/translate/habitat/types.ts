/** The `x-habitat` extension of a compose service. Every field optional. */
export interface HabitatExtension {
  /** Package ident (`origin/name[/version[/release]]`) or a path to a .hart file. */
  package?: string;
  /** Supervisor service group; default `default`. */
  group?: string;
  /** Add a container health check from the Supervisor's HTTP API. */
  healthCheck?: boolean;
  /** Supervisor ports for this container (used when containers share a network namespace). */
  ports?: { gossip?: number; http?: number; ctl?: number };
}

/** A compose service that runs a Habitat package, as the plan decided. */
export interface HabitatService {
  /** ECR repository of the package's image: `origin/name`, lower case. */
  repository: string;
  /** The package name as written (case kept): the Supervisor's service is named after it. */
  packageName: string;
  /** The image reference the container must use (predicted `uri:tag`, or pushed `uri@sha256:...`). */
  image: string;
  extension?: HabitatExtension;
}

export interface HabitatOptions {
  /** Add HAB_LICENSE=accept-no-persist to Habitat containers that do not set HAB_LICENSE. */
  acceptLicense: boolean;
  /** Add Supervisor health checks to every Habitat container (x-habitat can still turn one off). */
  healthChecks: boolean;
}
