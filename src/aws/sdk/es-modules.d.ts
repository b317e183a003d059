// The load balancer check and the one-off tasks' logs load their SDK clients from the ES module
// files (dist-es) instead of each package's main: ncc bundles a main whole, every call of the
// service, while from ES modules it keeps only the calls imported. Those files carry no types;
// these give every file under dist-es the main's, which exports the same classes (a pattern, so
// that other modules may declare single files of the same packages). jest, which runs CommonJS,
// maps the paths to the main (jest.config.js).

declare module '@aws-sdk/client-elastic-load-balancing-v2/dist-es/*' {
  export * from '@aws-sdk/client-elastic-load-balancing-v2';
}
declare module '@aws-sdk/client-cloudwatch-logs/dist-es/*' {
  export * from '@aws-sdk/client-cloudwatch-logs';
}
