/** The absolute path of a Node binary of the major version action.yml runs on; throws saying how to get one. */
export function actionNode(): string;
/** The major version of Node that action.yml runs the action on (`runs.using: node24` -> "24"). */
export function actionNodeMajor(): string;
