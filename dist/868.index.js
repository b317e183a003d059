"use strict";
exports.id = 868;
exports.ids = [868];
exports.modules = {

/***/ 5868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CloudWatchLogsClient: () => (/* reexport */ CloudWatchLogsClient/* CloudWatchLogsClient */.T),
  DescribeLogGroupsCommand: () => (/* reexport */ DescribeLogGroupsCommand)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-es/CloudWatchLogsClient.js + 8 modules
var CloudWatchLogsClient = __webpack_require__(2900);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(1851);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(5482);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-es/commands/DescribeLogGroupsCommand.js


class DescribeLogGroupsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeLogGroups", schemas_0/* DescribeLogGroups$ */.aTt) {
}

;// CONCATENATED MODULE: ./src/aws/sdk/log-groups.ts
// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).




/***/ })

};
;