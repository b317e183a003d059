"use strict";
exports.id = 690;
exports.ids = [690];
exports.modules = {

/***/ 4690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DescribeAccessPointsCommand: () => (/* reexport safe */ _aws_sdk_client_efs_dist_es_commands_DescribeAccessPointsCommand__WEBPACK_IMPORTED_MODULE_2__.q),
/* harmony export */   DescribeFileSystemsCommand: () => (/* reexport safe */ _aws_sdk_client_efs_dist_es_commands_DescribeFileSystemsCommand__WEBPACK_IMPORTED_MODULE_1__.X),
/* harmony export */   DescribeMountTargetSecurityGroupsCommand: () => (/* reexport safe */ _aws_sdk_client_efs_dist_es_commands_DescribeMountTargetSecurityGroupsCommand__WEBPACK_IMPORTED_MODULE_4__.P),
/* harmony export */   DescribeMountTargetsCommand: () => (/* reexport safe */ _aws_sdk_client_efs_dist_es_commands_DescribeMountTargetsCommand__WEBPACK_IMPORTED_MODULE_3__.S),
/* harmony export */   EFSClient: () => (/* reexport safe */ _aws_sdk_client_efs_dist_es_EFSClient__WEBPACK_IMPORTED_MODULE_0__.k)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_efs_dist_es_EFSClient__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6648);
/* harmony import */ var _aws_sdk_client_efs_dist_es_commands_DescribeFileSystemsCommand__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7780);
/* harmony import */ var _aws_sdk_client_efs_dist_es_commands_DescribeAccessPointsCommand__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3739);
/* harmony import */ var _aws_sdk_client_efs_dist_es_commands_DescribeMountTargetsCommand__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5895);
/* harmony import */ var _aws_sdk_client_efs_dist_es_commands_DescribeMountTargetSecurityGroupsCommand__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(686);
// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).







/***/ })

};
;