"use strict";
exports.id = 896;
exports.ids = [896];
exports.modules = {

/***/ 8896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DescribeRouteTablesCommand: () => (/* reexport safe */ _aws_sdk_client_ec2_dist_es_commands_DescribeRouteTablesCommand__WEBPACK_IMPORTED_MODULE_3__.V),
/* harmony export */   DescribeSecurityGroupsCommand: () => (/* reexport safe */ _aws_sdk_client_ec2_dist_es_commands_DescribeSecurityGroupsCommand__WEBPACK_IMPORTED_MODULE_2__.j),
/* harmony export */   DescribeSubnetsCommand: () => (/* reexport safe */ _aws_sdk_client_ec2_dist_es_commands_DescribeSubnetsCommand__WEBPACK_IMPORTED_MODULE_1__.j),
/* harmony export */   EC2Client: () => (/* reexport safe */ _aws_sdk_client_ec2_dist_es_EC2Client__WEBPACK_IMPORTED_MODULE_0__.g)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2_dist_es_EC2Client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4601);
/* harmony import */ var _aws_sdk_client_ec2_dist_es_commands_DescribeSubnetsCommand__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8406);
/* harmony import */ var _aws_sdk_client_ec2_dist_es_commands_DescribeSecurityGroupsCommand__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8988);
/* harmony import */ var _aws_sdk_client_ec2_dist_es_commands_DescribeRouteTablesCommand__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6790);
// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).






/***/ })

};
;