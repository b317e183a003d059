/** Names of the state the main step saves for the post step (docker logout, private config removal). */
export const STATE_REGISTRY = 'registry';
export const STATE_DOCKER_CONFIG = 'docker-config';
