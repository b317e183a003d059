import { awsClientOptions, withCallContext } from '../aws/clients';

type Options = ReturnType<typeof awsClientOptions> & { endpoint?: string };

/**
 * The clients of one verification, made on first use, one per service and region, with the run's
 * client settings. The check modules import their SDK only when they have something to check, so
 * a task without roles or secrets never loads the IAM or SSM code.
 */
export class VerifyClients {
  private readonly made = new Map<string, unknown>();

  /** `options` makes the settings of a region's clients; tests point them at a stand-in endpoint. */
  constructor(private readonly options: (region: string) => Options = awsClientOptions) {}

  get<C extends { middlewareStack: { add: (...args: never[]) => unknown } }>(
    service: string,
    region: string,
    make: (options: Options) => C,
  ): C {
    const key = `${service} ${region}`;
    let client = this.made.get(key) as C | undefined;
    if (!client) {
      client = withCallContext(make(this.options(region)));
      this.made.set(key, client);
    }
    return client;
  }
}
