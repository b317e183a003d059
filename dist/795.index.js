"use strict";
exports.id = 795;
exports.ids = [795];
exports.modules = {

/***/ 6795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GetParameterCommand: () => (/* reexport safe */ _aws_sdk_client_ssm_dist_es_commands_GetParameterCommand__WEBPACK_IMPORTED_MODULE_1__.l),
/* harmony export */   SSMClient: () => (/* reexport safe */ _aws_sdk_client_ssm_dist_es_SSMClient__WEBPACK_IMPORTED_MODULE_0__.j)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm_dist_es_SSMClient__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7650);
/* harmony import */ var _aws_sdk_client_ssm_dist_es_commands_GetParameterCommand__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9121);
// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).




/***/ })

};
;