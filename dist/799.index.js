"use strict";
exports.id = 799;
exports.ids = [799];
exports.modules = {

/***/ 799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GetRoleCommand: () => (/* reexport */ GetRoleCommand),
  IAMClient: () => (/* reexport */ IAMClient/* IAMClient */.h)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/IAMClient.js + 8 modules
var IAMClient = __webpack_require__(8300);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(3924);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(135);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-iam/dist-es/commands/GetRoleCommand.js


class GetRoleCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetRole", schemas_0/* GetRole$ */.pW4) {
}

;// CONCATENATED MODULE: ./src/aws/sdk/iam.ts
// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).




/***/ })

};
;