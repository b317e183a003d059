"use strict";
exports.id = 464;
exports.ids = [464];
exports.modules = {

/***/ 5464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GetPolicyCommand: () => (/* reexport */ GetPolicyCommand),
  GetPolicyVersionCommand: () => (/* reexport */ GetPolicyVersionCommand),
  GetRolePolicyCommand: () => (/* reexport */ GetRolePolicyCommand),
  IAMClient: () => (/* reexport */ IAMClient/* IAMClient */.h),
  ListAttachedRolePoliciesCommand: () => (/* reexport */ ListAttachedRolePoliciesCommand),
  ListRolePoliciesCommand: () => (/* reexport */ ListRolePoliciesCommand)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/IAMClient.js + 8 modules
var IAMClient = __webpack_require__(8300);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(3924);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(135);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commands/ListAttachedRolePoliciesCommand.js


class ListAttachedRolePoliciesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListAttachedRolePolicies", schemas_0/* ListAttachedRolePolicies$ */.JWy) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commands/GetPolicyCommand.js


class GetPolicyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetPolicy", schemas_0/* GetPolicy$ */.BFj) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commands/GetPolicyVersionCommand.js


class GetPolicyVersionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetPolicyVersion", schemas_0/* GetPolicyVersion$ */.tYe) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commands/ListRolePoliciesCommand.js


class ListRolePoliciesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListRolePolicies", schemas_0/* ListRolePolicies$ */.rBP) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commands/GetRolePolicyCommand.js


class GetRolePolicyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetRolePolicy", schemas_0/* GetRolePolicy$ */.bee) {
}

;// CONCATENATED MODULE: ./src/aws/sdk/iam-policies.ts
// What verify reads of a role's own policies, from the SDK's ES modules (why: es-modules.d.ts).








/***/ })

};
;