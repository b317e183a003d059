/** The absolute path of a Node binary of the major version action.yml runs on; throws saying how to get one. */
export function actionNode(): string;
