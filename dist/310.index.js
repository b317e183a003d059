"use strict";
exports.id = 310;
exports.ids = [310];
exports.modules = {

/***/ 5310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   render: () => (/* binding */ render)
/* harmony export */ });
/* harmony import */ var _diagnostics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _report__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2084);
/* harmony import */ var _stages_request__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2332);



/** The render mode: the task definition, and nothing exported, pushed or sent to AWS. */
function render(config, log) {
    // Without packages no image is named after the registry, so any well-formed one does.
    const translated = (0,_stages_request__WEBPACK_IMPORTED_MODULE_2__/* .translateRequest */ .G)(config, (0,_stages_request__WEBPACK_IMPORTED_MODULE_2__/* .requestRegistry */ .r)(config));
    for (const w of translated.warnings)
        log.warning((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .formatDiagnostic */ .xy)(w), w);
    if (!(config.accountId && config.region) &&
        translated.habitatServices.size + translated.builtServices.size > 0) {
        const missing = config.accountId ? 'aws-region' : 'aws-account-id';
        throw new _diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo((0,_diagnostics__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`is needed to name the ECR images of the Habitat packages and builds in render mode`, {
            input: missing,
        }));
    }
    return {
        ...(0,_report__WEBPACK_IMPORTED_MODULE_1__/* .baseReport */ .uZ)(config),
        taskDefinition: translated.taskDefinition,
        notes: ['Render mode: nothing was exported, pushed, registered or deployed.'],
    };
}


/***/ })

};
;