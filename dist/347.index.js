"use strict";
exports.id = 347;
exports.ids = [347];
exports.modules = {

/***/ 6347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);

/** At most this many pages of 100 comments are searched for ours: the loop is bounded. */
const MAX_PAGES = 10;
/**
 * Posts one comment on the pull request, or updates the one posted before, so a preview keeps a
 * single comment however many pushes it sees. Ours is the comment that carries the marker AND
 * was written by the token's own account: anyone can paste the marker into a comment of theirs,
 * and the action must not take that one over. The API is GITHUB_API_URL's (GitHub Enterprise
 * included). A failure to comment is a warning: the deploy itself happened.
 */
async function upsertComment(target, body, log) {
    const [owner, repo] = target.repository.split('/');
    if (!owner || !repo) {
        log.warning(`cannot comment: "${target.repository}" is not owner/repo`);
        return;
    }
    const text = `${target.marker}\n${body}`;
    try {
        const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(target.token);
        const self = await tokenLogin(octokit);
        let existing;
        for (let page = 1; page <= MAX_PAGES && existing === undefined; page++) {
            const { data } = await octokit.rest.issues.listComments({
                owner,
                repo,
                issue_number: target.number,
                per_page: 100,
                page,
            });
            existing = data.find((c) => c.user?.login === self && c.body?.includes(target.marker))?.id;
            if (data.length < 100)
                break;
        }
        if (existing === undefined) {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: target.number, body: text });
            log.info(`Commented on pull request #${target.number}`);
        }
        else {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body: text });
            log.info(`Updated the comment on pull request #${target.number}`);
        }
    }
    catch (e) {
        const status = e.status;
        const hint = status === 403 || status === 404 ? ' (does the token have pull-requests: write?)' : '';
        log.warning(`could not comment on pull request #${target.number}: ${e instanceof Error ? e.message : String(e)}${hint}`);
    }
}
/**
 * The login the token comments as, as the REST API names comment authors: a user's login for a
 * personal token, `<app>[bot]` for a GitHub App's installation token (GITHUB_TOKEN is one, of
 * the app `github-actions`). REST `GET /user` refuses installation tokens; GraphQL's `viewer`
 * answers for both kinds.
 */
async function tokenLogin(octokit) {
    const answer = await octokit.graphql('query { viewer { login } }');
    const login = answer.viewer?.login;
    if (typeof login !== 'string' || login === '')
        throw new Error('GitHub did not say which account the token belongs to (GraphQL viewer)');
    return login;
}


/***/ })

};
;