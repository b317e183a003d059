"use strict";
exports.id = 858;
exports.ids = [858];
exports.modules = {

/***/ 9858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ListObjectsV2Command: () => (/* reexport safe */ _aws_sdk_client_s3_dist_es_commands_ListObjectsV2Command__WEBPACK_IMPORTED_MODULE_1__.u),
/* harmony export */   S3Client: () => (/* reexport safe */ _aws_sdk_client_s3_dist_es_S3Client__WEBPACK_IMPORTED_MODULE_0__.Y)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3_dist_es_S3Client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8897);
/* harmony import */ var _aws_sdk_client_s3_dist_es_commands_ListObjectsV2Command__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9693);
// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).




/***/ })

};
;