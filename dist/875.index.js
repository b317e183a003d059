"use strict";
exports.id = 875;
exports.ids = [875];
exports.modules = {

/***/ 2875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DescribeListenersCommand: () => (/* reexport safe */ _aws_sdk_client_elastic_load_balancing_v2_dist_es_commands_DescribeListenersCommand__WEBPACK_IMPORTED_MODULE_3__.A),
/* harmony export */   DescribeRulesCommand: () => (/* reexport safe */ _aws_sdk_client_elastic_load_balancing_v2_dist_es_commands_DescribeRulesCommand__WEBPACK_IMPORTED_MODULE_2__.G),
/* harmony export */   DescribeTargetGroupsCommand: () => (/* reexport safe */ _aws_sdk_client_elastic_load_balancing_v2_dist_es_commands_DescribeTargetGroupsCommand__WEBPACK_IMPORTED_MODULE_1__.s),
/* harmony export */   ElasticLoadBalancingV2Client: () => (/* reexport safe */ _aws_sdk_client_elastic_load_balancing_v2_dist_es_ElasticLoadBalancingV2Client__WEBPACK_IMPORTED_MODULE_0__.M)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2_dist_es_ElasticLoadBalancingV2Client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4677);
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2_dist_es_commands_DescribeTargetGroupsCommand__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8358);
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2_dist_es_commands_DescribeRulesCommand__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7406);
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2_dist_es_commands_DescribeListenersCommand__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2672);
// What the load balancer checks (target groups; a deployment strategy's listener rules) call, from the SDK's ES modules (why: es-modules.d.ts).






/***/ })

};
;