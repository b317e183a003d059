// What the services layout calls of Cloud Map, from the SDK's ES modules (why: es-modules.d.ts).
export { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery/dist-es/ServiceDiscoveryClient';
export { CreatePrivateDnsNamespaceCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/CreatePrivateDnsNamespaceCommand';
export { CreateServiceCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/CreateServiceCommand';
export { DeleteNamespaceCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/DeleteNamespaceCommand';
export { DeleteServiceCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/DeleteServiceCommand';
export { GetOperationCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/GetOperationCommand';
export { ListNamespacesCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/ListNamespacesCommand';
export { ListServicesCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/ListServicesCommand';
export { ListTagsForResourceCommand } from '@aws-sdk/client-servicediscovery/dist-es/commands/ListTagsForResourceCommand';
