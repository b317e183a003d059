// Verify, the load balancer check and the one-off tasks' logs load their SDK clients from the ES
// module files (dist-es) instead of each package's main: ncc bundles a main as is, one CommonJS
// file with every call of the service (EC2's is 2 MB, 1 MB minified), while from ES modules it
// keeps only the calls imported, and a chunk is tens of KB. Those files carry no types of their
// own; these give every file under dist-es the main's, which exports the same classes. jest, which
// runs CommonJS, maps the paths to the main (jest.config.js).

declare module '@aws-sdk/client-application-auto-scaling/dist-es/*' {
  export * from '@aws-sdk/client-application-auto-scaling';
}
declare module '@aws-sdk/client-cloudwatch/dist-es/*' {
  export * from '@aws-sdk/client-cloudwatch';
}
declare module '@aws-sdk/client-cloudwatch-logs/dist-es/*' {
  export * from '@aws-sdk/client-cloudwatch-logs';
}
declare module '@aws-sdk/client-ec2/dist-es/*' {
  export * from '@aws-sdk/client-ec2';
}
declare module '@aws-sdk/client-efs/dist-es/*' {
  export * from '@aws-sdk/client-efs';
}
declare module '@aws-sdk/client-elastic-load-balancing-v2/dist-es/*' {
  export * from '@aws-sdk/client-elastic-load-balancing-v2';
}
declare module '@aws-sdk/client-iam/dist-es/*' {
  export * from '@aws-sdk/client-iam';
}
declare module '@aws-sdk/client-lambda/dist-es/*' {
  export * from '@aws-sdk/client-lambda';
}
declare module '@aws-sdk/client-s3/dist-es/*' {
  export * from '@aws-sdk/client-s3';
}
declare module '@aws-sdk/client-secrets-manager/dist-es/*' {
  export * from '@aws-sdk/client-secrets-manager';
}
declare module '@aws-sdk/client-ssm/dist-es/*' {
  export * from '@aws-sdk/client-ssm';
}
declare module '@aws-sdk/client-sts/dist-es/*' {
  export * from '@aws-sdk/client-sts';
}
declare module '@aws-sdk/client-servicediscovery/dist-es/*' {
  export * from '@aws-sdk/client-servicediscovery';
}
