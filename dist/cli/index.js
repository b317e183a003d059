#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = require("node:util");
;// CONCATENATED MODULE: ./src/diagnostics.ts
/** One or more problems with what the user gave us. Never carries a stack trace to the user. */
class UserError extends Error {
    diagnostics;
    constructor(diagnostics) {
        const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
        super(list.map(formatDiagnostic).join('\n'));
        this.name = 'UserError';
        this.diagnostics = list;
    }
}
function error(message, where = {}) {
    return { severity: 'error', message, ...where };
}
function warning(message, where = {}) {
    return { severity: 'warning', message, ...where };
}
/** `file:line:column: path: message`, or `input "name": message`. */
function formatDiagnostic(d) {
    const parts = [];
    if (d.location)
        parts.push(`${d.location.file}:${d.location.line}:${d.location.column}`);
    else if (d.input)
        parts.push(`input "${d.input}"`);
    if (d.path)
        parts.push(d.path);
    parts.push(d.message);
    return parts.join(': ');
}

;// CONCATENATED MODULE: ./src/habitat/package-source.ts

/** Habitat origin and package names: letters, digits, `-` and `_` (origins are lower case). */
const ORIGIN = /^[a-z0-9][a-z0-9_-]*$/;
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const VERSION = /^[A-Za-z0-9_.+-]+$/;
const RELEASE = /^\d{14}$/;
/** `<origin>-<name>-<version>-<release>-<target>.hart`, e.g. `core-redis-4.0.14-20190319155852-x86_64-linux.hart`. */
const HART_FILE = /^(.+)-([^-]+)-(\d{14})-([a-z0-9_]+-[a-z0-9_]+)\.hart$/;
/** Why a package spec was refused: the message says what a valid one looks like. */
class PackageSpecError extends Error {
}
/**
 * Reads one `habitat-packages` entry (or an `x-habitat.package` value): a package identifier
 * `origin/name[/version[/release]]` or a path to a `.hart` file (its ident comes from the file
 * name, as `hab pkg build` writes it). Pure: does not check that a .hart exists.
 */
function parsePackageSource(spec) {
    const value = spec.trim();
    if (value.endsWith('.hart'))
        return parseHartPath(value);
    const parts = value.split('/');
    const [origin, name, version, release] = parts;
    if (parts.length < 2 || parts.length > 4 || !origin || !name) {
        throw new PackageSpecError(`"${spec}" is not a package: use origin/name, origin/name/version, origin/name/version/release or a path to a .hart file`);
    }
    checkPart(spec, 'origin', origin, ORIGIN, 'lower-case letters, digits, "-" and "_"');
    checkPart(spec, 'name', name, NAME, 'letters, digits, "-" and "_"');
    if (version !== undefined)
        checkPart(spec, 'version', version, VERSION, 'letters, digits and ". _ + -"');
    if (release !== undefined)
        checkPart(spec, 'release', release, RELEASE, '14 digits, e.g. 20171016003652');
    return {
        kind: 'ident',
        origin,
        name,
        ...(version !== undefined && { version }),
        ...(release !== undefined && { release }),
    };
}
function parseHartPath(file) {
    const match = HART_FILE.exec(external_node_path_namespaceObject.basename(file));
    const originAndName = match?.[1] ?? '';
    const dash = originAndName.indexOf('-');
    if (!match || dash <= 0) {
        throw new PackageSpecError(`"${file}" is not named like a Habitat artifact: expected <origin>-<name>-<version>-<release>-<target>.hart, as hab pkg build writes it`);
    }
    // Origins rarely contain "-", names often do: the first segment is the origin.
    const origin = originAndName.slice(0, dash);
    const name = originAndName.slice(dash + 1);
    checkPart(file, 'origin', origin, ORIGIN, 'lower-case letters, digits, "-" and "_"');
    checkPart(file, 'name', name, NAME, 'letters, digits, "-" and "_"');
    return { kind: 'hart', path: file, origin, name, version: match[2] ?? '', release: match[3] ?? '' };
}
function checkPart(spec, what, value, pattern, allowed) {
    if (!pattern.test(value)) {
        throw new PackageSpecError(`"${spec}": ${what} "${value}" may contain only ${allowed}`);
    }
}
/** The ECR repository a package's image goes to: `origin/name`, as `hab pkg export` names the image. */
function repositoryOf(source) {
    return `${source.origin}/${source.name}`.toLowerCase();
}

;// CONCATENATED MODULE: ./src/ecs/problems.ts

/** `['services', 'web', 'ports', 0]` -> `services.web.ports[0]`, the form diagnostics use. */
function pathText(path) {
    let text = '';
    for (const part of path) {
        if (typeof part === 'number')
            text += `[${part}]`;
        else
            text += text === '' ? part : `.${part}`;
    }
    return text;
}
/**
 * Where a diagnostic about `path` points: the path as text, and where it was written, or (for a
 * path that was not, like a missing key) where its nearest written parent was.
 */
function placeOf(locate, path) {
    let location;
    for (let n = path.length; n > 0 && !location; n--)
        location = locate(path.slice(0, n));
    return { path: pathText(path), ...(location && { location }) };
}
/**
 * Collects the problems of one translation, so a user sees every error of a file at once instead
 * of fixing them one run at a time. Each problem names the key path and, when the loader knows
 * it, the file:line:column it was written at (falling back to the nearest located parent).
 */
class Problems {
    locate;
    errors = [];
    warnings = [];
    /** `locate` finds where a key path was written; a path that was not (a missing key) is placed at its nearest written parent. */
    constructor(locate) {
        this.locate = locate;
    }
    static forProject(project) {
        return new Problems((path) => project.locate(path));
    }
    error(path, message) {
        this.errors.push(error(message, placeOf(this.locate, path)));
    }
    warn(path, message) {
        this.warnings.push(warning(message, placeOf(this.locate, path)));
    }
}

;// CONCATENATED MODULE: ./src/habitat/extension.ts



const KEYS = ['package', 'group', 'health-check', 'ports'];
const PORT_KEYS = ['gossip', 'http', 'ctl'];
const GROUP = /^[A-Za-z0-9_-]+$/;
/**
 * Reads a service's `x-habitat` extension. It is either a package string
 * (`x-habitat: core/mongodb`) or a mapping:
 *
 *   x-habitat:
 *     package: core/mongodb          # ident or .hart path
 *     group: prod                    # Supervisor service group (default "default")
 *     health-check: true             # container health check from the Supervisor HTTP API
 *     ports: { gossip: 9648, http: 9641, ctl: 9642 }
 *
 * Problems are collected into `problems` with their location; the parts that are valid are kept.
 */
function readHabitatExtension(project, service, problems) {
    const raw = project.services.get(service)?.definition['x-habitat'];
    if (raw === undefined || raw === null)
        return undefined;
    const at = (...rest) => placeOf((p) => project.locate(p), ['services', service, 'x-habitat', ...rest]);
    if (typeof raw === 'string')
        return { package: checkPackage(raw, at(), problems) };
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        problems.push(error('must be a package ident string or a mapping with package, group, health-check, ports', at()));
        return undefined;
    }
    const ext = {};
    for (const [key, value] of Object.entries(raw)) {
        if (!KEYS.includes(key)) {
            problems.push(error(`unknown key "${key}": x-habitat takes ${KEYS.join(', ')}`, at(key)));
        }
        else if (key === 'package') {
            if (typeof value === 'string')
                ext.package = checkPackage(value, at(key), problems);
            else
                problems.push(error('must be a string such as core/mongodb or a .hart path', at(key)));
        }
        else if (key === 'group') {
            if (typeof value === 'string' && GROUP.test(value))
                ext.group = value;
            else
                problems.push(error('must be a service group name (letters, digits, "-", "_")', at(key)));
        }
        else if (key === 'health-check') {
            if (typeof value === 'boolean')
                ext.healthCheck = value;
            else
                problems.push(error('must be true or false', at(key)));
        }
        else {
            const ports = readPorts(value, (k) => at(key, k), at(key), problems);
            if (ports)
                ext.ports = ports;
        }
    }
    return ext;
}
function checkPackage(value, where, problems) {
    try {
        parsePackageSource(value);
        return value;
    }
    catch (e) {
        if (!(e instanceof PackageSpecError))
            throw e;
        problems.push(error(e.message, where));
        return undefined;
    }
}
function readPorts(value, at, here, problems) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(error('must be a mapping with gossip, http and/or ctl port numbers', here));
        return undefined;
    }
    const ports = {};
    for (const [key, port] of Object.entries(value)) {
        if (!PORT_KEYS.includes(key)) {
            problems.push(error(`unknown port "${key}": use gossip, http or ctl`, at(key)));
        }
        else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
            problems.push(error(`must be a port number 1-65535, got ${JSON.stringify(port)}`, at(key)));
        }
        else {
            ports[key] = port;
        }
    }
    return ports;
}

;// CONCATENATED MODULE: ./src/plan.ts




/** The ECR registry host of an account and region. */
function ecrRegistry(accountId, region) {
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return `${accountId}.dkr.ecr.${region}.${suffix}`;
}
/**
 * Decides which compose services run which Habitat package. A service runs a package when its
 * `x-habitat.package` names it, or when its `image:` names the package's repository, bare or
 * under any registry host (the reference example's `aws_account_id.dkr.ecr.ap-southeast-2...`
 * placeholder included), with any tag. Everything else keeps its image as written.
 */
function planImages(project, packages, target) {
    const problems = [];
    const byRepository = new Map();
    for (const source of packages)
        byRepository.set(repositoryOf(source), source);
    const used = new Set();
    const services = new Map();
    for (const name of project.services.keys()) {
        const extension = readHabitatExtension(project, name, problems);
        let repository;
        if (extension?.package) {
            const source = parsePackageSource(extension.package);
            repository = repositoryOf(source);
            if (!byRepository.has(repository))
                byRepository.set(repository, source);
        }
        else {
            repository = imageRepository(project, name, byRepository, problems);
        }
        if (repository === undefined)
            continue;
        used.add(repository);
        const image = target.images?.get(repository) ?? `${target.registry}/${repository}:${target.imageTag}`;
        services.set(name, { repository, image, ...(extension && { extension }) });
    }
    for (const repository of byRepository.keys()) {
        if (!used.has(repository)) {
            problems.push(warning(`package ${repository} is exported and pushed, but no compose service uses it`, {
                input: 'habitat-packages',
            }));
        }
    }
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0)
        throw new UserError(errors);
    return { services, packages: [...byRepository.values()], warnings: problems };
}
/** A service's image repository if it is one of the packages; an error for an unresolved ECR placeholder. */
function imageRepository(project, service, packages, problems) {
    const image = project.services.get(service)?.definition.image;
    if (typeof image !== 'string')
        return undefined;
    const { host, repository } = splitImage(image);
    if (packages.has(repository))
        return repository;
    if (host !== undefined && /^aws_account_id\.dkr\.ecr\./.test(host)) {
        problems.push(error(`image "${image}" still has the documentation placeholder "aws_account_id" and ${repository} is not a Habitat package of this deploy: add ${repository} to habitat-packages (or x-habitat.package), or write the real image`, placeOf((p) => project.locate(p), ['services', service, 'image'])));
    }
    return undefined;
}
/** `host/path/repo:tag@digest` -> host (if the first segment is one) and the lower-cased repository path. */
function splitImage(image) {
    const withoutDigest = image.split('@')[0] ?? '';
    const parts = withoutDigest.split('/');
    let host;
    if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? ''))
        host = parts.shift();
    const last = parts.pop() ?? '';
    const colon = last.lastIndexOf(':');
    parts.push(colon >= 0 ? last.slice(0, colon) : last);
    return { ...(host !== undefined && { host }), repository: parts.join('/').toLowerCase() };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: ./src/compose/interpolate.ts
const NAME_START = /[A-Za-z_]/;
/** Defaults nest (`${A:-${B:-x}}`) a few levels in practice; more is refused, not recursed into. */
const MAX_NESTING = 16;
const NAME_CHAR = /[A-Za-z0-9_]/;
class InterpolationError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function interpolate(input, lookup) {
    try {
        return { ok: true, value: new Template(input, lookup).expand(0, input.length) };
    }
    catch (e) {
        if (e instanceof InterpolationError)
            return { ok: false, message: e.message, offset: e.offset };
        throw e;
    }
}
class Template {
    s;
    lookup;
    constructor(s, lookup) {
        this.s = s;
        this.lookup = lookup;
    }
    /** Expands s[from, to): a whole value, or a default / alternative / message inside `${}`. */
    expand(from, to, depth = 0) {
        if (depth > MAX_NESTING) {
            throw new InterpolationError(`\${...} nested more than ${MAX_NESTING} levels deep: simplify the default values`, from);
        }
        let out = '';
        let i = from;
        while (i < to) {
            const c = this.s[i];
            if (c !== '$') {
                out += c;
                i++;
                continue;
            }
            const next = this.s[i + 1];
            if (next === '$') {
                out += '$';
                i += 2;
            }
            else if (next === '{') {
                const close = this.matchingBrace(i + 2, to);
                out += this.braced(i + 2, close, depth);
                i = close + 1;
            }
            else if (next !== undefined && i + 1 < to && NAME_START.test(next)) {
                let j = i + 1;
                while (j < to && NAME_CHAR.test(this.s[j]))
                    j++;
                out += this.lookup(this.s.slice(i + 1, j)) ?? '';
                i = j;
            }
            else {
                throw new InterpolationError(`invalid interpolation "${this.s.slice(i, i + 2)}": write $$ for a literal "$", or $NAME / \${NAME} for a variable`, i);
            }
        }
        return out;
    }
    /** Index of the `}` closing a `${` whose body starts at `from`, skipping nested `${...}`. */
    matchingBrace(from, to) {
        let depth = 1;
        for (let i = from; i < to; i++) {
            const c = this.s[i];
            if (c === '$' && this.s[i + 1] === '$')
                i++;
            else if (c === '$' && this.s[i + 1] === '{') {
                depth++;
                i++;
            }
            else if (c === '}' && --depth === 0)
                return i;
        }
        throw new InterpolationError(`unterminated "\${" in ${JSON.stringify(this.s)}: close it with "}", or write $$ for a literal "$"`, from - 2);
    }
    braced(from, close, depth) {
        let j = from;
        while (j < close && NAME_CHAR.test(this.s[j]))
            j++;
        const name = this.s.slice(from, j);
        if (name === '' || !NAME_START.test(name[0])) {
            throw new InterpolationError(`invalid variable name in "\${${this.s.slice(from, close)}}": a name starts with a letter or "_" and has letters, digits and "_"`, from - 2);
        }
        const value = this.lookup(name);
        if (j === close)
            return value ?? '';
        const colon = this.s[j] === ':';
        const op = this.s[colon ? j + 1 : j];
        const argFrom = colon ? j + 2 : j + 1;
        // With ':' an empty value counts as unset, as in the shell.
        const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
        switch (op) {
            case '-':
                return isSet ? value : this.expand(argFrom, close, depth + 1);
            case '+':
                return isSet ? this.expand(argFrom, close, depth + 1) : '';
            case '?': {
                if (isSet)
                    return value;
                const message = this.expand(argFrom, close, depth + 1);
                const why = colon && value === '' ? 'is empty' : 'is not set';
                throw new InterpolationError(`required variable ${name} ${why}${message ? `: ${message}` : ''} (set it in the environment or the env file)`, from - 2);
            }
            default:
                throw new InterpolationError(`invalid interpolation "\${${this.s.slice(from, close)}}": use \${NAME}, \${NAME:-default}, \${NAME-default}, \${NAME:?message}, \${NAME?message}, \${NAME:+alt} or \${NAME+alt}`, from - 2);
        }
    }
}

;// CONCATENATED MODULE: ./src/compose/env-file.ts


const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/**
 * Parses env-file text the way compose reads it: `#` comments, an optional `export ` prefix,
 * unquoted values (trimmed, ` #` starts a comment), single quotes (literal), double quotes
 * (escapes, may span lines), `${VAR}` expansion outside single quotes, empty values, and a bare
 * `KEY` taking its value from the environment. `lookup` is asked before this file's own earlier
 * lines, as compose does.
 */
function parseEnvFile(text, file, lookup) {
    const lines = text.split(/\r?\n/);
    const entries = [];
    const diagnostics = [];
    const own = new Map();
    const scoped = (name) => lookup(name) ?? own.get(name);
    for (let n = 0; n < lines.length; n++) {
        const raw = lines[n];
        const indent = raw.length - raw.trimStart().length;
        let line = raw.trim();
        const loc = { file, line: n + 1, column: indent + 1 };
        if (line === '' || line.startsWith('#'))
            continue;
        if (line.startsWith('export '))
            line = line.slice('export '.length).trimStart();
        const eq = line.indexOf('=');
        const key = (eq < 0 ? line : line.slice(0, eq)).trim();
        if (!KEY.test(key)) {
            diagnostics.push(error(`expected KEY=value, found ${JSON.stringify(raw.trim())}: a key has letters, digits, "_", "." or "-" and does not start with a digit`, {
                location: loc,
            }));
            continue;
        }
        if (eq < 0) {
            entries.push({ key, value: lookup(key), loc });
            continue;
        }
        let rest = line.slice(eq + 1).trimStart();
        let value;
        const quote = rest[0];
        if (quote === '"' || quote === "'") {
            // A quoted value may run over several lines; find its closing quote.
            let body = rest.slice(1);
            let end = closingQuote(body, quote);
            while (end < 0 && n + 1 < lines.length) {
                n++;
                body += '\n' + lines[n];
                end = closingQuote(body, quote);
            }
            if (end < 0) {
                diagnostics.push(error(`unterminated ${quote} quote in the value of ${key}: close it with ${quote}`, {
                    location: loc,
                }));
                break;
            }
            const after = body.slice(end + 1).trim();
            if (after !== '' && !after.startsWith('#')) {
                diagnostics.push(error(`unexpected ${JSON.stringify(after)} after the quoted value of ${key}: put a comment after " #"`, { location: loc }));
                continue;
            }
            rest = body.slice(0, end);
            if (quote === "'") {
                value = rest;
            }
            else {
                const expanded = interpolate(unescapeDouble(rest), scoped);
                if (!expanded.ok) {
                    diagnostics.push(error(expanded.message, { location: loc, path: key }));
                    continue;
                }
                value = expanded.value;
            }
        }
        else {
            const comment = rest.search(/\s#/);
            const unquoted = (comment >= 0 ? rest.slice(0, comment) : rest).trim();
            const expanded = interpolate(unquoted, scoped);
            if (!expanded.ok) {
                diagnostics.push(error(expanded.message, { location: loc, path: key }));
                continue;
            }
            value = expanded.value;
        }
        own.set(key, value);
        entries.push({ key, value, loc });
    }
    return { entries, diagnostics };
}
function closingQuote(body, quote) {
    for (let i = 0; i < body.length; i++) {
        if (quote === '"' && body[i] === '\\')
            i++;
        else if (body[i] === quote)
            return i;
    }
    return -1;
}
/** Double-quote escapes; `\$` becomes `$$` so interpolation leaves a literal `$`. */
function unescapeDouble(s) {
    const map = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', $: '$$' };
    return s.replace(/\\(.)/gs, (m, c) => map[c] ?? m);
}

;// CONCATENATED MODULE: ./src/compose/node.ts
function scalar(value, loc) {
    return { kind: 'scalar', value, loc };
}
function mapNode(loc, entries = new Map()) {
    return { kind: 'map', entries, loc };
}
/**
 * `services.web.ports[0]`: the key path as users read it in diagnostics. A key that is not a
 * plain word is quoted (`services["web;rm"]`) so the path stays unambiguous.
 */
function formatPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (!/^[A-Za-z0-9_-]+$/.test(seg))
            out += `[${JSON.stringify(seg)}]`;
        else
            out += out === '' ? seg : `.${seg}`;
    }
    return out;
}
/** What a node is, in the words a diagnostic uses ("a string", "a list"). */
function describe(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    if (node.value === null)
        return 'null';
    if (typeof node.value === 'string')
        return `the string ${JSON.stringify(truncate(node.value))}`;
    return `the ${typeof node.value} ${String(node.value)}`;
}
function truncate(s) {
    return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
function toJson(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(toJson);
    const out = {};
    for (const [key, entry] of node.entries) {
        // Defined, not assigned: a `__proto__` key must stay a key, not replace the prototype.
        Object.defineProperty(out, key, {
            value: toJson(entry.value),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return out;
}
/**
 * Where the value at `path` was written: a scalar's own place, a collection's key (so
 * `services.web.ports` points at `ports:`), a list item's first character.
 */
function locate(root, path) {
    let node = root;
    let loc = root.loc;
    for (const seg of path) {
        if (node.kind === 'map' && typeof seg === 'string') {
            const entry = node.entries.get(seg);
            if (!entry)
                return undefined;
            node = entry.value;
            // A key written without a value (`KEY:`) has no place of its own: use the key's.
            loc = node.kind === 'scalar' && node.value !== null ? node.loc : entry.keyLoc;
        }
        else if (node.kind === 'seq' && typeof seg === 'number') {
            const item = node.items[seg];
            if (!item)
                return undefined;
            node = item;
            loc = item.loc;
        }
        else {
            return undefined;
        }
    }
    return loc;
}
function child(node, key) {
    return node?.kind === 'map' ? node.entries.get(key)?.value : undefined;
}

;// CONCATENATED MODULE: ./src/compose/merge.ts

/**
 * Merges an override file's tree onto the base, following the compose-spec merge rules:
 * mappings merge recursively and the override wins on scalars; sequences append (without
 * repeating a value already there); command, entrypoint and healthcheck.test are replaced;
 * ports, volumes, secrets and configs merge entries that share their unique key; `!reset`
 * removes a value and `!override` replaces it whole. Nodes keep their own locations, so the
 * result says where each winning value was written.
 */
function mergeFiles(base, override) {
    return mergeMaps(base, override, []);
}
/** Keys whose sequences an override replaces instead of extending. */
const REPLACED = new Set(['command', 'entrypoint', 'healthcheck.test']);
/** Keys whose list form is `key=value` strings and merges as a mapping. */
const KEY_VALUE_LISTS = new Set(['labels', 'annotations', 'sysctls', 'environment']);
/** Keys that take one string or a list of them; both forms merge as lists. */
const STRING_OR_LIST = new Set(['env_file', 'dns', 'dns_search', 'tmpfs', 'label_file']);
/** Keys whose list form names entries of an equivalent mapping. */
const NAME_LISTS = {
    depends_on: (loc) => mapNode(loc, new Map([['condition', { keyLoc: loc, value: scalar('service_started', loc) }]])),
    networks: (loc) => scalar(null, loc),
};
function mergeMaps(base, override, path) {
    const entries = new Map(base.entries);
    for (const [key, over] of override.entries) {
        const existing = entries.get(key);
        if (over.value.tag === 'reset') {
            entries.delete(key);
            continue;
        }
        if (!existing || over.value.tag === 'override') {
            entries.set(key, over);
            continue;
        }
        const merged = mergeValues(existing.value, over.value, [...path, key]);
        entries.set(key, { keyLoc: merged === over.value ? over.keyLoc : existing.keyLoc, value: merged });
    }
    return { ...base, entries };
}
function mergeValues(base, over, path) {
    const inService = path[0] === 'services' && path.length >= 3;
    const key = inService ? path.slice(2).join('.') : '';
    if (inService && REPLACED.has(key))
        return over;
    if (inService && path.length === 3) {
        const field = String(path[2]);
        if (KEY_VALUE_LISTS.has(field) && (base.kind === 'seq' || over.kind === 'seq')) {
            return mergeValues(keyValueMap(base), keyValueMap(over), path);
        }
        if (STRING_OR_LIST.has(field) &&
            base.kind !== 'map' &&
            over.kind !== 'map' &&
            !(base.kind === 'seq' && over.kind === 'seq')) {
            return mergeValues(asList(base), asList(over), path);
        }
        const named = Object.hasOwn(NAME_LISTS, field) ? NAME_LISTS[field] : undefined;
        if (named && base.kind !== over.kind) {
            return mergeValues(nameMap(base, named), nameMap(over, named), path);
        }
        if (field === 'build' && base.kind !== over.kind) {
            return mergeValues(contextMap(base), contextMap(over), path);
        }
    }
    if (base.kind === 'map' && over.kind === 'map')
        return mergeMaps(base, over, path);
    if (base.kind === 'seq' && over.kind === 'seq') {
        const field = inService && path.length === 3 ? String(path[2]) : '';
        const unique = Object.hasOwn(UNIQUE_KEYS, field) ? UNIQUE_KEYS[field] : undefined;
        return unique ? mergeUnique(base, over, unique) : appendNew(base, over);
    }
    return over;
}
function appendNew(base, over) {
    const items = [...base.items];
    for (const item of over.items) {
        const dup = item.kind === 'scalar' && items.some((i) => i.kind === 'scalar' && i.value === item.value);
        if (!dup)
            items.push(item);
    }
    return { ...base, items };
}
/** An override entry replaces the base entry with the same unique key, in its place. */
function mergeUnique(base, over, keyOf) {
    const items = [...base.items];
    for (const item of over.items) {
        const k = keyOf(item);
        const at = k === undefined ? -1 : items.findIndex((i) => keyOf(i) === k);
        if (at >= 0)
            items[at] = item;
        else
            items.push(item);
    }
    return { ...base, items };
}
const UNIQUE_KEYS = {
    ports: portKey,
    volumes: (n) => targetKey(n, (s) => (s.split(':').length >= 2 ? s.split(':')[1] : s)),
    secrets: (n) => targetKey(n, (s) => s),
    configs: (n) => targetKey(n, (s) => s),
};
function field(n, key) {
    if (n.kind !== 'map')
        return undefined;
    const v = n.entries.get(key)?.value;
    return v?.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
}
function targetKey(n, short) {
    if (n.kind === 'scalar')
        return n.value === null ? undefined : short(String(n.value));
    return field(n, 'target') ?? field(n, 'source');
}
function portKey(n) {
    if (n.kind === 'scalar')
        return n.value === null ? undefined : String(n.value);
    const protocol = field(n, 'protocol') ?? 'tcp';
    return `${field(n, 'host_ip') ?? ''}:${field(n, 'published') ?? ''}:${field(n, 'target') ?? ''}/${protocol}`;
}
/** `["A=1", "B"]` as the mapping `{A: "1", B: null}`. */
function keyValueMap(node) {
    if (node.kind !== 'seq')
        return node;
    const map = mapNode(node.loc);
    for (const item of node.items) {
        if (item.kind !== 'scalar' || item.value === null)
            continue;
        const text = String(item.value);
        const eq = text.indexOf('=');
        const key = eq < 0 ? text : text.slice(0, eq);
        map.entries.set(key, { keyLoc: item.loc, value: scalar(eq < 0 ? null : text.slice(eq + 1), item.loc) });
    }
    return map;
}
function nameMap(node, valueFor) {
    if (node.kind !== 'seq')
        return node;
    const map = mapNode(node.loc);
    for (const item of node.items) {
        if (item.kind === 'scalar' && item.value !== null) {
            map.entries.set(String(item.value), { keyLoc: item.loc, value: valueFor(item.loc) });
        }
    }
    return map;
}
function asList(node) {
    return node.kind === 'scalar' ? { kind: 'seq', items: [node], loc: node.loc } : node;
}
function contextMap(node) {
    if (node.kind !== 'scalar')
        return node;
    return mapNode(node.loc, new Map([['context', { keyLoc: node.loc, value: node }]]));
}

;// CONCATENATED MODULE: ./src/compose/read.ts


/** Compose files are small; anything bigger is a mistake or an attack on the parser. */
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Reads a text file for the loader: refuses it before parsing when it is too big or not UTF-8,
 * and turns fs failures into a sentence instead of a stack trace.
 * `display` is the name diagnostics use for the file.
 */
function readTextFile(file, display, what = 'file') {
    let bytes;
    try {
        const stat = external_node_fs_namespaceObject.statSync(file);
        if (stat.isDirectory())
            throw new UserError(error(`cannot read ${what} ${display}: it is a directory, not a file`));
        if (stat.size > MAX_FILE_BYTES)
            throw new UserError(tooBig(display, stat.size));
        bytes = external_node_fs_namespaceObject.readFileSync(file);
    }
    catch (e) {
        if (e instanceof UserError)
            throw e;
        throw new UserError(error(`cannot read ${what} ${display}: ${describeFsError(e)}`));
    }
    // The file may have grown between stat and read.
    if (bytes.length > MAX_FILE_BYTES)
        throw new UserError(tooBig(display, bytes.length));
    return decodeUtf8(bytes, display);
}
function tooBig(display, size) {
    const mib = (size / (1024 * 1024)).toFixed(1);
    return error(`${display} is ${mib} MiB; compose files and env files are limited to 1 MiB`, {
        location: { file: display, line: 1, column: 1 },
    });
}
function describeFsError(e) {
    const code = e?.code;
    switch (code) {
        case 'ENOENT':
            return 'no such file';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'it is a directory, not a file';
        case 'ENOTDIR':
            return 'a part of the path is not a directory';
        default:
            return code ? `error ${code}` : 'unreadable';
    }
}
/** Decodes strict UTF-8 (a BOM is dropped), naming the byte and line of the first bad sequence. */
function decodeUtf8(bytes, display) {
    const bad = firstInvalidUtf8(bytes);
    if (bad !== undefined) {
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < bad; i++) {
            if (bytes[i] === 0x0a) {
                line++;
                lineStart = i + 1;
            }
        }
        throw new UserError(error(`invalid UTF-8 at byte offset ${bad}: save the file as UTF-8 text`, {
            location: { file: display, line, column: bad - lineStart + 1 },
        }));
    }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let n;
        let min;
        if (c >= 0xc2 && c <= 0xdf)
            [n, min] = [1, 0x80];
        else if (c >= 0xe0 && c <= 0xef)
            [n, min] = [2, 0x800];
        else if (c >= 0xf0 && c <= 0xf4)
            [n, min] = [3, 0x10000];
        else
            return i;
        let cp = c & (0x3f >> n);
        for (let k = 1; k <= n; k++) {
            const cc = b[i + k];
            if (cc === undefined || (cc & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
            return i;
        i += n + 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/compose/service-env.ts







/**
 * Per file, before merging: `environment` in its mapping form with string values, so lists and
 * mappings from different files merge by variable name. A `NAME` without a value stays null
 * until `applyEnvFiles` resolves it.
 */
function normalizeEnvironments(root) {
    const services = root.entries.get('services')?.value;
    if (services?.kind !== 'map')
        return;
    for (const { value: service } of services.entries.values()) {
        const env = service.kind === 'map' ? service.entries.get('environment') : undefined;
        if (!env)
            continue;
        const map = keyValueMap(env.value);
        if (map.kind !== 'map')
            continue;
        for (const entry of map.entries.values()) {
            const v = entry.value;
            if (v.kind === 'scalar' && v.value !== null && typeof v.value !== 'string')
                v.value = String(v.value);
        }
        env.value = map;
    }
}
/**
 * After merging: reads each service's `env_file:` entries and folds them into `environment`
 * (later files win over earlier ones, `environment` wins over all), then drops `env_file`.
 * Variables written without a value are resolved from `lookup` and left out when unset.
 */
function applyEnvFiles(services, ctx) {
    const out = [];
    for (const [name, { value: service }] of services.entries) {
        if (service.kind !== 'map')
            continue;
        const envFile = service.entries.get('env_file');
        const envEntry = service.entries.get('environment');
        if (!envFile && !envEntry)
            continue;
        const env = mapNode(envEntry?.value.loc ?? envFile.keyLoc);
        for (const ref of envFile ? envFileRefs(envFile.value) : []) {
            const abs = external_node_path_namespaceObject.resolve(ctx.workingDir, ref.path);
            const display = external_node_path_namespaceObject.isAbsolute(ref.path) ? ref.path : external_node_path_namespaceObject.join(ctx.displayDir, ref.path);
            const where = { location: ref.node.loc, path: formatPath(['services', name, 'env_file']) };
            if (!external_node_fs_namespaceObject.existsSync(abs)) {
                if (ref.required) {
                    out.push(error(`env file ${display} not found: create it, fix the path (relative to ${ctx.displayDir}), or write {path: ${ref.path}, required: false}`, where));
                }
                continue;
            }
            let text;
            try {
                text = readTextFile(abs, display, 'env file');
            }
            catch (e) {
                if (!(e instanceof UserError))
                    throw e;
                out.push(...e.diagnostics.map((d) => ({ ...d, location: d.location ?? where.location, path: where.path })));
                continue;
            }
            const parsed = parseEnvFile(text, display, ctx.lookup);
            out.push(...parsed.diagnostics);
            for (const entry of parsed.entries) {
                if (entry.value === undefined)
                    continue;
                env.entries.set(entry.key, { keyLoc: entry.loc, value: scalar(entry.value, entry.loc) });
            }
        }
        if (envEntry?.value.kind === 'map') {
            for (const [key, entry] of envEntry.value.entries) {
                const v = entry.value;
                const value = v.kind === 'scalar' && v.value === null
                    ? ctx.lookup(key)
                    : v.kind === 'scalar'
                        ? String(v.value)
                        : undefined;
                // A value taken from the environment is placed where its name was written.
                const loc = v.kind === 'scalar' && v.value === null ? entry.keyLoc : v.loc;
                if (value === undefined)
                    env.entries.delete(key);
                else
                    env.entries.set(key, { keyLoc: entry.keyLoc, value: scalar(value, loc) });
            }
        }
        service.entries.delete('env_file');
        service.entries.set('environment', { keyLoc: envEntry?.keyLoc ?? envFile.keyLoc, value: env });
    }
    return out;
}
/** The files an `env_file:` names: a path, `{path, required}`, or a list of either. */
function envFileRefs(node) {
    const items = node.kind === 'seq' ? node.items : [node];
    const refs = [];
    for (const item of items) {
        if (item.kind === 'scalar' && typeof item.value === 'string') {
            refs.push({ path: item.value, required: true, node: item });
        }
        else if (item.kind === 'map') {
            const p = item.entries.get('path')?.value;
            const r = item.entries.get('required')?.value;
            if (p?.kind !== 'scalar' || typeof p.value !== 'string')
                continue;
            const required = r?.kind === 'scalar' ? !(r.value === false || String(r.value).toLowerCase() === 'false') : true;
            refs.push({ path: p.value, required, node: p });
        }
    }
    return refs;
}

;// CONCATENATED MODULE: ./src/compose/extends.ts





/**
 * Resolves `extends:` in one file's services: the base service (from this file or from
 * `file:`, resolved first if it extends another) merged under the extending service with the
 * usual merge rules, the extending service winning. Cycles and missing bases are errors.
 */
function applyExtends(root, file, ctx, out) {
    const services = root.entries.get('services')?.value;
    if (services?.kind !== 'map')
        return;
    for (const name of services.entries.keys())
        resolve(services, file, name, [], ctx, out);
}
function resolve(services, file, name, stack, ctx, out) {
    const entry = services.entries.get(name);
    const service = entry?.value;
    const ext = service?.kind === 'map' ? service.entries.get('extends') : undefined;
    if (!entry || service?.kind !== 'map' || !ext)
        return service;
    const at = { location: ext.keyLoc, path: formatPath(['services', name, 'extends']) };
    const own = {
        ...service,
        entries: new Map([...service.entries].filter(([k]) => k !== 'extends')),
    };
    // Resolved once: the entry is replaced, so later references see no `extends:` left.
    const done = (value) => (entry.value = value);
    const target = extendsTarget(ext.value);
    if (!target) {
        // A wrong type is reported by validation; a mapping without service: is not.
        if (ext.value.kind === 'map' && !ext.value.entries.has('service')) {
            out.push(error('extends needs service: naming the service to extend, e.g. {service: base, file: common.yml}', at));
        }
        return done(own);
    }
    const id = `${external_node_path_namespaceObject.resolve(file)}#${name}`;
    if (stack.includes(id)) {
        const chain = [...stack, id].map((s) => s.slice(s.lastIndexOf('#') + 1)).join(' -> ');
        out.push(error(`extends cycle ${chain}: remove one of these extends`, at));
        return done(own);
    }
    // Named like the files the user gave (relative stays relative), for readable diagnostics.
    const baseFile = target.file === undefined ? file : external_node_path_namespaceObject.join(external_node_path_namespaceObject.dirname(file), target.file);
    const baseRoot = target.file === undefined ? undefined : ctx.loadFile(baseFile, at);
    if (target.file !== undefined && !baseRoot)
        return done(own);
    const baseServices = baseRoot ? baseRoot.entries.get('services')?.value : services;
    const baseName = target.service;
    if (baseServices?.kind !== 'map' || !baseServices.entries.has(baseName)) {
        const known = baseServices?.kind === 'map' ? [...baseServices.entries.keys()] : [];
        const where = target.file === undefined ? 'this file' : target.file;
        const choice = known.length ? `: name one of ${known.join(', ')}` : '';
        out.push(error(`extends: service "${baseName}" not found in ${where}${choice}`, at));
        return done(own);
    }
    const base = resolve(baseServices, baseFile, baseName, [...stack, id], ctx, out);
    if (base?.kind !== 'map')
        return done(own);
    const merged = mergeFiles(wrap(name, base), wrap(name, own)).entries.get('services')?.value;
    const result = merged?.kind === 'map' ? merged.entries.get(name)?.value : undefined;
    return done(result?.kind === 'map' ? result : own);
}
function wrap(name, service) {
    const services = mapNode(service.loc, new Map([[name, { keyLoc: service.loc, value: service }]]));
    return mapNode(service.loc, new Map([['services', { keyLoc: service.loc, value: services }]]));
}
function extendsTarget(node) {
    if (node.kind === 'scalar')
        return typeof node.value === 'string' ? { service: node.value } : undefined;
    if (node.kind !== 'map')
        return undefined;
    const service = node.entries.get('service')?.value;
    const file = node.entries.get('file')?.value;
    if (service?.kind !== 'scalar' || typeof service.value !== 'string')
        return undefined;
    if (file === undefined)
        return { service: service.value };
    return file.kind === 'scalar' && typeof file.value === 'string'
        ? { service: service.value, file: file.value }
        : undefined;
}
/**
 * Paths in a file reached through `extends: {file: ...}` are relative to that file; the project
 * reads them relative to its own directory, so rewrite them (env_file, build, bind mounts).
 */
function rebasePaths(root, fromDir, toDir) {
    if (external_node_path_namespaceObject.resolve(fromDir) === external_node_path_namespaceObject.resolve(toDir))
        return;
    // Kept starting with `.` so a bind mount source cannot turn into a volume name.
    const rebase = (p) => {
        if (external_node_path_namespaceObject.isAbsolute(p))
            return p;
        const rel = external_node_path_namespaceObject.relative(toDir, external_node_path_namespaceObject.resolve(fromDir, p)) || '.';
        return rel.startsWith('.') || external_node_path_namespaceObject.isAbsolute(rel) ? rel : `./${rel}`;
    };
    const services = root.entries.get('services')?.value;
    if (services?.kind !== 'map')
        return;
    for (const { value: service } of services.entries.values()) {
        if (service.kind !== 'map')
            continue;
        const envFile = service.entries.get('env_file')?.value;
        for (const ref of envFile ? envFileRefs(envFile) : [])
            ref.node.value = rebase(ref.path);
        const build = service.entries.get('build')?.value;
        const context = build?.kind === 'map' ? build.entries.get('context')?.value : build;
        if (context?.kind === 'scalar' &&
            typeof context.value === 'string' &&
            !/^[\w+.-]+:\/\/|^git@/.test(context.value)) {
            context.value = rebase(context.value);
        }
        const volumes = service.entries.get('volumes')?.value;
        for (const v of volumes?.kind === 'seq' ? volumes.items : []) {
            if (v.kind === 'scalar' && typeof v.value === 'string' && /^\.\.?(\/|:)/.test(v.value)) {
                const colon = v.value.indexOf(':');
                v.value = rebase(v.value.slice(0, colon)) + v.value.slice(colon);
            }
            else if (v.kind === 'map') {
                const source = v.entries.get('source')?.value;
                const type = v.entries.get('type')?.value;
                if (type?.kind === 'scalar' &&
                    type.value === 'bind' &&
                    source?.kind === 'scalar' &&
                    typeof source.value === 'string') {
                    source.value = rebase(source.value);
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/compose/interpolate-tree.ts



/**
 * Interpolates every string value of one file's tree in place (keys are left alone, as compose
 * does), collecting one diagnostic per bad value at the value's own place.
 */
function interpolateTree(node, lookup, out, path = []) {
    if (node.kind === 'scalar') {
        if (typeof node.value !== 'string' || !node.value.includes('$'))
            return;
        const result = interpolate(node.value, lookup);
        if (result.ok)
            node.value = result.value;
        else {
            // Point at the faulty `$` itself when the source spells the value out as it is.
            const location = node.valueColumn === undefined ? node.loc : { ...node.loc, column: node.valueColumn + result.offset };
            out.push(error(result.message, { location, path: formatPath(path) }));
        }
    }
    else if (node.kind === 'seq') {
        node.items.forEach((item, i) => interpolateTree(item, lookup, out, [...path, i]));
    }
    else {
        for (const [key, entry] of node.entries)
            interpolateTree(entry.value, lookup, out, [...path, key]);
    }
}

;// CONCATENATED MODULE: ./src/compose/normalize-version.ts


/** Top-level keys of the compose specification (2.x and 3.x have a subset of them). */
const TOP_LEVEL_KEYS = [
    'version',
    'name',
    'services',
    'volumes',
    'networks',
    'secrets',
    'configs',
    'include',
    'models',
];
/** Version strings docker-compose has understood; they make no difference here. */
const KNOWN_VERSION = /^(1(\.0)?|2(\.[0-4])?|3(\.[0-9])?)$/;
/**
 * Brings each file to the compose-spec shape: `version:` dropped (it selects nothing any more),
 * and a format-1 file (services at the top level, no `services:` key) wrapped under `services:`.
 */
function normalizeVersion(root, file) {
    if (root.kind !== 'map') {
        return {
            diagnostics: [
                error('the top level of a compose file must be a mapping with keys such as services: and volumes:', {
                    location: root.loc,
                }),
            ],
        };
    }
    const diagnostics = [];
    const version = root.entries.get('version');
    if (version) {
        root.entries.delete('version');
        const v = version.value;
        const text = v.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
        if (text === undefined || !KNOWN_VERSION.test(text)) {
            diagnostics.push(warning(`unknown compose file version ${text === undefined ? '(not a string)' : JSON.stringify(text)}: ` +
                'it is ignored; use "3.8", "2.4" or leave version: out (compose specification)', { location: v.loc, path: 'version' }));
        }
        return { root, diagnostics };
    }
    if (!isFormatOne(root))
        return { root, diagnostics };
    const services = mapNode({ file, line: 1, column: 1 });
    const wrapped = mapNode(root.loc);
    for (const [key, entry] of root.entries) {
        if (key.startsWith('x-'))
            wrapped.entries.set(key, entry);
        else
            services.entries.set(key, { keyLoc: entry.keyLoc, value: renameFormatOneKeys(entry.value) });
    }
    wrapped.entries.set('services', { keyLoc: services.loc, value: services });
    return { root: wrapped, diagnostics };
}
/** Format 1: no version, no spec key at the top, and every entry looks like a service. */
function isFormatOne(root) {
    let services = 0;
    for (const [key, entry] of root.entries) {
        if (key.startsWith('x-'))
            continue;
        if (TOP_LEVEL_KEYS.includes(key))
            return false;
        const v = entry.value;
        if (v.kind !== 'map' || !(v.entries.has('image') || v.entries.has('build')))
            return false;
        services++;
    }
    return services > 0;
}
/** `net:` was format 1's name for `network_mode:`. */
function renameFormatOneKeys(service) {
    if (service.kind !== 'map')
        return service;
    const net = service.entries.get('net');
    if (net && !service.entries.has('network_mode')) {
        const entries = new Map([...service.entries].map(([k, e]) => [k === 'net' ? 'network_mode' : k, e]));
        return { ...service, entries };
    }
    return service;
}

;// CONCATENATED MODULE: ./src/compose/schema.ts
const str = { type: 'string' };
const num = { type: 'number' };
const bool = { type: 'boolean' };
const scalarValue = { type: 'scalar' };
const any = { type: 'any' };
const strList = { type: 'list', items: str, label: 'a list of strings' };
const strOrList = (label) => ({ type: 'either', options: [str, strList], label });
const strOrNum = { type: 'either', options: [str, num], label: 'a string or a number' };
const anyMap = { type: 'map' };
const listOrMap = (label) => ({
    type: 'either',
    options: [
        { type: 'list', items: str },
        {
            type: 'map',
            values: { type: 'either', options: [scalarValue], label: 'a string, number, boolean or null' },
        },
    ],
    label,
});
/** A list of names, or a mapping of name to a mapping of settings (depends_on, networks). */
const namesOrSettings = (label, settings) => ({
    type: 'either',
    options: [
        { type: 'list', items: str },
        {
            type: 'map',
            values: { type: 'either', options: [settings, { type: 'scalar' }], label: 'a mapping of settings' },
        },
    ],
    label,
});
const port = {
    type: 'either',
    options: [
        str,
        num,
        {
            type: 'map',
            keys: {
                target: strOrNum,
                published: strOrNum,
                host_ip: str,
                protocol: str,
                mode: str,
                name: str,
                app_protocol: str,
            },
        },
    ],
    label: 'a port such as "8080:80", 80 or {target: 80, published: 8080}',
};
const longSource = (label) => ({ type: 'either', options: [str, anyMap], label });
const SERVICE_KEYS = {
    annotations: listOrMap('a mapping of annotations or a list of "key=value"'),
    attach: bool,
    blkio_config: anyMap,
    build: { type: 'either', options: [str, anyMap], label: 'a build context path or a mapping with context:' },
    cap_add: strList,
    cap_drop: strList,
    cgroup: str,
    cgroup_parent: str,
    command: strOrList('a string or a list of arguments, e.g. ["--peer", "db"]'),
    configs: {
        type: 'list',
        items: longSource('a config name or a mapping with source:'),
        label: 'a list of configs',
    },
    container_name: str,
    cpu_count: strOrNum,
    cpu_percent: strOrNum,
    cpu_period: strOrNum,
    cpu_quota: strOrNum,
    cpu_rt_period: strOrNum,
    cpu_rt_runtime: strOrNum,
    cpu_shares: strOrNum,
    cpus: strOrNum,
    cpuset: str,
    credential_spec: anyMap,
    depends_on: namesOrSettings('a list of service names or a mapping of service: {condition: ...}', {
        type: 'map',
        keys: { condition: str, restart: bool, required: bool },
    }),
    deploy: anyMap,
    develop: anyMap,
    device_cgroup_rules: strList,
    devices: { type: 'list', items: longSource('a device string or mapping') },
    dns: strOrList('an address or a list of addresses'),
    dns_opt: strList,
    dns_search: strOrList('a domain or a list of domains'),
    domainname: str,
    entrypoint: strOrList('a string or a list of arguments, e.g. ["/init.sh"]'),
    env_file: {
        type: 'either',
        options: [
            str,
            {
                type: 'list',
                items: {
                    type: 'either',
                    options: [str, { type: 'map', keys: { path: str, required: bool, format: str } }],
                    label: 'a path or {path: ..., required: false}',
                },
            },
        ],
        label: 'a path or a list of paths',
    },
    environment: listOrMap('a mapping of NAME: value or a list of "NAME=value"'),
    expose: { type: 'list', items: strOrNum, label: 'a list of ports, e.g. ["9631"]' },
    extends: {
        type: 'either',
        options: [str, { type: 'map', keys: { service: str, file: str } }],
        label: 'a service name or {service: name, file: other.yml}',
    },
    external_links: strList,
    extra_hosts: listOrMap('a list of "host:ip" or a mapping of host: ip'),
    gpus: any,
    group_add: { type: 'list', items: strOrNum },
    healthcheck: {
        type: 'map',
        keys: {
            test: strOrList('a command string or a list such as ["CMD", "curl", "-f", "http://localhost"]'),
            interval: str,
            timeout: str,
            start_period: str,
            start_interval: str,
            retries: num,
            disable: bool,
        },
    },
    hostname: str,
    image: str,
    init: bool,
    ipc: str,
    isolation: str,
    label_file: strOrList('a path or a list of paths'),
    labels: listOrMap('a mapping of labels or a list of "key=value"'),
    links: strList,
    log_driver: str,
    log_opt: anyMap,
    logging: { type: 'map', keys: { driver: str, options: anyMap } },
    mac_address: str,
    mem_limit: strOrNum,
    mem_reservation: strOrNum,
    mem_swappiness: strOrNum,
    memswap_limit: strOrNum,
    models: any,
    network_mode: str,
    networks: namesOrSettings('a list of network names or a mapping of network: {...}', anyMap),
    oom_kill_disable: bool,
    oom_score_adj: strOrNum,
    pid: str,
    pids_limit: strOrNum,
    platform: str,
    ports: { type: 'list', items: port, label: 'a list of ports, e.g. ["8080:80"]' },
    post_start: { type: 'list', items: anyMap },
    pre_stop: { type: 'list', items: anyMap },
    privileged: bool,
    profiles: strList,
    provider: anyMap,
    pull_policy: str,
    read_only: bool,
    restart: str,
    runtime: str,
    scale: strOrNum,
    secrets: {
        type: 'list',
        items: longSource('a secret name or a mapping with source:'),
        label: 'a list of secrets',
    },
    security_opt: strList,
    shm_size: strOrNum,
    stdin_open: bool,
    stop_grace_period: str,
    stop_signal: str,
    storage_opt: anyMap,
    sysctls: listOrMap('a mapping of sysctls or a list of "name=value"'),
    tmpfs: strOrList('a path or a list of paths'),
    tty: bool,
    ulimits: {
        type: 'map',
        values: { type: 'either', options: [strOrNum, anyMap], label: 'a number or {soft: ..., hard: ...}' },
    },
    use_api_socket: bool,
    user: strOrNum,
    userns_mode: str,
    uts: str,
    volume_driver: str,
    volumes: {
        type: 'list',
        items: longSource('a volume string such as "data:/var/lib/data" or a mapping with type:, source:, target:'),
        label: 'a list of volumes',
    },
    volumes_from: strList,
    working_dir: str,
};
/** Top-level sections that hold named resources: each entry a mapping, or empty. */
const RESOURCE_SECTIONS = ['volumes', 'networks', 'secrets', 'configs', 'models'];
const SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;

;// CONCATENATED MODULE: ./src/suggest.ts
/** The known word closest to `word`, if it is a likely typo (edit distance of 2 or less). */
function closest(word, known) {
    let best;
    let bestDistance = 3;
    for (const k of known) {
        const d = distance(word.toLowerCase(), k);
        if (d < bestDistance)
            [best, bestDistance] = [k, d];
    }
    return best;
}
function didYouMean(word, known) {
    const match = closest(word, known);
    return match ? `; did you mean "${match}"?` : '';
}
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        }
        prev = cur;
    }
    return prev[b.length];
}

;// CONCATENATED MODULE: ./src/compose/validate.ts





const KNOWN_SERVICE_KEYS = Object.keys(SERVICE_KEYS);
/**
 * Checks one file's structure after interpolation (so `${PORT}` has become a string). Unknown
 * service keys are dropped from the tree with a warning, so later stages never see them, and
 * strings are cast where a key takes only a number or a boolean.
 */
function validateFile(root) {
    const out = [];
    for (const [key, entry] of root.entries) {
        const at = { location: entry.keyLoc, path: key };
        if (key.startsWith('x-'))
            continue;
        if (!TOP_LEVEL_KEYS.includes(key)) {
            out.push(error(`unknown top-level key "${key}"${didYouMean(key, TOP_LEVEL_KEYS)} ` +
                `(allowed: ${TOP_LEVEL_KEYS.join(', ')}, or x-* for extensions)`, at));
        }
        else if (key === 'include') {
            out.push(error('include: is not supported: pass the included files as additional compose files instead', at));
        }
        else if (key === 'name') {
            out.push(...mismatches(entry.value, { type: 'string', label: 'a project name string' }, [key]));
        }
        else if (key === 'services') {
            validateServices(entry.value, out);
        }
        else if (RESOURCE_SECTIONS.includes(key) && !isNull(entry.value)) {
            out.push(...mismatches(entry.value, {
                type: 'map',
                values: { type: 'either', options: [{ type: 'map' }], label: 'a mapping (or nothing)' },
            }, [key], true));
        }
    }
    return out;
}
function validateServices(services, out) {
    if (isNull(services))
        return;
    if (services.kind !== 'map') {
        out.push(error(`expected a mapping of service names to their definitions (e.g. web: {image: nginx}), found ${describe(services)}`, {
            location: services.loc,
            path: 'services',
        }));
        return;
    }
    for (const [name, entry] of services.entries) {
        const path = ['services', name];
        if (!SERVICE_NAME.test(name)) {
            out.push(error(`invalid service name ${JSON.stringify(name)}: use only letters, digits, ".", "_" and "-"`, {
                location: entry.keyLoc,
                path: formatPath(path),
            }));
            continue;
        }
        const service = entry.value;
        if (service.kind !== 'map') {
            out.push(error(`a service must be a mapping of keys such as image: and ports:, found ${describe(service)}`, {
                location: service.loc,
                path: formatPath(path),
            }));
            continue;
        }
        for (const [key, e] of [...service.entries]) {
            if (key.startsWith('x-'))
                continue;
            const spec = Object.hasOwn(SERVICE_KEYS, key) ? SERVICE_KEYS[key] : undefined;
            if (!spec) {
                service.entries.delete(key);
                out.push(warning(`unknown service key "${key}" is ignored${didYouMean(key, KNOWN_SERVICE_KEYS)}`, {
                    location: e.keyLoc,
                    path: formatPath([...path, key]),
                }));
            }
            else {
                out.push(...mismatches(e.value, spec, [...path, key]));
            }
        }
    }
}
/**
 * A diagnostic for every place `node` does not fit `spec`. Strings where a key takes only a number
 * or a boolean (`retries: ${RETRIES}`) are cast in place when they read as one. With `nullValues`,
 * a mapping's null values are let through.
 */
function mismatches(node, spec, path, nullValues = false) {
    const wrong = () => [
        error(`expected ${label(spec)}, found ${describe(node)}`, { location: node.loc, path: formatPath(path) }),
    ];
    switch (spec.type) {
        case 'any':
            return [];
        case 'scalar':
            return node.kind === 'scalar' ? [] : wrong();
        case 'string':
            return node.kind === 'scalar' && typeof node.value === 'string' ? [] : wrong();
        case 'number':
            // An interpolated value is a string; like compose, cast it to the type the key takes.
            if (node.kind === 'scalar' && typeof node.value === 'string' && /^-?\d+(\.\d+)?$/.test(node.value)) {
                node.value = Number(node.value);
            }
            return node.kind === 'scalar' && typeof node.value === 'number' ? [] : wrong();
        case 'boolean':
            if (node.kind === 'scalar' && typeof node.value === 'string' && /^(true|false)$/i.test(node.value)) {
                node.value = node.value.toLowerCase() === 'true';
            }
            return node.kind === 'scalar' && typeof node.value === 'boolean' ? [] : wrong();
        case 'list':
            if (node.kind !== 'seq')
                return wrong();
            return node.items.flatMap((item, i) => mismatches(item, spec.items, [...path, i]));
        case 'map': {
            if (node.kind !== 'map')
                return wrong();
            const out = [];
            for (const [key, e] of node.entries) {
                if (nullValues && e.value.kind === 'scalar' && e.value.value === null)
                    continue;
                const valueSpec = spec.keys?.[key] ?? spec.values;
                if (valueSpec)
                    out.push(...mismatches(e.value, valueSpec, [...path, key]));
            }
            return out;
        }
        case 'either': {
            // Report the deeper problem of the option with the same kind of node, if one exists.
            let sameKind;
            for (const option of spec.options) {
                const found = mismatches(node, option, path);
                if (found.length === 0)
                    return [];
                if (!sameKind && kindOf(option) === node.kind)
                    sameKind = found;
            }
            return sameKind ?? wrong();
        }
    }
}
function isNull(node) {
    return node.kind === 'scalar' && node.value === null;
}
function kindOf(spec) {
    if (spec.type === 'list')
        return 'seq';
    if (spec.type === 'map')
        return 'map';
    return undefined;
}
function label(spec) {
    if (spec.label)
        return spec.label;
    switch (spec.type) {
        case 'string':
            return 'a string';
        case 'number':
            return 'a number';
        case 'boolean':
            return 'true or false';
        case 'scalar':
            return 'a string, number or boolean';
        case 'list':
            return 'a list';
        case 'map':
            return 'a mapping';
        default:
            return 'a value';
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/compose/yaml.ts



/** Nodes an alias may expand to, in total: a real compose file needs a few hundred. */
const MAX_ALIAS_NODES = 10_000;
/** Nesting deeper than this is not a compose file (and would blow the stack). */
const MAX_DEPTH = 64;
/** What to do about each YAML syntax problem, said in the user's terms. */
const HINTS = {
    TAB_AS_INDENT: 'indent with spaces, not tabs',
    DUPLICATE_KEY: 'each key may appear once in a mapping: remove or rename one of them',
    BAD_INDENT: 'indent nested entries consistently with spaces',
    BAD_DQ_ESCAPE: 'use a valid escape in double quotes (\\\\, \\", \\n, \\t, \\uXXXX) or single quotes',
    MISSING_CHAR: 'close the quote, bracket or brace that was opened',
    MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check for a missing ":" or a stray quote',
    BLOCK_AS_IMPLICIT_KEY: 'check the indentation and that each key ends with ": "',
    UNEXPECTED_TOKEN: 'check the indentation and quoting around this point',
    BAD_SCALAR_START: 'quote values that start with a reserved character (@ or `)',
    NON_STRING_KEY: 'keys must be plain strings',
};
/** Where one code covers several problems, the parser's message tells which hint fits. */
const MESSAGE_HINTS = [
    [
        /^Implicit map keys need to be followed by map values/,
        'write "key: value", with a space after the colon',
    ],
    [/^Tags and anchors must be separated/, 'put a space after the &anchor or !tag'],
    [/^Missing , or : between flow/, 'separate the items inside [ ] or { } with ", "'],
    [
        /^Nested mappings are not allowed in compact mappings/,
        'put a nested mapping on its own indented lines, or quote a value containing ": "',
    ],
];
/**
 * Parses one YAML file into located nodes. Aliases and `<<` merge keys are expanded here, with
 * a budget, so a "billion laughs" file is refused instead of exhausting memory.
 */
function parseYaml(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    let docs;
    try {
        docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: true });
    }
    catch {
        // The parser gives up only on pathological input (e.g. thousands of nesting levels).
        return {
            diagnostics: [
                error('the YAML parser could not read this file: simplify its nesting', {
                    location: { file, line: 1, column: 1 },
                }),
            ],
        };
    }
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    if (!Array.isArray(docs) || docs.length === 0)
        return { diagnostics: [] };
    const diagnostics = [];
    // A trailing `---` (an empty document) is harmless; a second document with content is not.
    const second = docs.slice(1).find((d) => !isBlank(text.slice(d.range[0], d.range[2])));
    if (second) {
        diagnostics.push(error('a compose file holds one YAML document; found a second one: remove the "---" or split the files', {
            location: at(second.range[0]),
        }));
    }
    const doc = docs[0];
    // After one syntax error the parser reports every token that follows as unexpected too:
    // keep the first (it is the one to fix) and every duplicate key (each is its own mistake).
    const syntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    for (const e of doc.errors) {
        if (e === syntax || e.code === 'DUPLICATE_KEY')
            diagnostics.push(yamlDiagnostic(e, file, text));
    }
    // Warnings (e.g. the unresolved `!reset` / `!override` tags, which are ours to read) are dropped.
    if (diagnostics.length > 0)
        return { diagnostics };
    if (doc.contents === null)
        return { diagnostics: [] };
    const walker = new Walker(at, file, text);
    try {
        const node = walker.walk(doc.contents, 0);
        return walker.diagnostics.length ? { diagnostics: walker.diagnostics } : { node, diagnostics: [] };
    }
    catch (e) {
        if (e instanceof LimitExceeded)
            return { diagnostics: [e.diagnostic] };
        throw e;
    }
}
/** Only a document marker, comments and white space. */
function isBlank(source) {
    return (source
        .replace(/^(---|\.\.\.)/gm, '')
        .replace(/#.*$/gm, '')
        .trim() === '');
}
function yamlDiagnostic(e, file, text) {
    const pos = e.linePos?.[0];
    let firstLine = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    if (e.code === 'DUPLICATE_KEY') {
        // Name the key: the parser's message does not.
        const key = /^["']?([^"':\n]*)/.exec(text.slice(e.pos[0]))?.[1]?.trim();
        firstLine = key ? `duplicate key "${key}"` : 'duplicate key';
    }
    else if (e.code === 'MISSING_CHAR') {
        firstLine = firstLine
            .replace(/^Missing closing "quote$/, 'missing closing double quote')
            .replace(/^Missing closing 'quote$/, 'missing closing single quote');
    }
    else {
        firstLine = firstLine.replace(/^Unexpected [\w-]+ token in YAML stream: /, 'unexpected ');
    }
    const hint = MESSAGE_HINTS.find(([re]) => re.test(firstLine))?.[1] ?? HINTS[e.code];
    firstLine = firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
    return error(hint ? `${firstLine}: ${hint}` : firstLine, {
        location: { file, line: pos?.line ?? 1, column: pos?.col ?? 1 },
    });
}
class LimitExceeded extends Error {
    diagnostic;
    constructor(diagnostic) {
        super(diagnostic.message);
        this.diagnostic = diagnostic;
    }
}
class Walker {
    at;
    file;
    text;
    diagnostics = [];
    aliasNodes = 0;
    inAlias = 0;
    /**
     * Anchors seen so far, in document order. The parser's own Alias.resolve() searches the whole
     * document for every alias, which is quadratic on files with many aliases.
     */
    anchors = new Map();
    constructor(at, file, text) {
        this.at = at;
        this.file = file;
        this.text = text;
    }
    walk(yamlNode, depth) {
        if (depth > MAX_DEPTH) {
            throw new LimitExceeded(error(`nesting deeper than ${MAX_DEPTH} levels (or an alias that contains itself): flatten the file`, {
                location: this.locOf(yamlNode),
            }));
        }
        if (this.inAlias > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
            throw new LimitExceeded(error(`aliases expand to more than ${MAX_ALIAS_NODES} nodes (a "billion laughs" file?): ` +
                'write the values out or use fewer nested aliases', { location: this.locOf(yamlNode) }));
        }
        const loc = this.locOf(yamlNode);
        if ((0,dist/* isAlias */.Vj)(yamlNode)) {
            const target = this.anchors.get(yamlNode.source);
            if (!target) {
                this.diagnostics.push(error(`unknown alias *${yamlNode.source}: define the anchor &${yamlNode.source} before using it`, {
                    location: loc,
                }));
                return scalar(null, loc);
            }
            this.inAlias++;
            try {
                return this.walk(target, depth + 1);
            }
            finally {
                this.inAlias--;
            }
        }
        const anchor = yamlNode?.anchor;
        if (anchor && this.inAlias === 0)
            this.anchors.set(anchor, yamlNode);
        const tag = mergeTag(yamlNode);
        let node;
        if ((0,dist/* isScalar */.jn)(yamlNode)) {
            const v = yamlNode.value;
            if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                node = scalar(v, loc);
            else
                node = scalar(String(v), loc);
            const column = this.valueColumn(yamlNode, loc);
            if (column !== undefined)
                node.valueColumn = column;
        }
        else if ((0,dist/* isSeq */.oP)(yamlNode)) {
            const seq = { kind: 'seq', items: [], loc };
            for (const item of yamlNode.items)
                seq.items.push(this.walk(item, depth + 1));
            node = seq;
        }
        else if ((0,dist/* isMap */.jh)(yamlNode)) {
            node = this.walkMap(yamlNode.items, loc, depth);
        }
        else {
            node = scalar(null, loc);
        }
        if (tag)
            node.tag = tag;
        return node;
    }
    walkMap(pairs, loc, depth) {
        const map = mapNode(loc);
        const merged = [];
        for (const pair of pairs) {
            const keyLoc = this.locOf(pair.key);
            if ((0,dist/* isScalar */.jn)(pair.key) && typeof pair.key.value === 'symbol') {
                // `<<: *base` or `<<: [*a, *b]`: explicit keys win, then earlier sources win.
                const before = this.diagnostics.length;
                const src = this.walk(pair.value, depth + 1);
                if (this.diagnostics.length > before)
                    continue; // an unknown alias, already reported
                for (const s of src.kind === 'seq' ? src.items : [src])
                    merged.push(s);
                continue;
            }
            if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') {
                this.diagnostics.push(error('a mapping key must be a plain string: quote it', { location: keyLoc }));
                continue;
            }
            const value = pair.value === null ? scalar(null, keyLoc) : this.walk(pair.value, depth + 1);
            map.entries.set(String(pair.key.value), { keyLoc, value });
        }
        for (const src of merged) {
            if (src.kind !== 'map') {
                this.diagnostics.push(error('"<<" merges mappings only: point it at an anchored mapping', { location: src.loc }));
                continue;
            }
            for (const [k, e] of src.entries)
                if (!map.entries.has(k))
                    map.entries.set(k, e);
        }
        return map;
    }
    valueColumn(n, loc) {
        if (typeof n.value !== 'string' || !n.range)
            return undefined;
        const source = this.text.slice(n.range[0], n.range[1]);
        if (source.includes('\n'))
            return undefined;
        if (n.type === 'PLAIN' && source === n.value)
            return loc.column;
        const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
        return quoted && source.slice(1, -1) === n.value ? loc.column + 1 : undefined;
    }
    locOf(n) {
        const range = n?.range;
        return range ? this.at(range[0]) : { file: this.file, line: 1, column: 1 };
    }
}
function mergeTag(n) {
    const tag = n?.tag;
    if (tag === '!reset')
        return 'reset';
    if (tag === '!override')
        return 'override';
    return undefined;
}

;// CONCATENATED MODULE: ./src/compose/load.ts













/**
 * Loads a compose project like `docker compose -f a -f b config` would: each file is read
 * (size and UTF-8 checked), parsed with positions, brought to the compose-spec shape,
 * interpolated, validated and its `extends:` resolved on its own; then the files merge in
 * order and each service's env_file is folded into its environment. Every problem found is
 * reported together in one UserError; warnings (ignored keys, odd versions) ride along on the
 * project. Relative paths stay as written: they are relative to `workingDir`, the first file's
 * directory, whichever file they come from (as in compose).
 */
function loadComposeProject(options) {
    const first = options.files[0];
    if (first === undefined) {
        throw new UserError(error('no compose file given: name at least one, e.g. docker-compose.yml', { input: 'compose-file' }));
    }
    const displayDir = external_node_path_namespaceObject.dirname(first);
    const workingDir = external_node_path_namespaceObject.resolve(displayDir);
    const dotenv = readProjectEnv(options, displayDir);
    const lookup = (name) => fromEnvironment(options, name) ?? dotenv.get(name);
    const diagnostics = [];
    const extendedFiles = new Map();
    const ctx = {
        loadFile(file, from) {
            const key = external_node_path_namespaceObject.resolve(file);
            if (!extendedFiles.has(key)) {
                const found = [];
                const root = loadFile(file, lookup, found);
                // A file that cannot be read at all is reported where `extends:` names it.
                diagnostics.push(...found.map((d) => (d.location ? d : { ...d, ...from })));
                if (root)
                    rebasePaths(root, external_node_path_namespaceObject.dirname(key), workingDir);
                extendedFiles.set(key, root);
            }
            return extendedFiles.get(key);
        },
    };
    let project;
    for (const file of options.files) {
        const root = loadFile(file, lookup, diagnostics);
        if (!root)
            continue;
        applyExtends(root, file, ctx, diagnostics);
        project = project ? mergeFiles(project, root) : root;
    }
    const services = project?.entries.get('services')?.value;
    if (project && !hasErrors(diagnostics) && (services?.kind !== 'map' || services.entries.size === 0)) {
        diagnostics.push(error(`no services defined in ${options.files.join(', ')}: add services: with at least one service`, {
            location: { file: first, line: 1, column: 1 },
            path: 'services',
        }));
    }
    if (!project || services?.kind !== 'map' || hasErrors(diagnostics))
        throw new UserError(errorsOf(diagnostics));
    diagnostics.push(...applyEnvFiles(services, { workingDir, displayDir, lookup }));
    if (hasErrors(diagnostics))
        throw new UserError(errorsOf(diagnostics));
    const serviceMap = new Map();
    for (const [name, entry] of services.entries) {
        serviceMap.set(name, { name, definition: toJson(entry.value) });
    }
    const volumesNode = project.entries.get('volumes')?.value;
    const volumes = volumesNode?.kind === 'map' ? toJson(volumesNode) : {};
    const root = project;
    return {
        files: [...options.files],
        workingDir,
        services: serviceMap,
        volumes,
        warnings: diagnostics.filter((d) => d.severity === 'warning'),
        locate: (p) => locate(root, p),
    };
}
/** One file through the per-file passes; problems go to `out`. */
function loadFile(file, lookup, out) {
    let text;
    try {
        text = readTextFile(file, file, 'compose file');
    }
    catch (e) {
        if (!(e instanceof UserError))
            throw e;
        out.push(...e.diagnostics);
        return undefined;
    }
    const parsed = parseYaml(text, file);
    out.push(...parsed.diagnostics);
    if (!parsed.node) {
        if (parsed.diagnostics.length === 0) {
            out.push(error(`the file is empty: a compose file needs at least services: with one service`, {
                location: { file, line: 1, column: 1 },
            }));
        }
        return undefined;
    }
    const normalized = normalizeVersion(parsed.node, file);
    out.push(...normalized.diagnostics);
    const root = normalized.root;
    if (!root)
        return undefined;
    interpolateTree(root, lookup, out);
    out.push(...validateFile(root));
    normalizeEnvironments(root);
    return root;
}
/** Variables of `options.envFile` (which must exist) or of `.env` beside the first file. */
function readProjectEnv(options, displayDir) {
    const explicit = options.envFile;
    const file = explicit ?? external_node_path_namespaceObject.join(displayDir, '.env');
    if (explicit === undefined && !external_node_fs_namespaceObject.existsSync(file))
        return new Map();
    let text;
    try {
        text = readTextFile(file, file, 'env file');
    }
    catch (e) {
        if (!(e instanceof UserError) || explicit === undefined)
            throw e;
        throw new UserError(e.diagnostics.map((d) => ({ ...d, input: 'env-file' })));
    }
    const parsed = parseEnvFile(text, file, (name) => fromEnvironment(options, name));
    if (parsed.diagnostics.length > 0)
        throw new UserError(parsed.diagnostics);
    const vars = new Map();
    for (const entry of parsed.entries)
        if (entry.value !== undefined)
            vars.set(entry.key, entry.value);
    return vars;
}
/** Own variables only: `constructor` or `__proto__` must not find Object's. */
function fromEnvironment(options, name) {
    return Object.hasOwn(options.environment, name) ? options.environment[name] : undefined;
}
function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}
function errorsOf(diagnostics) {
    return diagnostics.filter((d) => d.severity === 'error');
}

;// CONCATENATED MODULE: ./src/ecs/context.ts
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A scalar as the string ECS wants (compose allows `PORT: 8080` and `DEBUG: true`). */
function scalarText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** Parses a whole non-negative number given as a number or as digits. */
function wholeNumber(value) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
        return value;
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value))
        return Number(value);
    return undefined;
}

;// CONCATENATED MODULE: ./src/ecs/units.ts
/**
 * Compose's size and duration notations, converted to the units ECS counts in (MiB, seconds).
 * Each parser returns undefined for text it does not understand; callers say where and why.
 */
const BYTE_UNITS = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** `512m`, `1g`, `1.5gb`, `2048k`, `100b`, or a bare number of bytes -> bytes. */
function parseBytes(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
    if (typeof value !== 'string')
        return undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*([bkmg]?)b?\s*$/i.exec(value);
    if (!match)
        return undefined;
    const unit = BYTE_UNITS[(match[2] || 'b').toLowerCase()] ?? 1;
    return Math.floor(Number(match[1]) * unit);
}
/** Bytes -> whole MiB, rounded down like Docker rounds a memory limit to its granularity. */
function bytesToMiB(bytes) {
    return Math.floor(bytes / 1024 ** 2);
}
const DURATION_UNITS = {
    ns: 1e-9,
    us: 1e-6,
    µs: 1e-6,
    ms: 1e-3,
    s: 1,
    m: 60,
    h: 3600,
};
/** A Go duration as compose writes it (`1m30s`, `10s`, `1.5h`, `500ms`) -> seconds. */
function parseDuration(value) {
    if (typeof value !== 'string')
        return undefined;
    const text = value.trim();
    if (text === '0')
        return 0;
    const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
    let seconds = 0;
    let at = 0;
    while (at < text.length) {
        part.lastIndex = at;
        const match = part.exec(text);
        if (!match)
            return undefined;
        seconds += Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? NaN);
        at = part.lastIndex;
    }
    return at === 0 || !Number.isFinite(seconds) ? undefined : seconds;
}

;// CONCATENATED MODULE: ./src/ecs/healthcheck.ts


/** What ECS accepts, in seconds (retries: a count). */
const LIMITS = {
    interval: [5, 300],
    timeout: [2, 120],
    retries: [1, 10],
    start_period: [0, 300],
};
/**
 * A compose healthcheck -> the ECS healthCheck. Docker's defaults (30s interval, 30s timeout, 3
 * retries) are written out, because ECS's own defaults differ (a 5s timeout) and would change
 * when a slow check counts as failed. `test: NONE` or `disable: true` -> no health check.
 */
function translateHealthcheck(problems, value, path) {
    if (!isRecord(value)) {
        problems.error(path, 'must be a mapping with test, interval, timeout, retries, start_period');
        return undefined;
    }
    if (value.disable === true)
        return undefined;
    const command = testCommand(problems, value.test, [...path, 'test']);
    if (!command)
        return undefined;
    const seconds = (key, fallback) => {
        const raw = value[key];
        if (raw === undefined || raw === null)
            return fallback;
        const parsed = parseDuration(raw);
        const [min, max] = LIMITS[key];
        if (parsed === undefined) {
            problems.error([...path, key], `"${String(raw)}" is not a duration; write e.g. 30s or 1m30s`);
            return undefined;
        }
        const whole = Math.ceil(parsed);
        if (whole !== parsed)
            problems.warn([...path, key], `ECS counts whole seconds: ${String(raw)} becomes ${whole}s`);
        if (whole < min || whole > max) {
            problems.error([...path, key], `${String(raw)} is out of the range ECS allows, ${min}s to ${max}s`);
            return undefined;
        }
        return whole;
    };
    let retries = 3;
    if (value.retries !== undefined && value.retries !== null) {
        retries = wholeNumber(value.retries);
        const [min, max] = LIMITS.retries;
        if (retries === undefined || retries < min || retries > max) {
            problems.error([...path, 'retries'], `must be a whole number from ${min} to ${max} on ECS`);
            retries = undefined;
        }
    }
    if (value.start_interval !== undefined) {
        problems.warn([...path, 'start_interval'], 'ignored: ECS has no start interval');
    }
    const startPeriod = seconds('start_period');
    return {
        command,
        interval: seconds('interval', 30),
        timeout: seconds('timeout', 30),
        retries,
        ...(startPeriod !== undefined && { startPeriod }),
    };
}
function testCommand(problems, test, path) {
    if (typeof test === 'string')
        return test.trim() === '' ? undefined : ['CMD-SHELL', test];
    if (!Array.isArray(test) || test.length === 0 || !test.every((t) => typeof t === 'string')) {
        problems.error(path, 'must be a string, or a list starting with CMD, CMD-SHELL or NONE');
        return undefined;
    }
    const [kind, ...rest] = test;
    if (kind === 'NONE')
        return undefined;
    if (kind === 'CMD' && rest.length > 0)
        return ['CMD', ...rest];
    if (kind === 'CMD-SHELL' && rest.length === 1)
        return ['CMD-SHELL', rest[0]];
    problems.error(path, kind === 'CMD-SHELL'
        ? 'CMD-SHELL takes exactly one shell command string'
        : `must start with CMD (then the command), CMD-SHELL (then one string) or NONE, not "${kind}"`);
    return undefined;
}

;// CONCATENATED MODULE: ./src/ecs/located-yaml.ts


/** Parses a small YAML file (ecs-params.yml) and keeps line numbers for error messages. */
function parseLocatedYaml(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    const errors = doc.errors.map((e) => error(e.message.split('\n')[0] ?? e.message, { location: at(e.pos[0]) }));
    const locate = (path) => {
        let node = doc.contents;
        let offset = node?.range?.[0];
        for (const key of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => String(p.key?.value) === String(key));
                if (!pair)
                    return undefined;
                offset = pair.key.range?.[0];
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number') {
                node = node.items[key];
                offset = node?.range?.[0];
            }
            else
                return undefined;
        }
        return offset === undefined ? undefined : at(offset);
    };
    return { value: errors.length > 0 ? undefined : doc.toJS(), locate, errors };
}

;// CONCATENATED MODULE: ./src/ecs/params-reader.ts

/** Typed reads of the parsed YAML that report, at the key's line, what was expected. */
class Reader {
    p;
    constructor(p) {
        this.p = p;
    }
    map(value, path, known) {
        if (value === undefined || value === null)
            return {};
        if (!isRecord(value)) {
            this.p.error(path, 'must be a mapping');
            return {};
        }
        for (const key of Object.keys(value)) {
            if (known && !known.includes(key))
                this.p.warn([...path, key], `unknown key ignored; known keys: ${known.join(', ')}`);
        }
        return value;
    }
    list(value, path) {
        if (value === undefined || value === null)
            return [];
        if (Array.isArray(value))
            return value;
        this.p.error(path, 'must be a list');
        return [];
    }
    string(value, path, required = false) {
        if (value === undefined || value === null) {
            if (required)
                this.p.error(path, 'is required');
            return undefined;
        }
        if (typeof value === 'string' || typeof value === 'number')
            return String(value);
        this.p.error(path, 'must be a string');
        return undefined;
    }
    strings(m, path, keys) {
        const out = {};
        for (const key of keys) {
            const s = this.string(m[key], [...path, key]);
            if (s !== undefined)
                out[key] = s;
        }
        return out;
    }
    stringMap(value, path) {
        if (value === undefined || value === null)
            return undefined;
        const m = this.map(value, path);
        const out = {};
        for (const [k, v] of Object.entries(m))
            out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
        return out;
    }
    bool(value, path) {
        if (value === undefined || value === null || typeof value === 'boolean')
            return value ?? undefined;
        this.p.error(path, 'must be true or false');
        return undefined;
    }
    whole(value, path) {
        if (value === undefined || value === null)
            return undefined;
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
            return value;
        this.p.error(path, 'must be a whole number');
        return undefined;
    }
    oneOf(value, path, allowed, required = false) {
        if (value === undefined || value === null) {
            if (required)
                this.p.error(path, `is required: one of ${allowed.join(', ')}`);
            return undefined;
        }
        if (allowed.includes(value))
            return value;
        this.p.error(path, `"${String(value)}" must be one of ${allowed.join(', ')}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/ecs/run-params.ts
function readRunParams(r, value) {
    const run = r.map(value, ['run_params'], ['network_configuration', 'service_discovery', 'task_placement']);
    if (run.task_placement !== undefined) {
        r.p.warn(['run_params', 'task_placement'], 'ignored: set placement on the ECS service instead');
    }
    const out = {};
    const path = ['run_params', 'network_configuration', 'awsvpc_configuration'];
    const net = r.map(run.network_configuration, path.slice(0, 2), ['awsvpc_configuration']);
    if (net.awsvpc_configuration !== undefined) {
        const a = r.map(net.awsvpc_configuration, path, ['subnets', 'security_groups', 'assign_public_ip']);
        const subnets = r
            .list(a.subnets, [...path, 'subnets'])
            .map((s, i) => r.string(s, [...path, 'subnets', i]) ?? '');
        if (subnets.length === 0)
            r.p.error([...path, 'subnets'], 'awsvpc needs at least one subnet id');
        const groups = r.list(a.security_groups, [...path, 'security_groups']);
        const securityGroups = groups.map((s, i) => r.string(s, [...path, 'security_groups', i]) ?? '');
        const publicIp = r.oneOf(a.assign_public_ip, [...path, 'assign_public_ip'], [
            'ENABLED',
            'DISABLED',
        ]);
        out.networkConfiguration = {
            awsvpcConfiguration: {
                subnets,
                ...(securityGroups.length > 0 && { securityGroups }),
                ...(publicIp && { assignPublicIp: publicIp }),
            },
        };
    }
    if (run.service_discovery !== undefined)
        out.serviceDiscovery = serviceDiscovery(r, run.service_discovery);
    return out;
}
function serviceDiscovery(r, value) {
    const at = (...path) => ['run_params', 'service_discovery', ...path];
    const sd = r.map(value, at(), [
        'container_name', 'container_port', 'private_dns_namespace', 'public_dns_namespace', 'service_discovery_service',
    ]); // prettier-ignore
    const out = {};
    const containerName = r.string(sd.container_name, at('container_name'));
    if (containerName)
        out.containerName = containerName;
    const port = r.whole(sd.container_port, at('container_port'));
    if (port !== undefined)
        out.containerPort = port;
    if (sd.private_dns_namespace !== undefined) {
        const ns = r.map(sd.private_dns_namespace, at('private_dns_namespace'), [
            'vpc',
            'id',
            'name',
            'description',
        ]);
        out.privateDnsNamespace = r.strings(ns, at('private_dns_namespace'), [
            'vpc',
            'id',
            'name',
            'description',
        ]);
    }
    if (sd.public_dns_namespace !== undefined) {
        const ns = r.map(sd.public_dns_namespace, at('public_dns_namespace'), ['id', 'name']);
        out.publicDnsNamespace = r.strings(ns, at('public_dns_namespace'), ['id', 'name']);
    }
    if (sd.service_discovery_service !== undefined) {
        const path = at('service_discovery_service');
        const s = r.map(sd.service_discovery_service, path, [
            'name',
            'description',
            'dns_config',
            'healthcheck_custom_config',
        ]);
        const dns = r.map(s.dns_config, [...path, 'dns_config'], ['type', 'ttl']);
        const hc = r.map(s.healthcheck_custom_config, [...path, 'healthcheck_custom_config'], ['failure_threshold']);
        const type = r.oneOf(dns.type, [...path, 'dns_config', 'type'], ['A', 'SRV']);
        const ttl = r.whole(dns.ttl, [...path, 'dns_config', 'ttl']);
        const threshold = r.whole(hc.failure_threshold, [
            ...path,
            'healthcheck_custom_config',
            'failure_threshold',
        ]);
        out.serviceDiscoveryService = {
            ...r.strings(s, path, ['name', 'description']),
            ...((type || ttl !== undefined) && {
                dnsConfig: { ...(type && { type }), ...(ttl !== undefined && { ttl }) },
            }),
            ...(threshold !== undefined && { healthcheckCustomConfig: { failureThreshold: threshold } }),
        };
    }
    return out;
}

;// CONCATENATED MODULE: ./src/ecs/resources.ts


/** ecs-cli's memory for a container that sets none; ECS needs container or task memory. */
const DEFAULT_MEMORY_MIB = 512;
/** Docker refuses a memory limit under 6 MiB; ECS under 4 MiB. */
const MIN_MEMORY_MIB = 4;
/** A compose memory size (`512m`, `1g`, bytes) -> MiB, or undefined if it is not one or too small. */
function parseMemoryMiB(value) {
    const bytes = parseBytes(value);
    if (bytes === undefined)
        return undefined;
    const mib = bytesToMiB(bytes);
    return mib >= MIN_MEMORY_MIB ? mib : undefined;
}
/** ecs-params task_size cpu_limit: `256`, `1024`, `0.25 vCPU`, `1vcpu` -> CPU units. */
function parseTaskCpu(value) {
    const text = String(value).trim();
    const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(text);
    if (vcpu)
        return Math.round(Number(vcpu[1]) * 1024);
    return wholeNumber(text);
}
/** ecs-params task_size mem_limit: plain numbers are MiB (ECS's reading), else a size like `0.5GB`. */
function parseTaskMemory(value) {
    const text = String(value).trim();
    if (/^\d+$/.test(text))
        return Number(text);
    return parseMemoryMiB(text.replace(/\s+/g, ''));
}
/**
 * cpu_shares / cpus / deploy.resources (v3) and mem_limit / mem_reservation -> cpu, memory,
 * memoryReservation. The compose v2 keys win over deploy.resources; ecs-params wins over both.
 */
function translateResources(ctx, service, params, taskMemory) {
    const d = service.definition;
    const at = (...keys) => [...service.path, ...keys];
    const deploy = isRecord(d.deploy) && isRecord(d.deploy.resources) ? d.deploy.resources : {};
    const limits = isRecord(deploy.limits) ? deploy.limits : {};
    const reservations = isRecord(deploy.reservations) ? deploy.reservations : {};
    const out = {};
    const memory = (value, path) => {
        if (value === undefined || value === null)
            return undefined;
        const mib = parseMemoryMiB(value);
        if (mib === undefined) {
            ctx.problems.error(path, `"${String(value)}" is not a memory size of at least ${MIN_MEMORY_MIB}m (units b, k, m, g)`);
        }
        return mib;
    };
    const limit = memory(d.mem_limit, at('mem_limit')) ??
        memory(limits.memory, at('deploy', 'resources', 'limits', 'memory'));
    const reservation = memory(d.mem_reservation, at('mem_reservation')) ??
        memory(reservations.memory, at('deploy', 'resources', 'reservations', 'memory'));
    const finalLimit = params?.memory ?? limit;
    const finalReservation = params?.memoryReservation ?? reservation;
    if (finalLimit !== undefined)
        out.memory = finalLimit;
    if (finalReservation !== undefined)
        out.memoryReservation = finalReservation;
    if (finalLimit !== undefined && finalReservation !== undefined && finalReservation > finalLimit) {
        ctx.problems.error(d.mem_reservation !== undefined
            ? at('mem_reservation')
            : at('deploy', 'resources', 'reservations', 'memory'), `memory reservation ${finalReservation} MiB is above the limit ${finalLimit} MiB`);
    }
    if (finalLimit === undefined && finalReservation === undefined && !taskMemory) {
        out.memory = DEFAULT_MEMORY_MIB;
        ctx.problems.warn(service.path, `no memory set: using ${DEFAULT_MEMORY_MIB} MiB (set mem_limit, or deploy.resources.limits.memory)`);
    }
    const cpus = (value, path) => {
        if (value === undefined || value === null)
            return undefined;
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0) {
            ctx.problems.error(path, `"${String(value)}" is not a number of CPUs like 0.5 or 2`);
            return undefined;
        }
        return Math.round(n * 1024);
    };
    let cpu;
    if (d.cpu_shares !== undefined && d.cpu_shares !== null) {
        cpu = wholeNumber(d.cpu_shares);
        if (cpu === undefined)
            ctx.problems.error(at('cpu_shares'), 'must be a whole number of CPU shares, e.g. 512');
    }
    cpu ??=
        cpus(d.cpus, at('cpus')) ?? cpus(reservations.cpus, at('deploy', 'resources', 'reservations', 'cpus'));
    if (cpu === undefined && limits.cpus !== undefined) {
        cpu = cpus(limits.cpus, at('deploy', 'resources', 'limits', 'cpus'));
        ctx.problems.warn(at('deploy', 'resources', 'limits', 'cpus'), 'ECS container cpu is a share, not a cap: the limit becomes a share; for a hard cap set task_size.cpu_limit in ecs-params.yml');
    }
    cpu = params?.cpuShares ?? cpu;
    if (cpu !== undefined)
        out.cpu = cpu;
    return out;
}

;// CONCATENATED MODULE: ./src/ecs/ecs-params.ts








function loadEcsParams(file) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch (e) {
        throw new UserError(error(`cannot read ecs-params file: ${e.message}`, { input: 'ecs-params' }));
    }
    return parseEcsParams(text, file);
}
const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'];
const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];
/** Parses ecs-params.yml text; every problem names file:line:column. Throws UserError on errors. */
function parseEcsParams(text, file) {
    const yaml = parseLocatedYaml(text, file);
    if (yaml.errors.length > 0)
        throw new UserError(yaml.errors);
    const p = new Problems(yaml.locate);
    const r = new Reader(p);
    const root = r.map(yaml.value ?? {}, [], ['version', 'task_definition', 'run_params']);
    const td = r.map(root.task_definition, ['task_definition'], [
        'ecs_network_mode', 'task_role_arn', 'task_execution_role', 'task_size', 'pid_mode', 'ipc_mode',
        'services', 'docker_volumes', 'placement_constraints',
    ]); // prettier-ignore
    const at = (...path) => ['task_definition', ...path];
    const size = r.map(td.task_size, at('task_size'), ['cpu_limit', 'mem_limit']);
    const cpu = size.cpu_limit === undefined ? undefined : parseTaskCpu(size.cpu_limit);
    if (size.cpu_limit !== undefined && cpu === undefined) {
        p.error(at('task_size', 'cpu_limit'), 'must be CPU units like 256 or 1024, or vCPUs like "0.25 vCPU"');
    }
    const memory = size.mem_limit === undefined ? undefined : parseTaskMemory(size.mem_limit);
    if (size.mem_limit !== undefined && memory === undefined) {
        p.error(at('task_size', 'mem_limit'), 'must be MiB like 512, or a size like 0.5GB or 2048m');
    }
    const services = new Map();
    for (const [name, value] of Object.entries(r.map(td.services, at('services')))) {
        services.set(name, containerParams(r, value, at('services', name)));
    }
    const dockerVolumes = new Map();
    r.list(td.docker_volumes, at('docker_volumes')).forEach((value, i) => {
        const path = at('docker_volumes', i);
        const v = r.map(value, path, ['name', 'scope', 'autoprovision', 'driver', 'driver_opts', 'labels']);
        const name = r.string(v.name, [...path, 'name'], true);
        const scope = r.oneOf(v.scope, [...path, 'scope'], ['task', 'shared']);
        const driverOpts = r.stringMap(v.driver_opts, [...path, 'driver_opts']);
        const labels = r.stringMap(v.labels, [...path, 'labels']);
        const autoprovision = r.bool(v.autoprovision, [...path, 'autoprovision']);
        if (name === undefined)
            return;
        const configuration = {
            scope: scope ?? 'task',
            ...(autoprovision !== undefined && { autoprovision }),
            driver: r.string(v.driver, [...path, 'driver']) ?? 'local',
            ...(driverOpts && { driverOpts }),
            ...(labels && { labels }),
        };
        dockerVolumes.set(name, { name, configuration });
    });
    const placementConstraints = r
        .list(td.placement_constraints, at('placement_constraints'))
        .map((value, i) => {
        const path = at('placement_constraints', i);
        const c = r.map(value, path, ['type', 'expression']);
        r.oneOf(c.type, [...path, 'type'], ['memberOf']);
        return {
            type: 'memberOf',
            expression: r.string(c.expression, [...path, 'expression'], true) ?? '',
        };
    });
    const networkMode = r.oneOf(td.ecs_network_mode, at('ecs_network_mode'), NETWORK_MODES);
    const taskRoleArn = r.string(td.task_role_arn, at('task_role_arn'));
    const executionRoleArn = r.string(td.task_execution_role, at('task_execution_role'));
    const pidMode = r.oneOf(td.pid_mode, at('pid_mode'), ['host', 'task']);
    const ipcMode = r.oneOf(td.ipc_mode, at('ipc_mode'), ['host', 'task', 'none']);
    const runParams = readRunParams(r, root.run_params);
    if (p.errors.length > 0)
        throw new UserError(p.errors);
    return {
        file,
        ...(networkMode && { networkMode }),
        ...(taskRoleArn && { taskRoleArn }),
        ...(executionRoleArn && { executionRoleArn }),
        ...(cpu !== undefined && { cpu: String(cpu) }),
        ...(memory !== undefined && { memory: String(memory) }),
        ...(pidMode && { pidMode }),
        ...(ipcMode && { ipcMode }),
        services,
        dockerVolumes,
        placementConstraints,
        runParams,
        warnings: p.warnings,
        locate: yaml.locate,
    };
}
function containerParams(r, value, path) {
    const s = r.map(value, path, [
        'essential', 'repository_credentials', 'cpu_shares', 'mem_limit', 'mem_reservation', 'gpu',
        'init_process_enabled', 'healthcheck', 'firelens_configuration', 'secrets', 'depends_on',
    ]); // prettier-ignore
    const out = {};
    const essential = r.bool(s.essential, [...path, 'essential']);
    if (essential !== undefined)
        out.essential = essential;
    if (s.repository_credentials !== undefined) {
        const creds = r.map(s.repository_credentials, [...path, 'repository_credentials'], ['credentials_parameter']);
        const parameter = r.string(creds.credentials_parameter, [...path, 'repository_credentials', 'credentials_parameter'], true);
        if (parameter)
            out.repositoryCredentials = { credentialsParameter: parameter };
    }
    const cpuShares = r.whole(s.cpu_shares, [...path, 'cpu_shares']);
    if (cpuShares !== undefined)
        out.cpuShares = cpuShares;
    for (const [key, field] of [
        ['mem_limit', 'memory'],
        ['mem_reservation', 'memoryReservation'],
    ]) {
        if (s[key] === undefined)
            continue;
        const mib = parseMemoryMiB(s[key]);
        if (mib === undefined)
            r.p.error([...path, key], 'must be a size of at least 4m, like 512m or 1g');
        else
            out[field] = mib;
    }
    const gpu = r.string(s.gpu, [...path, 'gpu']);
    if (gpu !== undefined)
        out.gpu = gpu;
    const init = r.bool(s.init_process_enabled, [...path, 'init_process_enabled']);
    if (init !== undefined)
        out.initProcessEnabled = init;
    if (s.healthcheck !== undefined) {
        const healthCheck = translateHealthcheck(r.p, s.healthcheck, [...path, 'healthcheck']);
        if (healthCheck)
            out.healthCheck = healthCheck;
    }
    if (s.firelens_configuration !== undefined) {
        const f = r.map(s.firelens_configuration, [...path, 'firelens_configuration'], ['type', 'options']);
        const type = r.oneOf(f.type, [...path, 'firelens_configuration', 'type'], [
            'fluentd',
            'fluentbit',
        ]);
        const options = r.stringMap(f.options, [...path, 'firelens_configuration', 'options']);
        if (type)
            out.firelensConfiguration = { type, ...(options && { options }) };
    }
    if (s.secrets !== undefined) {
        out.secrets = r.list(s.secrets, [...path, 'secrets']).map((v, i) => {
            const at = [...path, 'secrets', i];
            const secret = r.map(v, at, ['name', 'value_from']);
            return {
                name: r.string(secret.name, [...at, 'name'], true) ?? '',
                valueFrom: r.string(secret.value_from, [...at, 'value_from'], true) ?? '',
            };
        });
    }
    if (s.depends_on !== undefined) {
        out.dependsOn = r.list(s.depends_on, [...path, 'depends_on']).map((v, i) => {
            const at = [...path, 'depends_on', i];
            const dep = r.map(v, at, ['container_name', 'condition']);
            return {
                containerName: r.string(dep.container_name, [...at, 'container_name'], true) ?? '',
                condition: r.oneOf(dep.condition, [...at, 'condition'], CONDITIONS, true) ?? 'START',
            };
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/ecs/words.ts
/**
 * Splits a command line into words the way a POSIX shell would (quotes, backslashes), without
 * running a shell and without expanding anything: compose does the same for `command: a "b c"`.
 */
function splitWords(line) {
    const words = [];
    let word = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                word += c;
            continue;
        }
        if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1])) {
                i++;
                if (line[i] !== '\n')
                    word += line[i];
            }
            else
                word += c;
            continue;
        }
        if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        }
        else if (c === '\\') {
            if (i + 1 >= line.length)
                return { error: 'ends with a lone backslash' };
            i++;
            // A backslash-newline joins lines; any other escaped character is taken literally.
            if (line[i] !== '\n') {
                word += line[i];
                inWord = true;
            }
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (quote)
        return { error: `has an unterminated ${quote === '"' ? 'double' : 'single'} quote` };
    if (inWord)
        words.push(word);
    return { words };
}

;// CONCATENATED MODULE: ./src/ecs/container-keys.ts


/** `command:` / `entrypoint:`: a string is split into words like a shell would; a list is kept. */
function commandWords(ctx, value, path) {
    if (typeof value === 'string') {
        const split = splitWords(value);
        if ('error' in split) {
            ctx.problems.error(path, `${split.error}; quote or escape it, or write the command as a list`);
            return undefined;
        }
        return split.words;
    }
    if (Array.isArray(value)) {
        const words = value.map(scalarText);
        if (words.every((w) => w !== undefined))
            return words;
    }
    ctx.problems.error(path, 'must be a string or a list of strings');
    return undefined;
}
/**
 * A map (`KEY: value`) or a list (`KEY=value`) -> name/value pairs. `sorted` orders them by
 * name, so the same settings always give the same task definition.
 */
function keyValues(ctx, value, path, what) {
    const pairs = [];
    if (isRecord(value)) {
        for (const [key, v] of Object.entries(value)) {
            const text = v === null ? undefined : scalarText(v);
            if (text === undefined) {
                ctx.problems.warn([...path, key], `${what} "${key}" has no value and is left out; ECS needs one`);
            }
            else
                pairs.push([key, text]);
        }
    }
    else if (Array.isArray(value)) {
        value.forEach((entry, i) => {
            const text = scalarText(entry);
            const eq = text?.indexOf('=') ?? -1;
            if (text === undefined)
                ctx.problems.error([...path, i], `must be a "NAME=value" string`);
            else if (eq <= 0)
                ctx.problems.warn([...path, i], `${what} "${text}" has no value and is left out; ECS needs one`);
            else
                pairs.push([text.slice(0, eq), text.slice(eq + 1)]);
        });
    }
    else {
        ctx.problems.error(path, `must be a mapping or a list of "NAME=value"`);
        return undefined;
    }
    return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
function environment(ctx, value, path) {
    return (keyValues(ctx, value, path, 'variable') ?? []).map(([name, v]) => ({ name, value: v }));
}
/** A string or a list of strings (dns, dns_search, cap_add, ...). */
function stringList(ctx, value, path) {
    const list = Array.isArray(value) ? value : [value];
    const out = [];
    list.forEach((v, i) => {
        const text = scalarText(v);
        if (text === undefined)
            ctx.problems.error(Array.isArray(value) ? [...path, i] : path, 'must be a string');
        else
            out.push(text);
    });
    return out;
}
/** `extra_hosts`: `"host:ip"`, `"host=ip"` or a map. The IP may be IPv6, so split at the first separator. */
function extraHosts(ctx, value, path) {
    if (isRecord(value)) {
        return Object.entries(value).map(([hostname, ip]) => ({ hostname, ipAddress: scalarText(ip) ?? '' }));
    }
    return stringList(ctx, value, path).flatMap((entry, i) => {
        const match = /^([^:=]+)[:=](.+)$/.exec(entry);
        if (!match) {
            ctx.problems.error([...path, i], `"${entry}" must be "hostname:ip"`);
            return [];
        }
        return [{ hostname: match[1], ipAddress: match[2].replace(/^\[|\]$/g, '') }];
    });
}
const ULIMITS = [
    'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio',
    'rttime', 'sigpending', 'stack',
]; // prettier-ignore
function ulimits(ctx, value, path) {
    if (!isRecord(value)) {
        ctx.problems.error(path, 'must be a mapping like { nofile: { soft: 1024, hard: 4096 } }');
        return [];
    }
    const out = [];
    for (const [name, limit] of Object.entries(value)) {
        const at = [...path, name];
        if (!ULIMITS.includes(name)) {
            ctx.problems.error(at, `ECS does not support the ulimit "${name}"; it supports ${ULIMITS.join(', ')}`);
            continue;
        }
        const single = wholeNumber(limit);
        const soft = single ?? (isRecord(limit) ? wholeNumber(limit.soft) : undefined);
        const hard = single ?? (isRecord(limit) ? wholeNumber(limit.hard) : undefined);
        if (soft === undefined || hard === undefined)
            ctx.problems.error(at, 'must be a number or { soft, hard } numbers');
        else if (soft > hard)
            ctx.problems.error(at, `soft limit ${soft} is above hard limit ${hard}`);
        else
            out.push({ name: name, softLimit: soft, hardLimit: hard });
    }
    return out;
}
const LOG_DRIVERS = [
    'awslogs',
    'fluentd',
    'gelf',
    'json-file',
    'journald',
    'logentries',
    'splunk',
    'syslog',
    'awsfirelens',
];
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];
/** `logging: { driver, options }` (or v1 `log_driver` + `log_opt`) -> logConfiguration. */
function logConfiguration(ctx, driver, options, path) {
    if (typeof driver !== 'string') {
        ctx.problems.error(path, 'needs a driver, e.g. awslogs');
        return undefined;
    }
    const allowed = ctx.launchType === 'FARGATE' ? FARGATE_LOG_DRIVERS : LOG_DRIVERS;
    if (!allowed.includes(driver)) {
        ctx.problems.error(path, `log driver "${driver}" is not supported on ${ctx.launchType}; use one of ${allowed.join(', ')}`);
        return undefined;
    }
    const pairs = options === undefined || options === null
        ? []
        : (keyValues(ctx, options, [...path, 'options'], 'option') ?? []);
    return {
        logDriver: driver,
        ...(pairs.length > 0 && { options: Object.fromEntries(pairs) }),
    };
}
/** `devices: ["/dev/fuse", "/dev/sda:/dev/xvda:rwm"]` -> devices. */
function devices(ctx, value, path) {
    return stringList(ctx, value, path).flatMap((entry, i) => {
        const [hostPath = '', containerPath, permissions] = entry.split(':');
        if (!hostPath.startsWith('/') || (permissions !== undefined && !/^[rwm]+$/.test(permissions))) {
            ctx.problems.error([...path, i], `"${entry}" must be /host/path[:/container/path[:rwm]]`);
            return [];
        }
        const perms = permissions
            ? [...new Set(permissions)].map((p) => ({ r: 'read', w: 'write', m: 'mknod' })[p])
            : [];
        return [
            {
                hostPath,
                ...(containerPath && { containerPath }),
                ...(perms.length > 0 && { permissions: perms }),
            },
        ];
    });
}
/** Capabilities as ECS names them: upper case, without the CAP_ prefix. */
function capabilities(ctx, value, path) {
    return stringList(ctx, value, path).map((c) => c.toUpperCase().replace(/^CAP_/, ''));
}
function systemControls(ctx, value, path) {
    return (keyValues(ctx, value, path, 'sysctl') ?? []).map(([namespace, v]) => ({ namespace, value: v }));
}

;// CONCATENATED MODULE: ./src/ecs/ports.ts

/** A range written as `8000-8002` expands to this many mappings at most; ECS has a small limit anyway. */
const MAX_RANGE = 100;
/**
 * `ports:` entries -> portMappings. Short syntax `[host_ip:][host[-end]:]container[-end][/proto]`
 * and the long syntax `{ target, published, protocol, host_ip, mode }`. A port with no host side
 * gets no hostPort, which ECS reads as "dynamic" in bridge mode and "same" in awsvpc.
 */
function translatePorts(ctx, value, path) {
    if (!Array.isArray(value)) {
        ctx.problems.error(path, 'must be a list of ports, e.g. ["8080:80", "9000/udp"]');
        return [];
    }
    if (ctx.networkMode === 'none') {
        ctx.problems.error(path, 'a task with network mode none has no ports to publish; remove ports or change the mode');
        return [];
    }
    const mappings = [];
    value.forEach((entry, i) => mappings.push(...translatePort(ctx, entry, [...path, i])));
    return mappings;
}
function translatePort(ctx, entry, path) {
    const spec = isRecord(entry) ? longSyntax(ctx, entry, path) : shortSyntax(ctx, entry, path);
    if (!spec)
        return [];
    const { problems } = ctx;
    if (spec.protocol !== 'tcp' && spec.protocol !== 'udp') {
        problems.error(path, `protocol "${spec.protocol}" is not supported by ECS; use tcp or udp`);
        return [];
    }
    if (spec.hostIp !== undefined) {
        problems.warn(path, `host IP ${spec.hostIp} ignored: ECS cannot bind a port to one host address`);
    }
    const count = spec.container[1] - spec.container[0] + 1;
    if (count < 1) {
        problems.error(path, `port range ${spec.container[0]}-${spec.container[1]} ends before it starts`);
        return [];
    }
    if (count > MAX_RANGE) {
        problems.error(path, `port range of ${count} ports is too large; ECS takes at most ${MAX_RANGE} here`);
        return [];
    }
    if (spec.host && spec.host[1] - spec.host[0] + 1 !== count) {
        problems.error(path, 'host and container port ranges must have the same length');
        return [];
    }
    const protocol = spec.protocol;
    const mappings = [];
    for (let k = 0; k < count; k++) {
        const containerPort = spec.container[0] + k;
        const hostPort = spec.host ? spec.host[0] + k : undefined;
        // Containers that share the host's or the task's network stack cannot remap a port.
        const shared = ctx.networkMode === 'awsvpc' || ctx.networkMode === 'host';
        if (hostPort !== undefined && hostPort !== containerPort && shared) {
            problems.error(path, `host port ${hostPort} differs from container port ${containerPort}, which ${ctx.networkMode} mode` +
                `${ctx.launchType === 'FARGATE' ? ' (required by Fargate)' : ''} does not allow: write "${containerPort}:${containerPort}" or just "${containerPort}"`);
            continue;
        }
        mappings.push({ containerPort, ...(hostPort !== undefined && { hostPort }), protocol });
    }
    return mappings;
}
function shortSyntax(ctx, entry, path) {
    if (typeof entry !== 'string' && typeof entry !== 'number') {
        ctx.problems.error(path, 'must be a port string like "8080:80" or a mapping with target');
        return undefined;
    }
    const text = String(entry).trim();
    const slash = text.indexOf('/');
    const protocol = (slash >= 0 ? text.slice(slash + 1) : 'tcp').toLowerCase();
    const body = slash >= 0 ? text.slice(0, slash) : text;
    // The host IP may be IPv6 in brackets; everything after it splits on ':'.
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(body);
    const parts = v6 ? [v6[1], ...v6[2].split(':')] : body.split(':');
    if (parts.length > 3 || (v6 && parts.length !== 3)) {
        ctx.problems.error(path, `"${text}" is not a port; write [host_ip:][host:]container[/protocol], e.g. "8080:80"`);
        return undefined;
    }
    const container = portRange(ctx, parts[parts.length - 1], 'container', text, path);
    const hostText = parts.length >= 2 ? parts[parts.length - 2] : '';
    const host = hostText === '' ? undefined : portRange(ctx, hostText, 'host', text, path);
    if (!container || (hostText !== '' && !host))
        return undefined;
    return {
        ...(parts.length === 3 && parts[0] !== '' && { hostIp: parts[0] }),
        ...(host && { host }),
        container,
        protocol,
    };
}
function longSyntax(ctx, entry, path) {
    const target = entry.target;
    if (target === undefined) {
        ctx.problems.error([...path, 'target'], 'a long-syntax port needs target (the container port)');
        return undefined;
    }
    const container = portRange(ctx, String(target), 'container', String(target), [...path, 'target']);
    const published = entry.published;
    const hasHost = published !== undefined && published !== null && published !== '';
    const host = hasHost
        ? portRange(ctx, String(published), 'host', String(published), [...path, 'published'])
        : undefined;
    if (!container || (hasHost && !host))
        return undefined;
    if (entry.mode !== undefined && entry.mode !== 'host' && entry.mode !== 'ingress') {
        ctx.problems.error([...path, 'mode'], 'must be host or ingress');
    }
    const hostIp = typeof entry.host_ip === 'string' && entry.host_ip !== '' ? entry.host_ip : undefined;
    return {
        ...(hostIp !== undefined && { hostIp }),
        ...(host && { host }),
        container,
        protocol: typeof entry.protocol === 'string' ? entry.protocol.toLowerCase() : 'tcp',
    };
}
function portRange(ctx, text, side, whole, path) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
    if (!match) {
        ctx.problems.error(path, `"${whole}": ${side} port "${text}" is not a number or a range like 8000-8002`);
        return undefined;
    }
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (const port of [first, last]) {
        if (port < 1 || port > 65535) {
            ctx.problems.error(path, `"${whole}": ${side} port ${port} out of range 1-65535`);
            return undefined;
        }
    }
    return [first, last];
}

;// CONCATENATED MODULE: ./src/ecs/unsupported.ts

/** Keys the container translation reads. */
const TRANSLATED = new Set([
    'image', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'links', 'hostname', 'mem_limit',
    'mem_reservation', 'cpu_shares', 'cpus', 'working_dir', 'user', 'privileged', 'read_only', 'extra_hosts', 'dns',
    'dns_search', 'labels', 'ulimits', 'logging', 'log_driver', 'log_opt', 'healthcheck', 'tmpfs', 'shm_size',
    'cap_add', 'cap_drop', 'devices', 'init', 'stop_grace_period', 'volumes', 'volumes_from', 'depends_on',
    'security_opt', 'sysctls', 'stdin_open', 'tty', 'deploy', 'network_mode', 'networks', 'secrets',
]); // prettier-ignore
/** Why a key that ECS cannot honour is ignored: said once, where it is written. */
const IGNORED = {
    build: 'ECS runs images; build is ignored (the image: is used)',
    container_name: 'ECS names the container after the service',
    restart: 'the ECS service replaces stopped tasks; essential containers stop their task',
    expose: 'ECS has no expose; containers of a task reach each other as the network mode allows',
    external_links: 'ECS cannot link to containers outside the task',
    pid: 'set task_definition.pid_mode in ecs-params.yml instead',
    ipc: 'set task_definition.ipc_mode in ecs-params.yml instead',
    scale: "set the ECS service's desired count instead",
    profiles: 'every service of the file becomes a container of the task',
    domainname: 'ECS has no domain name setting',
    mem_swappiness: 'not translated to ECS',
    memswap_limit: 'not translated to ECS',
    cpu_quota: 'ECS limits CPU with cpu (shares) and the task size',
    cpu_period: 'ECS limits CPU with cpu (shares) and the task size',
    cpuset: 'ECS does not pin CPUs',
    stop_signal: 'ECS always stops with SIGTERM, then SIGKILL',
    platform: "set the task's runtime platform on the ECS side",
    pull_policy: 'ECS pulls images as its agent is configured',
};
const DEPLOY_TRANSLATED = new Set(['resources']);
/**
 * A warning for each key of a service that the translation cannot honour, and an error where
 * dropping it would change behaviour dangerously: a network mode other than the task's (the
 * app expects to see the host, or no network), and compose secrets with nothing to replace them.
 */
function reportUnsupportedKeys(ctx, service, params) {
    const d = service.definition;
    const at = (...path) => [...service.path, ...path];
    for (const key of Object.keys(d)) {
        if (TRANSLATED.has(key) || key.startsWith('x-'))
            continue;
        ctx.problems.warn(at(key), `ignored on ECS: ${IGNORED[key] ?? 'ECS has no equivalent'}`);
    }
    if (isRecord(d.deploy)) {
        for (const key of Object.keys(d.deploy)) {
            if (!DEPLOY_TRANSLATED.has(key))
                ctx.problems.warn(at('deploy', key), 'ignored on ECS: only deploy.resources is translated');
        }
    }
    const networks = d.networks;
    const names = Array.isArray(networks)
        ? networks.map(String)
        : isRecord(networks)
            ? Object.keys(networks)
            : [];
    for (const name of names) {
        if (name !== 'default') {
            ctx.problems.warn(at('networks', Array.isArray(networks) ? names.indexOf(name) : name), `network "${name}" ignored: the containers of an ECS task share the task's ${ctx.networkMode} network`);
        }
    }
    const mode = d.network_mode;
    if (typeof mode === 'string' && mode !== ctx.networkMode) {
        if (/^(service|container):/.test(mode) && ctx.networkMode === 'awsvpc') {
            ctx.problems.warn(at('network_mode'), 'the containers of an awsvpc task already share one network namespace');
        }
        else {
            ctx.problems.error(at('network_mode'), `network_mode "${mode}" differs from the task's network mode "${ctx.networkMode}"` +
                (['bridge', 'host', 'awsvpc', 'none'].includes(mode)
                    ? `: set task_definition.ecs_network_mode: ${mode} in ecs-params.yml, or remove network_mode`
                    : ': ECS cannot share a network namespace with a container outside awsvpc mode'));
        }
    }
    if (d.secrets !== undefined && !params?.secrets) {
        ctx.problems.error(at('secrets'), `compose secrets are files on your machine and do not reach ECS: give them under task_definition.services.${service.name}.secrets in ecs-params.yml (value_from: a Secrets Manager or SSM ARN)`);
    }
    else if (d.secrets !== undefined) {
        ctx.problems.warn(at('secrets'), 'replaced by the secrets of ecs-params.yml');
    }
}

;// CONCATENATED MODULE: ./src/ecs/volumes.ts


/**
 * The task's `volumes`, filled as containers mount them: one ECS volume per compose named volume,
 * per host path and per anonymous volume, in the order they are first used.
 */
class TaskVolumes {
    ctx;
    dockerVolumes;
    byName = new Map();
    hostNames = new Map();
    constructor(ctx, dockerVolumes) {
        this.ctx = ctx;
        this.dockerVolumes = dockerVolumes;
    }
    list() {
        return [...this.byName.values()];
    }
    /** A compose named volume; its settings come from ecs-params docker_volumes, else the top-level entry. */
    named(name, path) {
        const { project, problems } = this.ctx;
        const ecsName = volumeName(name);
        if (this.byName.has(ecsName))
            return ecsName;
        const params = this.dockerVolumes.get(name);
        if (!(name in project.volumes) && !params) {
            problems.error(path, `named volume "${name}" is not declared under the top-level volumes: key`);
            return undefined;
        }
        const top = project.volumes[name] ?? null;
        if (params) {
            this.byName.set(ecsName, { name: ecsName, dockerVolumeConfiguration: params.configuration });
        }
        else if (top && (top.driver !== undefined || top.driver_opts !== undefined || top.external)) {
            if (top.external) {
                problems.warn(['volumes', name, 'external'], 'ECS has no external volumes; the task gets its own Docker volume. For one shared between tasks, ' +
                    `declare "${name}" under task_definition.docker_volumes in ecs-params.yml with scope: shared`);
            }
            this.byName.set(ecsName, { name: ecsName, dockerVolumeConfiguration: dockerConfig(top) });
        }
        else {
            // Docker-managed scratch space that lives as long as the task, like a compose volume in one run.
            this.byName.set(ecsName, { name: ecsName });
        }
        if (this.ctx.launchType === 'FARGATE' && this.byName.get(ecsName)?.dockerVolumeConfiguration) {
            problems.error(path, `volume "${name}" needs a Docker volume driver, which Fargate does not have`);
        }
        return ecsName;
    }
    host(sourcePath) {
        const known = this.hostNames.get(sourcePath);
        if (known)
            return known;
        const name = this.unique(volumeName(`host${sourcePath}`));
        this.hostNames.set(sourcePath, name);
        this.byName.set(name, { name, host: { sourcePath } });
        return name;
    }
    anonymous(service, target) {
        const name = this.unique(volumeName(`${service}${target}`));
        this.byName.set(name, { name });
        return name;
    }
    unique(base) {
        let name = base;
        for (let n = 2; this.byName.has(name); n++)
            name = `${base}-${n}`;
        return name;
    }
}
/** ECS volume names allow letters, digits, `-` and `_`; compose names and paths may hold more. */
function volumeName(text) {
    return (text
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 255) || 'volume');
}
function dockerConfig(top) {
    const strings = (value) => {
        if (!isRecord(value))
            return undefined;
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = scalarText(v) ?? '';
        return out;
    };
    const driverOpts = strings(top.driver_opts);
    const labels = strings(top.labels);
    return {
        scope: 'task',
        driver: typeof top.driver === 'string' ? top.driver : 'local',
        ...(driverOpts && { driverOpts }),
        ...(labels && { labels }),
    };
}
/** A service's `volumes:` (short and long syntax) and `tmpfs:` -> mountPoints and tmpfs mounts. */
function translateMounts(ctx, volumes, service) {
    const out = { mountPoints: [], tmpfs: [] };
    const list = service.definition.volumes;
    const path = [...service.path, 'volumes'];
    if (list !== undefined && list !== null) {
        if (!Array.isArray(list))
            ctx.problems.error(path, 'must be a list of mounts, e.g. ["data:/var/lib/data"]');
        else
            list.forEach((entry, i) => mount(ctx, volumes, service, entry, [...path, i], out));
    }
    const tmpfs = service.definition.tmpfs;
    if (tmpfs !== undefined && tmpfs !== null) {
        const tmpfsPath = [...service.path, 'tmpfs'];
        const entries = Array.isArray(tmpfs) ? tmpfs : [tmpfs];
        entries.forEach((entry, i) => {
            const at = Array.isArray(tmpfs) ? [...tmpfsPath, i] : tmpfsPath;
            if (typeof entry !== 'string')
                ctx.problems.error(at, 'must be a path like "/run:size=64m"');
            else {
                const [target = '', options = ''] = splitOnce(entry, ':');
                const mount = tmpfsMount(ctx, target, options.split(',').filter(Boolean), undefined, at);
                if (mount)
                    out.tmpfs.push(mount);
            }
        });
    }
    return out;
}
function mount(ctx, volumes, service, entry, path, out) {
    let source;
    let target;
    let readOnly = false;
    let type;
    if (isRecord(entry)) {
        type = typeof entry.type === 'string' ? entry.type : undefined;
        source = typeof entry.source === 'string' && entry.source !== '' ? entry.source : undefined;
        target = typeof entry.target === 'string' ? entry.target : '';
        readOnly = entry.read_only === true;
        if (type === 'tmpfs') {
            const size = isRecord(entry.tmpfs) ? entry.tmpfs.size : undefined;
            const mode = isRecord(entry.tmpfs) ? scalarText(entry.tmpfs.mode ?? null) : undefined;
            const mount = tmpfsMount(ctx, target, mode ? [`mode=${mode}`] : [], size, path);
            if (mount)
                out.tmpfs.push(mount);
            return;
        }
        if (type !== undefined && type !== 'volume' && type !== 'bind') {
            ctx.problems.error([...path, 'type'], `mount type "${type}" is not supported on ECS; use volume, bind or tmpfs`);
            return;
        }
    }
    else if (typeof entry === 'string') {
        const parts = entry.split(':');
        if (parts.length > 3 || parts.some((p) => p === '')) {
            ctx.problems.error(path, `"${entry}" is not a mount; write [source:]target[:ro]`);
            return;
        }
        if (parts.length === 1)
            target = parts[0];
        else
            [source, target = ''] = parts;
        for (const option of (parts[2] ?? '').split(',').filter(Boolean)) {
            if (option === 'ro')
                readOnly = true;
            else if (option !== 'rw')
                ctx.problems.warn(path, `mount option "${option}" ignored: ECS does not support it`);
        }
    }
    else {
        ctx.problems.error(path, 'must be a mount string like "data:/data:ro" or a mapping with type, source, target');
        return;
    }
    if (!target.startsWith('/')) {
        ctx.problems.error(path, `container path "${target}" must be absolute`);
        return;
    }
    const isPath = source !== undefined && /^[./~]/.test(source);
    let sourceVolume;
    if (source === undefined)
        sourceVolume = volumes.anonymous(service.name, target);
    else if (type === 'bind' || (type === undefined && isPath)) {
        if (!source.startsWith('/')) {
            ctx.problems.error(path, `host path "${source}" is relative to your machine, but on ECS it would be read on the container instance: ` +
                'use an absolute path that exists there, or a named volume');
            return;
        }
        if (ctx.launchType === 'FARGATE') {
            ctx.problems.error(path, `Fargate has no host paths to mount ("${source}"); use a named volume`);
            return;
        }
        sourceVolume = volumes.host(source);
    }
    else
        sourceVolume = volumes.named(source, path);
    if (sourceVolume)
        out.mountPoints.push({ sourceVolume, containerPath: target, readOnly });
}
function tmpfsMount(ctx, target, options, size, path) {
    if (!target.startsWith('/')) {
        ctx.problems.error(path, `tmpfs path "${target}" must be absolute`);
        return undefined;
    }
    if (ctx.launchType === 'FARGATE') {
        ctx.problems.error(path, 'Fargate does not support tmpfs mounts; use a named volume');
        return undefined;
    }
    const mountOptions = [];
    for (const option of options) {
        if (option.startsWith('size='))
            size = option.slice(5);
        else
            mountOptions.push(option);
    }
    const bytes = size === undefined ? undefined : parseBytes(size);
    if (bytes === undefined || bytesToMiB(bytes) < 1) {
        ctx.problems.error(path, size === undefined
            ? `ECS needs a size for tmpfs ${target}: write "${target}:size=64m"`
            : `tmpfs size "${String(size)}" is not a size of at least 1m (units b, k, m, g)`);
        return undefined;
    }
    return { containerPath: target, size: bytesToMiB(bytes), ...(mountOptions.length > 0 && { mountOptions }) };
}
/** `volumes_from: [service, service:ro]` -> volumesFrom. `container:name` has no ECS equivalent. */
function translateVolumesFrom(ctx, value, path) {
    if (!Array.isArray(value)) {
        ctx.problems.error(path, 'must be a list of service names');
        return [];
    }
    const out = [];
    value.forEach((entry, i) => {
        const at = [...path, i];
        if (typeof entry !== 'string')
            return ctx.problems.error(at, 'must be a service name');
        const parts = entry.split(':');
        if (parts[0] === 'container') {
            return ctx.problems.error(at, 'ECS can only share volumes between containers of the task; name a service');
        }
        const [source = '', mode] = parts;
        if (!ctx.project.services.has(source))
            return ctx.problems.error(at, `unknown service "${source}"`);
        if (mode !== undefined && mode !== 'ro' && mode !== 'rw') {
            return ctx.problems.error(at, `mode "${mode}" must be ro or rw`);
        }
        out.push({ sourceContainer: source, readOnly: mode === 'ro' });
    });
    return out;
}
function splitOnce(text, separator) {
    const at = text.indexOf(separator);
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

;// CONCATENATED MODULE: ./src/ecs/container.ts








/** Docker security options ECS passes on (on EC2); others (seccomp, ...) have no ECS field. */
const SECURITY_OPTIONS = /^(no-new-privileges(:true)?|apparmor:.+|label:.+|credentialspec:.+)$/;
/**
 * One compose service -> one ECS container definition (named after the service). dependsOn is
 * filled later, when every service is known. Problems go to ctx.problems.
 */
function translateContainer(ctx, service, volumes, params, taskMemory) {
    const d = service.definition;
    const at = (...path) => [...service.path, ...path];
    const has = (key) => d[key] !== undefined && d[key] !== null;
    const fargate = ctx.launchType === 'FARGATE';
    const habitat = ctx.habitatServices.get(service.name);
    reportUnsupportedKeys(ctx, service, params);
    const c = { name: service.name };
    if (habitat)
        c.image = habitat.image;
    else if (typeof d.image === 'string' && d.image !== '')
        c.image = d.image;
    else {
        ctx.problems.error(at(has('build') ? 'build' : 'image'), "ECS runs images, not builds: set image: to a pushed image, or name this service's Habitat package (x-habitat.package)");
    }
    if (params?.repositoryCredentials)
        c.repositoryCredentials = params.repositoryCredentials;
    Object.assign(c, translateResources(ctx, service, params, taskMemory));
    c.essential = params?.essential ?? true;
    if (has('command'))
        c.command = commandWords(ctx, d.command, at('command'));
    if (has('entrypoint'))
        c.entryPoint = commandWords(ctx, d.entrypoint, at('entrypoint'));
    if (has('environment')) {
        const env = environment(ctx, d.environment, at('environment'));
        if (env.length > 0)
            c.environment = env;
    }
    if (has('ports')) {
        const ports = translatePorts(ctx, d.ports, at('ports'));
        if (ports.length > 0)
            c.portMappings = ports;
    }
    const mounts = translateMounts(ctx, volumes, service);
    if (mounts.mountPoints.length > 0)
        c.mountPoints = mounts.mountPoints;
    if (has('volumes_from'))
        c.volumesFrom = translateVolumesFrom(ctx, d.volumes_from, at('volumes_from'));
    // Hostnames and links only mean something with a network of their own per container.
    // Habitat containers keep them here: the Habitat pass rewrites their peers and drops them.
    if (has('links')) {
        const links = stringList(ctx, d.links, at('links'));
        links.forEach((link, i) => {
            const target = link.split(':')[0] ?? '';
            if (!ctx.project.services.has(target))
                ctx.problems.error(at('links', i), `unknown service "${target}"`);
        });
        if (ctx.networkMode === 'bridge' || (habitat && ctx.networkMode === 'awsvpc'))
            c.links = links;
        else {
            ctx.problems.error(at('links'), `links work only in bridge mode, and this task uses ${ctx.networkMode}: containers of the task reach each other on localhost; remove links and connect to localhost:<port>`);
        }
    }
    if (typeof d.hostname === 'string') {
        if (ctx.networkMode !== 'awsvpc' || habitat)
            c.hostname = d.hostname;
        else {
            ctx.problems.error(at('hostname'), 'ECS does not allow a container hostname in awsvpc mode: remove hostname; other containers of the task reach this one on localhost');
        }
    }
    if (has('user'))
        c.user = scalarText(d.user);
    if (typeof d.working_dir === 'string')
        c.workingDirectory = d.working_dir;
    if (d.privileged === true) {
        if (fargate)
            ctx.problems.error(at('privileged'), 'Fargate does not run privileged containers; remove privileged');
        else
            c.privileged = true;
    }
    if (typeof d.read_only === 'boolean')
        c.readonlyRootFilesystem = d.read_only;
    for (const [key, field] of [
        ['dns', 'dnsServers'],
        ['dns_search', 'dnsSearchDomains'],
        ['extra_hosts', 'extraHosts'],
    ]) {
        if (!has(key))
            continue;
        if (ctx.networkMode === 'awsvpc') {
            ctx.problems.error(at(key), `ECS does not allow ${key} in awsvpc mode (the VPC's DNS settings apply); remove it`);
        }
        else if (key === 'extra_hosts')
            c.extraHosts = extraHosts(ctx, d[key], at(key));
        else
            c[field] = stringList(ctx, d[key], at(key));
    }
    if (has('security_opt')) {
        const options = stringList(ctx, d.security_opt, at('security_opt'));
        const kept = options.filter((o) => SECURITY_OPTIONS.test(o));
        options.forEach((o, i) => {
            if (!kept.includes(o))
                ctx.problems.warn(at('security_opt', i), `"${o}" ignored: ECS does not support it`);
        });
        if (kept.length > 0 && fargate)
            ctx.problems.error(at('security_opt'), 'Fargate does not support security_opt');
        else if (kept.length > 0)
            c.dockerSecurityOptions = kept;
    }
    if (typeof d.stdin_open === 'boolean')
        c.interactive = d.stdin_open;
    if (typeof d.tty === 'boolean')
        c.pseudoTerminal = d.tty;
    if (has('labels')) {
        const labels = keyValues(ctx, d.labels, at('labels'), 'label') ?? [];
        if (labels.length > 0)
            c.dockerLabels = Object.fromEntries(labels);
    }
    if (has('ulimits'))
        c.ulimits = ulimits(ctx, d.ulimits, at('ulimits'));
    if (isRecord(d.logging)) {
        const log = logConfiguration(ctx, d.logging.driver, d.logging.options, at('logging'));
        if (log)
            c.logConfiguration = log;
    }
    else if (has('log_driver')) {
        const log = logConfiguration(ctx, d.log_driver, d.log_opt, at('log_driver'));
        if (log)
            c.logConfiguration = log;
    }
    const healthCheck = params?.healthCheck ??
        (has('healthcheck') ? translateHealthcheck(ctx.problems, d.healthcheck, at('healthcheck')) : undefined);
    if (healthCheck)
        c.healthCheck = healthCheck;
    if (has('sysctls')) {
        if (fargate)
            ctx.problems.error(at('sysctls'), 'Fargate does not support sysctls');
        else
            c.systemControls = systemControls(ctx, d.sysctls, at('sysctls'));
    }
    if (has('stop_grace_period')) {
        const seconds = parseDuration(d.stop_grace_period);
        const max = fargate ? 120 : Infinity;
        if (seconds === undefined)
            ctx.problems.error(at('stop_grace_period'), 'must be a duration like 30s or 1m30s');
        else if (Math.ceil(seconds) > max)
            ctx.problems.error(at('stop_grace_period'), `Fargate allows at most ${max}s`);
        else
            c.stopTimeout = Math.ceil(seconds);
    }
    if (params?.secrets)
        c.secrets = params.secrets;
    if (params?.firelensConfiguration)
        c.firelensConfiguration = params.firelensConfiguration;
    if (params?.gpu)
        c.resourceRequirements = [{ type: 'GPU', value: params.gpu }];
    const linux = linuxParameters(ctx, service, params, mounts.tmpfs);
    if (Object.keys(linux).length > 0)
        c.linuxParameters = linux;
    return c;
}
function linuxParameters(ctx, service, params, tmpfs) {
    const d = service.definition;
    const at = (key) => [...service.path, key];
    const fargate = ctx.launchType === 'FARGATE';
    const linux = {};
    const add = d.cap_add === undefined ? [] : capabilities(ctx, d.cap_add, at('cap_add'));
    const drop = d.cap_drop === undefined ? [] : capabilities(ctx, d.cap_drop, at('cap_drop'));
    if (fargate && add.some((c) => c !== 'SYS_PTRACE')) {
        ctx.problems.error(at('cap_add'), 'Fargate can only add the SYS_PTRACE capability');
    }
    if (add.length > 0 || drop.length > 0) {
        linux.capabilities = { ...(add.length > 0 && { add }), ...(drop.length > 0 && { drop }) };
    }
    if (d.devices !== undefined && d.devices !== null) {
        if (fargate)
            ctx.problems.error(at('devices'), 'Fargate does not give containers host devices; remove devices');
        else
            linux.devices = devices(ctx, d.devices, at('devices'));
    }
    const init = params?.initProcessEnabled ?? (typeof d.init === 'boolean' ? d.init : undefined);
    if (init !== undefined)
        linux.initProcessEnabled = init;
    if (d.shm_size !== undefined && d.shm_size !== null) {
        const bytes = parseBytes(d.shm_size);
        if (bytes === undefined || bytesToMiB(bytes) < 1) {
            ctx.problems.error(at('shm_size'), `"${String(d.shm_size)}" is not a size of at least 1m (units b, k, m, g)`);
        }
        else if (fargate)
            ctx.problems.error(at('shm_size'), 'Fargate does not support shm_size');
        else
            linux.sharedMemorySize = bytesToMiB(bytes);
    }
    if (tmpfs.length > 0)
        linux.tmpfs = tmpfs;
    return linux;
}

;// CONCATENATED MODULE: ./src/ecs/depends.ts

const depends_CONDITIONS = {
    service_started: 'START',
    service_healthy: 'HEALTHY',
    service_completed_successfully: 'SUCCESS',
};
/**
 * `depends_on` (list, or map with conditions) of every service -> dependsOn per container.
 * ecs-params depends_on entries replace compose's for the same target. An unknown service or
 * a cycle is an error at the entry that names it: ECS would refuse the cycle, or never start.
 */
function translateDependsOn(ctx, params) {
    const edges = new Map();
    for (const [name, service] of ctx.project.services) {
        const path = ['services', name, 'depends_on'];
        const value = service.definition.depends_on;
        const list = [];
        if (Array.isArray(value)) {
            value.forEach((target, i) => list.push({ target: String(target), condition: 'START', path: [...path, i] }));
        }
        else if (isRecord(value)) {
            for (const [target, spec] of Object.entries(value)) {
                const raw = isRecord(spec) && typeof spec.condition === 'string' ? spec.condition : 'service_started';
                const condition = depends_CONDITIONS[raw];
                if (!condition) {
                    ctx.problems.error([...path, target, 'condition'], `"${raw}" must be one of ${Object.keys(depends_CONDITIONS).join(', ')}`);
                }
                list.push({ target, condition: condition ?? 'START', path: [...path, target] });
            }
        }
        else if (value !== undefined && value !== null) {
            ctx.problems.error(path, 'must be a list of services or a mapping of service to { condition }');
        }
        for (const dep of params.get(name)?.dependsOn ?? []) {
            const at = list.findIndex((e) => e.target === dep.containerName);
            const edge = { target: dep.containerName ?? '', condition: dep.condition, path };
            if (at >= 0)
                list[at] = { ...edge, path: list[at].path };
            else
                list.push(edge);
        }
        edges.set(name, list.filter((e) => known(ctx, name, e)));
    }
    reportCycles(ctx, edges);
    const out = new Map();
    for (const [name, list] of edges) {
        if (list.length > 0)
            out.set(name, list.map((e) => ({ containerName: e.target, condition: e.condition })));
    }
    return out;
}
function known(ctx, from, edge) {
    if (edge.target === from) {
        ctx.problems.error(edge.path, `service "${from}" cannot depend on itself`);
        return false;
    }
    if (ctx.project.services.has(edge.target))
        return true;
    const names = [...ctx.project.services.keys()].join(', ');
    ctx.problems.error(edge.path, `unknown service "${edge.target}"; the services are ${names}`);
    return false;
}
/** Depth-first search; each cycle is reported once, at the edge that closes it. */
function reportCycles(ctx, edges) {
    const state = new Map();
    const stack = [];
    const visit = (name) => {
        state.set(name, 'visiting');
        stack.push(name);
        for (const edge of edges.get(name) ?? []) {
            const s = state.get(edge.target);
            if (s === 'visiting') {
                const cycle = [...stack.slice(stack.indexOf(edge.target)), edge.target].join(' -> ');
                ctx.problems.error(edge.path, `depends_on cycle: ${cycle}; ECS could never start these containers`);
            }
            else if (s === undefined)
                visit(edge.target);
        }
        stack.pop();
        state.set(name, 'done');
    };
    for (const name of edges.keys())
        if (!state.has(name))
            visit(name);
}

;// CONCATENATED MODULE: ./src/habitat/supervisor.ts
/**
 * Supervisor arguments in a container `command`: parse them into flags, let the ECS pass read and
 * rewrite values, and serialise them back to exactly what the user wrote (plus any edits).
 *
 * The image's entrypoint turns arguments that start with `-` into `hab sup run <origin/name> ...`,
 * so the flags are those of `hab sup run` (habitat-sh/habitat, components/hab/src/cli/hab/sup.rs
 * and the shared `svc load` flags in svc.rs).
 */

const oneOf = (...allowed) => (value) => allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`;
const supervisor_wholeNumber = (value) => /^\d+$/.test(value) ? undefined : 'must be a whole number of seconds or items';
const listenAddress = (value) => splitHostPort(value)?.port === undefined ? 'must be <address>:<port>, e.g. 0.0.0.0:9638' : undefined;
const peerAddress = (value) => splitHostPort(value) ? undefined : 'must be <host>[:<port>]';
const ipAddress = (value) => isIpAddress(value) ? undefined : 'must be an IP address';
const serviceBind = (value) => parseBind(value) ? undefined : 'must be <name>:<service>.<group>, e.g. database:mongodb.default';
const SPECS = [
    // Networking and the gossip ring
    { long: 'listen-gossip', arity: 'single', check: listenAddress },
    { long: 'local-gossip-mode', arity: 'boolean' },
    { long: 'listen-http', arity: 'single', check: listenAddress },
    { long: 'http-disable', short: 'D', arity: 'boolean' },
    { long: 'listen-ctl', arity: 'single', check: listenAddress },
    { long: 'ctl-server-certificate', arity: 'single' },
    { long: 'ctl-server-key', arity: 'single' },
    { long: 'ctl-client-ca-certificate', arity: 'single' },
    { long: 'org', arity: 'single' },
    { long: 'peer', arity: 'multi', check: peerAddress },
    { long: 'permanent-peer', short: 'I', arity: 'boolean' },
    { long: 'peer-watch-file', arity: 'single' },
    { long: 'cache-key-path', arity: 'single' },
    { long: 'ring', short: 'r', arity: 'single' },
    { long: 'ring-key', arity: 'single' },
    { long: 'sys-ip-address', arity: 'single', check: ipAddress },
    // Updates and restarts
    { long: 'auto-update', short: 'A', arity: 'boolean' },
    { long: 'auto-update-period', arity: 'single', check: supervisor_wholeNumber },
    { long: 'service-update-period', arity: 'single', check: supervisor_wholeNumber },
    { long: 'service-min-backoff-period', arity: 'single', check: supervisor_wholeNumber },
    { long: 'service-max-backoff-period', arity: 'single', check: supervisor_wholeNumber },
    { long: 'service-restart-cooldown-period', arity: 'single', check: supervisor_wholeNumber },
    { long: 'keep-latest-packages', arity: 'single', check: supervisor_wholeNumber },
    // HTTP gateway TLS
    { long: 'key', arity: 'single' },
    { long: 'certs', arity: 'single' },
    { long: 'ca-certs', arity: 'single' },
    // Logging
    { long: 'verbose', short: 'v', shortOnly: true, arity: 'boolean' },
    { long: 'no-color', arity: 'boolean' },
    { long: 'json-logging', arity: 'boolean' },
    // Event stream
    { long: 'event-stream-application', arity: 'single' },
    { long: 'event-stream-environment', arity: 'single' },
    { long: 'event-stream-connect-timeout', arity: 'single', check: supervisor_wholeNumber },
    { long: 'event-stream-url', arity: 'single' },
    { long: 'event-stream-site', arity: 'single' },
    { long: 'event-stream-token', arity: 'single' },
    { long: 'event-meta', arity: 'multi' },
    { long: 'event-stream-server-certificate', arity: 'single' },
    { long: 'svc-config-paths', arity: 'multi' },
    // The service the Supervisor loads (shared with `hab svc load`)
    { long: 'channel', arity: 'single' },
    { long: 'url', short: 'u', arity: 'single' },
    { long: 'group', arity: 'single' },
    { long: 'topology', short: 't', arity: 'single', check: oneOf('standalone', 'leader') },
    { long: 'strategy', short: 's', arity: 'single', check: oneOf('none', 'at-once', 'rolling') },
    { long: 'update-condition', arity: 'single', check: oneOf('latest', 'track-channel') },
    { long: 'bind', arity: 'multi', check: serviceBind },
    { long: 'binding-mode', arity: 'single', check: oneOf('strict', 'relaxed') },
    { long: 'health-check-interval', short: 'i', arity: 'single', check: supervisor_wholeNumber },
    { long: 'shutdown-timeout', arity: 'single', check: supervisor_wholeNumber },
    { long: 'config-from', arity: 'single' },
];
/** Pairs `hab sup run` refuses together (clap `conflicts_with`). */
const CONFLICTS = [
    ['local-gossip-mode', 'listen-gossip'],
    ['local-gossip-mode', 'peer'],
    ['local-gossip-mode', 'peer-watch-file'],
    ['peer-watch-file', 'peer'],
    ['ring', 'ring-key'],
];
const BY_LONG = new Map(SPECS.filter((s) => !s.shortOnly).map((s) => [s.long, s]));
const BY_SHORT = new Map(SPECS.filter((s) => s.short).map((s) => [s.short, s]));
/** True when a container command is Supervisor arguments rather than a program to run. */
function isSupervisorCommand(command) {
    return command === undefined || command.length === 0 || (command[0] ?? '').startsWith('-');
}
function parseSupervisorArgs(tokens) {
    const flags = [];
    let i = 0;
    const fail = (problem) => ({ ok: false, problem });
    while (i < tokens.length) {
        const token = tokens[i];
        i += 1;
        if (token === '--' || !token.startsWith('-') || token === '-') {
            return fail(`unexpected argument "${token}": only Supervisor flags may follow, the image already names the package to run`);
        }
        let spec;
        let written;
        let inline;
        let form = 'separate';
        if (token.startsWith('--')) {
            const eq = token.indexOf('=');
            written = eq < 0 ? token : token.slice(0, eq);
            inline = eq < 0 ? undefined : token.slice(eq + 1);
            if (inline !== undefined)
                form = 'equals';
            spec = BY_LONG.get(written.slice(2));
            if (!spec)
                return fail(`unknown Supervisor flag "${written}"${suggestion(written.slice(2))}`);
        }
        else {
            written = token.slice(0, 2);
            spec = BY_SHORT.get(token.charAt(1));
            if (!spec)
                return fail(`unknown Supervisor flag "${written}"`);
            const rest = token.slice(2);
            if (spec.arity === 'boolean' && rest !== '') {
                // A cluster of short booleans, like `-Iv`.
                flags.push({ name: spec.long, written, form, values: [] });
                for (const letter of rest) {
                    const next = BY_SHORT.get(letter);
                    if (!next || next.arity !== 'boolean') {
                        return fail(`"${token}": "-${letter}" cannot be combined with other short flags; write it separately`);
                    }
                    flags.push({ name: next.long, written: letter, form: 'clustered', values: [] });
                }
                continue;
            }
            if (rest.startsWith('='))
                [inline, form] = [rest.slice(1), 'equals'];
            else if (rest !== '')
                [inline, form] = [rest, 'attached'];
        }
        if (spec.arity === 'boolean') {
            if (inline !== undefined)
                return fail(`"${written}" is a switch and takes no value (found "${token}")`);
            flags.push({ name: spec.long, written, form, values: [] });
            continue;
        }
        const values = [];
        if (inline !== undefined)
            values.push(inline);
        else if (i < tokens.length && !tokens[i].startsWith('-'))
            values.push(tokens[i++]);
        if (values.length === 0 || values[0] === '')
            return fail(`"${written}" needs a value`);
        // clap accepts several values after one occurrence of a Vec flag: `--peer a b`.
        while (spec.arity === 'multi' && i < tokens.length && !tokens[i].startsWith('-')) {
            values.push(tokens[i++]);
        }
        for (const value of values) {
            const problem = spec.check?.(value);
            if (problem)
                return fail(`"${written} ${value}": ${problem}`);
        }
        flags.push({ name: spec.long, written, form, values });
    }
    const names = new Set(flags.map((f) => f.name));
    const conflict = CONFLICTS.find(([a, b]) => names.has(a) && names.has(b));
    if (conflict)
        return fail(`--${conflict[0]} and --${conflict[1]} cannot be used together`);
    return { ok: true, args: { flags } };
}
/** The tokens for a container `command`, in the user's order and spelling. */
function serializeSupervisorArgs(args) {
    const tokens = [];
    for (const flag of args.flags) {
        if (flag.form === 'clustered') {
            const last = tokens.length - 1;
            tokens[last] = `${tokens[last] ?? ''}${flag.written}`;
            continue;
        }
        const [first, ...rest] = flag.values;
        if (first === undefined)
            tokens.push(flag.written);
        else if (flag.form === 'equals')
            tokens.push(`${flag.written}=${first}`);
        else if (flag.form === 'attached')
            tokens.push(`${flag.written}${first}`);
        else
            tokens.push(flag.written, first);
        tokens.push(...rest);
    }
    return tokens;
}
/** Every value given to a flag, across all its occurrences, in order. */
function flagValues(args, name) {
    return args.flags.filter((f) => f.name === name).flatMap((f) => f.values);
}
/** The last value given to a single-valued flag (clap keeps the last), if any. */
function lastFlagValue(args, name) {
    return flagValues(args, name).at(-1);
}
function hasFlag(args, name) {
    return args.flags.some((f) => f.name === name);
}
/** `name:service.group[@org]`, as Habitat's ServiceBind reads it. */
function parseBind(value) {
    const match = /^([A-Za-z0-9_-]+):([^.:@\s]+)\.([^.:@\s]+)(?:@([^.:@\s]+))?$/.exec(value);
    if (!match)
        return undefined;
    const [, name, service, group, org] = match;
    return org === undefined ? { name, service, group } : { name, service, group, org };
}
/** `host`, `host:port`, `a.b.c.d:port` or `[v6]:port`; undefined when malformed. */
function splitHostPort(value) {
    const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(value);
    const plain = /^([A-Za-z0-9_.-]+)(?::(\d+))?$/.exec(value);
    const match = bracketed ?? plain;
    if (!match || match[1] === undefined)
        return undefined;
    if (match[2] === undefined)
        return { host: match[1] };
    const port = Number(match[2]);
    return port >= 1 && port <= 65535 ? { host: match[1], port } : undefined;
}
function isIpAddress(value) {
    const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
    if (v4)
        return v4.slice(1).every((part) => Number(part) <= 255);
    return value.includes(':') && /^[0-9A-Fa-f:.]+$/.test(value);
}
/** The flag a user most likely meant, for "unknown flag" messages. */
function suggestion(long) {
    const match = closest(long, SPECS.map((s) => s.long));
    return match ? `; did you mean --${match}?` : '';
}

;// CONCATENATED MODULE: ./src/ecs/habitat-context.ts


function commandPath(name) {
    return ['services', name, 'command'];
}
function buildContext(taskDefinition, project, habitatServices, options) {
    const containers = taskDefinition.containerDefinitions ?? [];
    const byName = new Map(containers.map((c) => [c.name ?? '', c]));
    const mode = taskDefinition.networkMode;
    const context = {
        project,
        options,
        sharedNamespace: mode === 'awsvpc' || mode === 'host',
        networkMode: mode ?? 'bridge',
        containers,
        byName,
        habitat: [],
        hostnames: new Map(containers.filter((c) => c.hostname).map((c) => [c.name ?? '', c.hostname])),
        problems: Problems.forProject(project),
    };
    // Compose order, which is what the port scheme counts in.
    const order = [...project.services.keys(), ...byName.keys()].filter((n, i, all) => all.indexOf(n) === i);
    for (const name of order) {
        const service = habitatServices.get(name);
        const definition = byName.get(name);
        if (!service || !definition)
            continue;
        context.habitat.push(habitat_context_describe(context, name, definition, service));
    }
    return context;
}
function habitat_context_describe(context, name, definition, service) {
    const packageName = service.repository.split('/').at(-1) ?? service.repository;
    const fromExtension = service.extension?.group;
    const container = {
        name,
        definition,
        service,
        packageName,
        group: fromExtension ?? 'default',
    };
    if (!isSupervisorCommand(definition.command))
        return container;
    const parsed = parseSupervisorArgs(definition.command ?? []);
    if (!parsed.ok) {
        context.problems.error(commandPath(name), `${parsed.problem} (Supervisor arguments of "${name}")`);
        return container;
    }
    container.args = parsed.args;
    const fromFlag = lastFlagValue(parsed.args, 'group');
    if (fromFlag !== undefined) {
        container.group = fromFlag;
        if (fromExtension !== undefined && fromExtension !== fromFlag) {
            context.problems.warn(commandPath(name), `--group ${fromFlag} in the command and x-habitat group "${fromExtension}" disagree; ` +
                `the Supervisor runs with --group ${fromFlag}, so the action uses that`);
        }
    }
    return container;
}
/** Puts edited Supervisor arguments back into each container's command. */
function writeBackCommands(context) {
    for (const container of context.habitat) {
        if (!container.args)
            continue;
        const tokens = serializeSupervisorArgs(container.args);
        if (tokens.length > 0 || container.definition.command !== undefined)
            container.definition.command = tokens;
    }
}
/** The value of an environment variable set in a container definition, if any. */
function environmentValue(definition, name) {
    return definition.environment?.find((e) => e.name === name)?.value;
}
/** True when a container sets a variable, as a plain value or from a secret. */
function setsVariable(definition, name) {
    return ((definition.environment ?? []).some((e) => e.name === name) ||
        (definition.secrets ?? []).some((s) => s.name === name));
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const smol_toml_dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

;// CONCATENATED MODULE: ./src/ecs/habitat-environment.ts



/** The image does not accept the Chef license for the user; without it the Supervisor exits at once. */
function acceptLicense(context) {
    if (!context.options.acceptLicense)
        return;
    for (const { definition } of context.habitat) {
        if (setsVariable(definition, 'HAB_LICENSE'))
            continue;
        const environment = [
            ...(definition.environment ?? []),
            { name: 'HAB_LICENSE', value: 'accept-no-persist' },
        ];
        definition.environment = environment.sort((a, b) => (a.name ?? '') < (b.name ?? '') ? -1 : a.name === b.name ? 0 : 1);
    }
}
/** `HAB_MONGODB` for `mongodb`: the variable the Supervisor reads service configuration from. */
function configVariable(packageName) {
    return `HAB_${packageName.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * Service configuration passes through unchanged, but a value the Supervisor cannot read (neither
 * TOML nor JSON) is ignored by it with only a log line, so say so before deploying.
 */
function checkServiceConfig(context) {
    for (const { name, definition, packageName } of context.habitat) {
        const variable = configVariable(packageName);
        const value = environmentValue(definition, variable);
        if (value === undefined)
            continue;
        const problem = configProblem(value);
        if (problem === undefined)
            continue;
        context.problems.warn(['services', name, 'environment', variable], `${variable} of "${name}" is neither TOML nor a JSON object (${problem}); the Supervisor ignores ` +
            `configuration it cannot parse and ${packageName} runs with its defaults`);
    }
}
function configProblem(value) {
    try {
        parse(value);
        return undefined;
    }
    catch (tomlError) {
        try {
            const json = JSON.parse(value);
            if (typeof json === 'object' && json !== null && !Array.isArray(json))
                return undefined;
        }
        catch {
            // Report the TOML error: TOML is what Habitat documents first.
        }
        return `TOML: ${firstLine(tomlError)}`;
    }
}
function firstLine(e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
/** Container health check settings: the Supervisor runs a service's health hook every 30 s by default. */
const HEALTH_CHECK = { interval: 30, timeout: 5, retries: 3, startPeriod: 120 };
/**
 * Adds a health check that asks the Supervisor's HTTP gateway for the service's health, where
 * the options or x-habitat ask for one. A health check the user wrote always wins.
 */
function addHealthChecks(context, ports) {
    for (const container of context.habitat) {
        const { name, definition, args } = container;
        const wanted = container.service.extension?.healthCheck ?? context.options.healthChecks;
        if (!wanted || !args)
            continue;
        const written = context.project.services.get(name)?.definition.healthcheck;
        if (definition.healthCheck || written !== undefined)
            continue;
        if (hasFlag(args, 'http-disable')) {
            context.problems.warn(['services', name, 'command'], `no health check added to "${name}": its Supervisor runs with --http-disable, so there is no HTTP API to ask`);
            continue;
        }
        const { http: port = 9631, httpHost = '127.0.0.1' } = ports.get(name) ?? {};
        // With a gateway token the API answers 401 without it; the shell expands it inside the container.
        const auth = setsVariable(definition, 'HAB_SUP_GATEWAY_AUTH_TOKEN')
            ? `--header "Authorization: Bearer $HAB_SUP_GATEWAY_AUTH_TOKEN" `
            : '';
        const host = httpHost.includes(':') ? `[${httpHost}]` : httpHost;
        const url = `http://${host}:${port}/services/${container.packageName}/${container.group}/health`;
        definition.healthCheck = { command: ['CMD-SHELL', `wget -qO- ${auth}${url} || exit 1`], ...HEALTH_CHECK };
    }
}

;// CONCATENATED MODULE: ./src/ecs/habitat-order.ts

/**
 * Starts a Supervisor after the ring member it peers with: its peer's name is resolved once, at
 * start, and an early join saves a round of gossip retries. HEALTHY when the member has a health
 * check, so the bound service is up too; START otherwise.
 *
 * Dependencies the user wrote stay as written. Two Supervisors that name each other with --peer
 * need no order, so the second of such a pair is skipped; a cycle through a user-written
 * depends_on is the user's to break, and an error.
 */
function addStartOrder(context, edges) {
    const user = new Map();
    const added = new Map();
    for (const c of context.containers) {
        user.set(c.name ?? '', new Set((c.dependsOn ?? []).map((d) => d.containerName ?? '')));
    }
    for (const { from, to } of edges) {
        const definition = context.byName.get(from);
        const target = context.byName.get(to);
        if (!definition || !target || user.get(from)?.has(to) || added.get(from)?.has(to))
            continue;
        if (reaches(added, to, from))
            continue;
        if (reaches(union(user, added), to, from)) {
            context.problems.error(commandPath(from), `"${from}" peers with "${to}", so it must start after "${to}", but "${to}" depends on "${from}" ` +
                `through depends_on; remove that depends_on or peer the other way round`);
            continue;
        }
        const dependency = {
            containerName: to,
            condition: target.healthCheck ? 'HEALTHY' : 'START',
        };
        definition.dependsOn = [...(definition.dependsOn ?? []), dependency];
        added.set(from, new Set([...(added.get(from) ?? []), to]));
    }
}
function union(a, b) {
    const all = new Map();
    for (const map of [a, b])
        for (const [k, v] of map)
            all.set(k, new Set([...(all.get(k) ?? []), ...v]));
    return all;
}
/** Is there a path of "depends on" edges from `from` to `to`? */
function reaches(graph, from, to) {
    const seen = new Set();
    const stack = [from];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node === to)
            return true;
        if (seen.has(node))
            continue;
        seen.add(node);
        stack.push(...(graph.get(node) ?? []));
    }
    return false;
}

;// CONCATENATED MODULE: ./src/ecs/habitat-ports.ts


const LISTENERS = ['gossip', 'http', 'ctl'];
const DEFAULT_PORTS = { gossip: 9638, http: 9631, ctl: 9632 };
/** Slot k of the port scheme is the defaults plus k * PORT_STEP. */
const PORT_STEP = 10;
/** gossip and http listen for other containers; ctl only for `hab` inside the container. */
const BIND_ADDRESS = {
    gossip: '0.0.0.0',
    http: '0.0.0.0',
    ctl: '127.0.0.1',
};
const ENVIRONMENT = {
    gossip: 'HAB_LISTEN_GOSSIP',
    http: 'HAB_LISTEN_HTTP',
    ctl: 'HAB_LISTEN_CTL',
};
/** Decides every Habitat container's Supervisor ports, adding --listen-* flags where needed. */
function assignPorts(context) {
    const explicit = new Map(context.habitat.map((c) => [c.name, explicitPorts(context, c)]));
    const chosen = new Map();
    if (!context.sharedNamespace) {
        for (const c of context.habitat)
            chosen.set(c.name, withDefaults(explicit.get(c.name) ?? {}));
    }
    else {
        allocateSlots(context, explicit, chosen);
        const managed = new Set(context.habitat.filter((c) => c.args).map((c) => c.name));
        checkClashes(context, new Map([...chosen].filter(([name]) => managed.has(name))));
    }
    const result = new Map();
    for (const [name, ports] of chosen) {
        const { port: http, host } = ports.http;
        // A gateway bound to every address answers on loopback; one bound to a single address, only there.
        const httpHost = host === undefined || ['0.0.0.0', '::', '127.0.0.1'].includes(host) ? '127.0.0.1' : host;
        result.set(name, { gossip: ports.gossip.port, http, ctl: ports.ctl.port, httpHost });
    }
    return result;
}
/** Ports the user chose: --listen-* flags, HAB_LISTEN_* variables, then (shared namespace only) x-habitat. */
function explicitPorts(context, container) {
    const ports = {};
    const fromExtension = context.sharedNamespace ? validExtensionPorts(context, container) : {};
    for (const listener of LISTENERS) {
        const flag = container.args && lastFlagValue(container.args, `listen-${listener}`);
        const variable = environmentValue(container.definition, ENVIRONMENT[listener]);
        const fromFlag = flag === undefined ? undefined : splitHostPort(flag);
        const fromVariable = variable === undefined ? undefined : splitHostPort(variable);
        if (fromFlag?.port !== undefined)
            ports[listener] = { port: fromFlag.port, source: 'flag', host: fromFlag.host };
        else if (fromVariable?.port !== undefined)
            ports[listener] = { port: fromVariable.port, source: 'environment', host: fromVariable.host };
        else if (fromExtension[listener] !== undefined)
            ports[listener] = { port: fromExtension[listener], source: 'x-habitat' };
    }
    return ports;
}
function validExtensionPorts(context, container) {
    const given = container.service.extension?.ports ?? {};
    const valid = {};
    for (const listener of LISTENERS) {
        const port = given[listener];
        if (port === undefined)
            continue;
        if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535)
            valid[listener] = port;
        else {
            context.problems.error(extensionPortPath(container.name, listener), `x-habitat ports.${listener} of "${container.name}" is ${JSON.stringify(port)}: it must be a port number 1-65535`);
        }
    }
    return valid;
}
function withDefaults(explicit) {
    const pick = (l) => explicit[l] ?? { port: DEFAULT_PORTS[l], source: 'default' };
    return { gossip: pick('gossip'), http: pick('http'), ctl: pick('ctl') };
}
/**
 * The port scheme: Habitat containers, in compose order, take slots 0, 1, 2, ... where slot k is
 * gossip 9638+10k, http 9631+10k, ctl 9632+10k. A slot is skipped when one of the ports it would
 * use is already another container's (a port mapping or an explicit Supervisor port), so the
 * first container keeps the defaults and the scheme never collides with published ports.
 */
function allocateSlots(context, explicit, chosen) {
    const owner = new Map();
    for (const c of context.containers) {
        for (const m of c.portMappings ?? [])
            if (m.containerPort !== undefined)
                owner.set(m.containerPort, c.name ?? '');
    }
    for (const [name, ports] of explicit)
        for (const p of Object.values(ports))
            owner.set(p.port, name);
    const supervisors = context.habitat.filter((c) => c.args);
    // A container with a program of its own may still start a Supervisor on its (default) ports:
    // keep the scheme off them.
    const unmanaged = context.habitat.filter((c) => !c.args);
    for (const container of unmanaged) {
        const ports = withDefaults(explicit.get(container.name) ?? {});
        chosen.set(container.name, ports);
        for (const l of LISTENERS)
            owner.set(ports[l].port, container.name);
    }
    let slot = 0;
    for (const container of supervisors) {
        const given = explicit.get(container.name) ?? {};
        const free = (k) => LISTENERS.every((l) => given[l] !== undefined ||
            (owner.get(DEFAULT_PORTS[l] + PORT_STEP * k) ?? container.name) === container.name);
        while (!free(slot))
            slot += 1;
        const pick = (l) => given[l] ?? { port: DEFAULT_PORTS[l] + PORT_STEP * slot, source: slot === 0 ? 'default' : 'scheme' };
        const ports = { gossip: pick('gossip'), http: pick('http'), ctl: pick('ctl') };
        for (const l of LISTENERS)
            owner.set(ports[l].port, container.name);
        chosen.set(container.name, ports);
        addListenFlags(container, ports);
        slot += 1;
    }
    if (unmanaged.length > 1) {
        context.problems.warn(commandPath(unmanaged[1]?.name ?? ''), `${unmanaged.map((c) => `"${c.name}"`).join(' and ')} run commands of their own, not Supervisor ` +
            `arguments, so the action cannot give their Supervisors (if they start one) ports of their own; in ` +
            `${context.networkMode} network mode all containers share one network namespace and a second ` +
            `Supervisor on the same ports fails to start. Write Supervisor arguments (starting with "-") or set ` +
            `HAB_LISTEN_GOSSIP, HAB_LISTEN_HTTP and HAB_LISTEN_CTL`);
    }
}
/** Tells the Supervisor about ports that are not its defaults and that the user did not set. */
function addListenFlags(container, ports) {
    for (const listener of LISTENERS) {
        const { port, source } = ports[listener];
        if ((source !== 'scheme' && source !== 'x-habitat') || port === DEFAULT_PORTS[listener])
            continue;
        // A Supervisor in local gossip mode does not gossip, and refuses --listen-gossip.
        if (listener === 'gossip' && container.args && hasFlag(container.args, 'local-gossip-mode'))
            continue;
        container.args?.flags.push({
            name: `listen-${listener}`,
            written: `--listen-${listener}`,
            form: 'separate',
            values: [`${BIND_ADDRESS[listener]}:${port}`],
        });
    }
}
/** In one network namespace a port can have one owner: say who collides with whom. */
function checkClashes(context, chosen) {
    const uses = new Map();
    const add = (port, use) => {
        const list = uses.get(port) ?? [];
        uses.set(port, [...list, use]);
    };
    for (const [name, ports] of chosen) {
        for (const l of LISTENERS) {
            const { port, source } = ports[l];
            const at = source === 'x-habitat'
                ? extensionPortPath(name, l)
                : source === 'environment'
                    ? ['services', name, 'environment', ENVIRONMENT[l]]
                    : commandPath(name);
            add(port, {
                container: name,
                what: `Supervisor ${l} port, ${describeSource(source)}`,
                supervisor: true,
                at,
            });
        }
    }
    for (const c of context.containers) {
        const name = c.name ?? '';
        (c.portMappings ?? []).forEach((m, i) => {
            if (m.containerPort !== undefined)
                add(m.containerPort, {
                    container: name,
                    what: 'a port mapping',
                    supervisor: false,
                    at: ['services', name, 'ports', i],
                });
        });
    }
    for (const [port, list] of uses) {
        const reported = new Set();
        for (const [i, first] of list.entries()) {
            for (const second of list.slice(i + 1)) {
                // A container may publish its own Supervisor port, and may list a port twice (tcp and udp).
                const sameContainer = first.container === second.container;
                if (sameContainer && !(first.supervisor && second.supervisor))
                    continue;
                const key = `${first.container}/${second.container}`;
                if (reported.has(key))
                    continue;
                reported.add(key);
                context.problems.error(second.at, `port ${port} is used twice in one network namespace: by "${first.container}" (${first.what}) and by ` +
                    `"${second.container}" (${second.what}); containers in ${context.networkMode} network mode share their ports, so give ` +
                    `one of them another port (for a Supervisor: x-habitat ports, or --listen-* in its command)`);
            }
        }
    }
}
function describeSource(source) {
    switch (source) {
        case 'flag':
            return 'from its command';
        case 'environment':
            return `from its environment`;
        case 'x-habitat':
            return 'from x-habitat ports';
        case 'scheme':
            return 'given by the port scheme';
        case 'default':
            return 'the default';
    }
}
function extensionPortPath(name, listener) {
    return ['services', name, 'x-habitat', 'ports', listener];
}

;// CONCATENATED MODULE: ./src/ecs/habitat-peers.ts



/**
 * Makes every `--peer` reach its target. The Supervisor resolves a peer's host name once, at
 * start, and exits if it does not resolve, so a wrong name is an error here, not at 3 a.m.
 * - bridge: the target must be linked (ECS only writes /etc/hosts entries for links).
 * - shared namespace: names do not resolve at all (no links, no hostnames), but every container
 *   is on 127.0.0.1, so the peer becomes 127.0.0.1:<the target's gossip port>.
 */
function resolvePeers(context, ports) {
    const edges = [];
    for (const container of context.habitat) {
        for (const flag of container.args?.flags ?? []) {
            if (flag.name !== 'peer')
                continue;
            flag.values = flag.values.map((value) => {
                const address = splitHostPort(value);
                if (!address || address.host === 'localhost' || isIpAddress(address.host))
                    return value;
                const target = findTarget(context, container.definition, address.host);
                if (!target) {
                    context.problems.error(commandPath(container.name), unresolvedMessage(context, container.name, address.host));
                    return value;
                }
                const targetName = target.name ?? '';
                if (targetName !== container.name)
                    edges.push({ from: container.name, to: targetName });
                const gossip = ports.get(targetName)?.gossip ?? address.port ?? DEFAULT_PORTS.gossip;
                if (context.sharedNamespace)
                    return `127.0.0.1:${gossip}`;
                if (address.port !== undefined && address.port !== gossip && ports.has(targetName)) {
                    context.problems.warn(commandPath(container.name), `--peer ${value}: the Supervisor of "${targetName}" gossips on port ${gossip}, not ${address.port}`);
                }
                if (targetName !== container.name)
                    ensureLink(context, container, target, address.host);
                return value;
            });
        }
    }
    if (context.sharedNamespace)
        dropNames(context);
    return edges;
}
/** A link alias of this container, else a container name, else a hostname. */
function findTarget(context, from, host) {
    for (const link of context.sharedNamespace ? [] : (from.links ?? [])) {
        const [name, alias] = link.split(':');
        if ((alias ?? name) === host && name !== undefined)
            return context.byName.get(name);
    }
    const byName = context.byName.get(host);
    if (byName)
        return byName;
    const owner = [...context.hostnames].find(([, hostname]) => hostname === host)?.[0];
    return owner === undefined ? undefined : context.byName.get(owner);
}
function unresolvedMessage(context, from, host) {
    const names = [...context.byName.keys()].map((n) => `"${n}"`).join(', ');
    const hostnames = [...context.hostnames.values()].map((h) => `"${h}"`).join(', ');
    return (`--peer ${host} of "${from}" names nothing in this task, and the Supervisor exits when a peer does not ` +
        `resolve; use one of the container names ${names}${hostnames ? ` or hostnames ${hostnames}` : ''}, or an IP address`);
}
/** In bridge mode a peer resolves only through a link from the peering container. */
function ensureLink(context, from, target, host) {
    const targetName = target.name ?? '';
    const links = from.definition.links ?? [];
    if (links.some((link) => link.split(':')[0] === targetName))
        return;
    if (linkPath(context, targetName, from.name)) {
        context.problems.error(commandPath(from.name), `--peer ${host} of "${from.name}" needs a link to "${targetName}", but "${targetName}" already links ` +
            `(directly or not) to "${from.name}" and ECS rejects circular links; let only one of them name the ` +
            `other with --peer (the ring shares membership, one peer is enough)`);
        return;
    }
    from.definition.links = [...links, targetName];
    context.problems.warn(commandPath(from.name), `added links: ["${targetName}"] to "${from.name}": its --peer ${host} resolves only through a link in bridge network mode`);
}
function linkPath(context, from, to, seen = new Set()) {
    if (from === to)
        return true;
    if (seen.has(from))
        return false;
    seen.add(from);
    const links = context.byName.get(from)?.links ?? [];
    return links.some((link) => linkPath(context, link.split(':')[0] ?? '', to, seen));
}
/** awsvpc rejects hostname and links: containers already reach each other on 127.0.0.1. */
function dropNames(context) {
    for (const container of context.habitat) {
        const { definition, name } = container;
        const dropped = [];
        if (definition.hostname !== undefined) {
            dropped.push(`hostname "${definition.hostname}"`);
            delete definition.hostname;
        }
        if (definition.links !== undefined) {
            if (definition.links.length > 0)
                dropped.push(`links ${JSON.stringify(definition.links)}`);
            delete definition.links;
        }
        if (dropped.length === 0)
            continue;
        const key = context.project.locate(['services', name, 'hostname']) ? 'hostname' : 'links';
        context.problems.warn(['services', name, key], `dropped ${dropped.join(' and ')} of "${name}": ECS does not allow hostname or links in ${context.networkMode} ` +
            `network mode, where all containers of the task share one network namespace and reach each other on ` +
            `127.0.0.1 (so --peer is rewritten to 127.0.0.1:<gossip port>)`);
    }
}
/** Warns about `--bind name:service.group` that no container in the task can satisfy. */
function checkBinds(context) {
    const offered = context.habitat.map((c) => `${c.packageName}.${c.group} ("${c.name}")`);
    for (const container of context.habitat) {
        for (const flag of container.args?.flags ?? []) {
            if (flag.name !== 'bind')
                continue;
            for (const value of flag.values) {
                const bind = parseBind(value);
                if (!bind)
                    continue;
                const sameService = context.habitat.filter((c) => c.packageName === bind.service);
                if (sameService.some((c) => c.group === bind.group))
                    continue;
                const message = sameService.length > 0
                    ? `--bind ${value} of "${container.name}" wants group "${bind.group}", but ` +
                        sameService
                            .map((c) => `"${c.name}" runs ${c.packageName} in group "${c.group}"`)
                            .join(' and ') +
                        `; set --group (or x-habitat group) there, or bind to ${bind.name}:${bind.service}.${sameService[0]?.group}`
                    : `--bind ${value} of "${container.name}": no container in this task runs the Habitat service ` +
                        `"${bind.service}" (this task runs ${offered.join(', ')}); unless a Supervisor outside the task ` +
                        `provides it, the service waits for the bind forever`;
                context.problems.warn(commandPath(container.name), message);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/ecs/habitat.ts






/**
 * Makes the containers that run the Habitat Supervisor work on ECS (issue #5): understands their
 * Supervisor arguments, keeps several Supervisors from clashing in a shared network namespace,
 * makes every --peer resolve, orders start-up along the ring, accepts the license and adds health
 * checks from the Supervisor's HTTP API. The input is not modified.
 *
 * Throws a UserError carrying every error found; returns warnings with their compose locations.
 */
function applyHabitat(input) {
    const taskDefinition = structuredClone(input.taskDefinition);
    const context = buildContext(taskDefinition, input.project, input.habitatServices, input.options);
    const ports = assignPorts(context);
    const edges = resolvePeers(context, ports);
    checkBinds(context);
    acceptLicense(context);
    checkServiceConfig(context);
    addHealthChecks(context, ports);
    addStartOrder(context, edges);
    if (context.problems.errors.length > 0)
        throw new UserError(context.problems.errors);
    writeBackCommands(context);
    return { taskDefinition, warnings: context.problems.warnings };
}

;// CONCATENATED MODULE: ./src/ecs/launch-rules.ts


/** Fargate task sizes: CPU units -> the memory sizes (MiB) allowed with it. */
const FARGATE_SIZES = new Map([
    [256, [512, 1024, 2048]],
    [512, steps(1024, 4096, 1024)],
    [1024, steps(2048, 8192, 1024)],
    [2048, steps(4096, 16384, 1024)],
    [4096, steps(8192, 30720, 1024)],
    [8192, steps(16384, 61440, 4096)],
    [16384, steps(32768, 122880, 8192)],
]);
function steps(from, to, by) {
    const out = [];
    for (let n = from; n <= to; n += by)
        out.push(n);
    return out;
}
/** `256 CPU: 512, 1024, 2048 MiB; 512 CPU: 1024-4096 MiB in 1024 steps; ...` for error messages. */
function fargateSizesText() {
    return [...FARGATE_SIZES]
        .map(([cpu, mems]) => {
        const first = mems[0] ?? 0;
        const last = mems[mems.length - 1] ?? 0;
        const step = (mems[1] ?? 0) - first;
        return mems.length <= 3
            ? `cpu ${cpu}: ${mems.join(', ')}`
            : `cpu ${cpu}: ${first}-${last} in steps of ${step}`;
    })
        .join('; ');
}
/** The task's network mode: ecs-params decides; else bridge on EC2 (like compose) and awsvpc on Fargate (its only mode). */
function decideNetworkMode(launchType, params) {
    return params?.networkMode ?? (launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
}
/**
 * Task-level rules of the launch type, checked before anything reaches AWS: Fargate needs
 * awsvpc, a task size from its table, and an execution role to pull images from ECR.
 */
function checkLaunchType(launchType, networkMode, params) {
    // Placed in ecs-params.yml when it has a task_definition to point into, else on the input.
    const p = params?.locate(['task_definition']) ? new Problems(params.locate) : undefined;
    const out = [];
    const problem = (path, message) => {
        if (p)
            p.error(path, message);
        else
            out.push(error(message, { input: params ? 'ecs-params' : 'launch-type' }));
    };
    if (launchType === 'FARGATE') {
        if (networkMode !== 'awsvpc') {
            problem(['task_definition', 'ecs_network_mode'], `Fargate needs ecs_network_mode awsvpc, not ${networkMode}`);
        }
        const cpu = params?.cpu === undefined ? undefined : Number(params.cpu);
        const memory = params?.memory === undefined ? undefined : Number(params.memory);
        if (cpu === undefined || memory === undefined) {
            problem(['task_definition', 'task_size'], 'Fargate needs a task size: set task_definition.task_size.cpu_limit and mem_limit in ecs-params.yml, ' +
                `from these pairs (MiB): ${fargateSizesText()}`);
        }
        else if (!FARGATE_SIZES.get(cpu)?.includes(memory)) {
            problem(['task_definition', 'task_size'], `cpu ${cpu} with memory ${memory} MiB is not a Fargate task size; valid pairs (MiB): ${fargateSizesText()}`);
        }
        if (params?.pidMode === 'host')
            problem(['task_definition', 'pid_mode'], 'Fargate does not allow pid_mode host');
        if (params?.ipcMode)
            problem(['task_definition', 'ipc_mode'], 'Fargate does not support ipc_mode; remove it');
        if (!params?.executionRoleArn) {
            problem(['task_definition'], 'Fargate needs an execution role to pull images from ECR (and to send awslogs): set task_definition.task_execution_role in ecs-params.yml');
        }
    }
    return [...out, ...(p?.errors ?? [])];
}
/**
 * Rules between containers ECS enforces at registration or start: a HEALTHY dependency needs a
 * health check on its target, and COMPLETE/SUCCESS ones a target that is not essential.
 * Run after the Habitat pass, which may add health checks.
 */
function checkDependencies(containers, problems) {
    const byName = new Map(containers.map((c) => [c.name, c]));
    for (const c of containers) {
        for (const dep of c.dependsOn ?? []) {
            const target = byName.get(dep.containerName);
            const path = ['services', c.name ?? '', 'depends_on'];
            if (dep.condition === 'HEALTHY' && !target?.healthCheck) {
                problems.error(path, `waits for ${dep.containerName} to be healthy, but ${dep.containerName} has no healthcheck`);
            }
            if ((dep.condition === 'SUCCESS' || dep.condition === 'COMPLETE') && target?.essential) {
                problems.error(path, `waits for ${dep.containerName} to complete, but an essential container stops the task when it exits: ` +
                    `set essential: false for ${dep.containerName} under task_definition.services in ecs-params.yml`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/ecs/order.ts
/** Key orders of the output, so identical inputs give byte-identical JSON whatever built it. */
const TASK_KEYS = [
    'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes',
    'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'pidMode', 'ipcMode', 'tags',
]; // prettier-ignore
const CONTAINER_KEYS = [
    'name', 'image', 'repositoryCredentials', 'cpu', 'memory', 'memoryReservation', 'links', 'portMappings',
    'essential', 'entryPoint', 'command', 'environment', 'mountPoints', 'volumesFrom', 'linuxParameters', 'secrets',
    'dependsOn', 'startTimeout', 'stopTimeout', 'hostname', 'user', 'workingDirectory', 'disableNetworking',
    'privileged', 'readonlyRootFilesystem', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions',
    'interactive', 'pseudoTerminal', 'dockerLabels', 'ulimits', 'logConfiguration', 'healthCheck', 'systemControls',
    'resourceRequirements', 'firelensConfiguration',
]; // prettier-ignore
/** A copy with `order`'s keys first, in that order, then any others sorted; undefined values dropped. */
function ordered(value, order) {
    const source = value;
    const known = order.filter((k) => k in source);
    const rest = Object.keys(source)
        .filter((k) => !order.includes(k))
        .sort();
    const out = {};
    for (const key of [...known, ...rest])
        if (source[key] !== undefined)
            out[key] = source[key];
    return out;
}

;// CONCATENATED MODULE: ./src/ecs/taskdef.ts








/**
 * A compose project -> the RegisterTaskDefinition input: one container per service, in compose
 * order, with the Habitat pass applied and keys in a fixed order. Pure; throws UserError with
 * every problem found (each at its file:line:column) rather than the first.
 */
function renderTaskDefinition(project, options) {
    const params = options.ecsParams;
    const networkMode = decideNetworkMode(options.launchType, params);
    const problems = Problems.forProject(project);
    const paramsProblems = params ? new Problems(params.locate) : undefined;
    const ctx = {
        project,
        problems,
        launchType: options.launchType,
        networkMode,
        habitatServices: options.habitatServices,
    };
    const errors = [];
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(options.family)) {
        errors.push(error(`"${options.family}" is not a task family: use 1-255 letters, digits, - and _`, {
            input: 'family',
        }));
    }
    errors.push(...checkLaunchType(options.launchType, networkMode, params));
    if (params && paramsProblems) {
        for (const name of params.services.keys()) {
            if (!project.services.has(name)) {
                paramsProblems.error(['task_definition', 'services', name], `no compose service is named "${name}"`);
            }
        }
        if (params.runParams.networkConfiguration && networkMode !== 'awsvpc') {
            paramsProblems.error(['run_params', 'network_configuration'], `awsvpc_configuration needs ecs_network_mode: awsvpc (the task uses ${networkMode})`);
        }
    }
    const volumes = new TaskVolumes(ctx, params?.dockerVolumes ?? new Map());
    const containers = [];
    for (const [name, service] of project.services) {
        const input = { name, definition: service.definition, path: ['services', name] };
        containers.push(translateContainer(ctx, input, volumes, params?.services.get(name), params?.memory !== undefined));
    }
    const dependsOn = translateDependsOn(ctx, params?.services ?? new Map());
    for (const c of containers) {
        const deps = dependsOn.get(c.name ?? '');
        if (deps)
            c.dependsOn = deps;
    }
    const taskVolumes = volumes.list();
    const translated = {
        family: options.family,
        ...(params?.taskRoleArn && { taskRoleArn: params.taskRoleArn }),
        ...(params?.executionRoleArn && { executionRoleArn: params.executionRoleArn }),
        networkMode,
        containerDefinitions: containers,
        ...(taskVolumes.length > 0 && { volumes: taskVolumes }),
        ...(params &&
            params.placementConstraints.length > 0 && { placementConstraints: params.placementConstraints }),
        requiresCompatibilities: [options.launchType],
        ...(params?.cpu && { cpu: params.cpu }),
        ...(params?.memory && { memory: params.memory }),
        ...(params?.pidMode && { pidMode: params.pidMode }),
        ...(params?.ipcMode && { ipcMode: params.ipcMode }),
    };
    const fail = () => [...errors, ...problems.errors, ...(paramsProblems?.errors ?? [])];
    if (fail().length > 0)
        throw new UserError(fail());
    const habitat = applyHabitat({
        taskDefinition: translated,
        project,
        habitatServices: options.habitatServices,
        options: options.habitat,
    });
    const finalContainers = (habitat.taskDefinition.containerDefinitions ?? []).map((c) => ordered(c, CONTAINER_KEYS));
    checkDependencies(finalContainers, problems);
    if (fail().length > 0)
        throw new UserError(fail());
    return {
        taskDefinition: ordered({ ...habitat.taskDefinition, containerDefinitions: finalContainers }, TASK_KEYS),
        runParams: params?.runParams ?? {},
        warnings: [...(params?.warnings ?? []), ...problems.warnings, ...habitat.warnings],
    };
}

;// CONCATENATED MODULE: ./src/render.ts




/**
 * The render stage shared by the action and the CLI: load the compose files, plan which
 * services run Habitat packages, read ecs-params and translate. No AWS, no network, no processes.
 */
function renderProject(input) {
    const project = loadComposeProject({
        files: input.files,
        ...(input.envFile !== undefined && { envFile: input.envFile }),
        environment: input.environment,
    });
    const plan = planImages(project, input.packages, {
        registry: input.registry,
        imageTag: input.imageTag,
        ...(input.images && { images: input.images }),
    });
    const ecsParams = input.ecsParamsFile === undefined ? undefined : loadEcsParams(input.ecsParamsFile);
    const rendered = renderTaskDefinition(project, {
        launchType: input.launchType,
        family: input.family,
        habitatServices: plan.services,
        ...(ecsParams && { ecsParams }),
        habitat: input.habitat,
    });
    const warnings = [...project.warnings, ...plan.warnings, ...rendered.warnings];
    return {
        project,
        habitatServices: plan.services,
        packages: plan.packages,
        rendered: { ...rendered, warnings },
    };
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli-main.ts







const HELP = `habitat-ecs render: print the ECS task definition a compose file becomes

Usage: habitat-ecs render -f <compose> [-f <override>]... [options]

Reads the compose files (merged in order, like docker compose -f), decides which services run
the given Habitat packages, and prints the RegisterTaskDefinition input as JSON on stdout.
Warnings and errors go to stderr as file:line:column: lines. Nothing is exported, pushed or
sent to AWS; no network is used.

Options:
  -f, --file <path>              compose file; repeat to merge overrides (default docker-compose.yml)
      --ecs-params <path>        ecs-params.yml (ecs-cli format): network mode, roles, task size,
                                 per-container settings, run_params
      --env-file <path>          variables for interpolation (default: .env beside the first file)
      --launch-type <type>       EC2 (default) or FARGATE
      --account-id <id>          AWS account of the ECR registry Habitat images are pushed to
                                 (default: $AWS_ACCOUNT_ID). Required when a Habitat package is given.
      --region <region>          region of that registry (default: $AWS_REGION, $AWS_DEFAULT_REGION).
                                 Required when a Habitat package is given.
      --image-tag <tag>          tag the Habitat images are pushed under (default: latest)
      --family <name>            task definition family (default: the first compose file's
                                 directory name)
      --habitat-package <pkg>    origin/name[/version[/release]] or a .hart file; repeatable.
                                 Services whose image: names the package's repository run it.
      --no-hab-license           do not add HAB_LICENSE=accept-no-persist to Habitat containers
      --health-checks            add Supervisor health checks to Habitat containers
  -h, --help                     show this help
  -V, --version                  print the version

Exit status: 0 rendered, 1 the input has errors, 2 usage error.
`;
const OPTIONS = {
    file: { type: 'string', short: 'f', multiple: true },
    'ecs-params': { type: 'string' },
    'env-file': { type: 'string' },
    'launch-type': { type: 'string' },
    'account-id': { type: 'string' },
    region: { type: 'string' },
    'image-tag': { type: 'string' },
    family: { type: 'string' },
    'habitat-package': { type: 'string', multiple: true },
    'no-hab-license': { type: 'boolean' },
    'health-checks': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
};
class UsageError extends Error {
}
/** Runs `habitat-ecs <args>`; returns the exit status instead of exiting, so tests can drive it. */
function main(argv, io) {
    try {
        return run(argv, io);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.stderr(`habitat-ecs: ${e.message}\nRun "habitat-ecs render --help" for usage.\n`);
            return 2;
        }
        if (e instanceof UserError) {
            for (const d of e.diagnostics)
                io.stderr(`${cliLine(d)}\n`);
            return 1;
        }
        if (e instanceof PackageSpecError) {
            io.stderr(`habitat-ecs: error: --habitat-package ${e.message}\n`);
            return 1;
        }
        io.stderr(`habitat-ecs: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        return 1;
    }
}
function run(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (e) {
        throw new UsageError(e.message);
    }
    const { values, positionals } = parsed;
    if (values.version) {
        io.stdout(`${package_namespaceObject.rE}\n`);
        return 0;
    }
    if (values.help) {
        io.stdout(HELP);
        return 0;
    }
    const [command, ...extra] = positionals;
    if (command !== 'render') {
        throw new UsageError(command === undefined ? 'missing command: render' : `unknown command "${command}"`);
    }
    if (extra.length > 0)
        throw new UsageError(`unexpected argument "${extra[0]}"`);
    const launchType = (values['launch-type'] ?? 'EC2').toUpperCase();
    if (launchType !== 'EC2' && launchType !== 'FARGATE') {
        throw new UsageError(`--launch-type must be EC2 or FARGATE, not "${values['launch-type']}"`);
    }
    const packages = (values['habitat-package'] ?? []).map(parsePackageSource);
    const accountId = values['account-id'] ?? io.env.AWS_ACCOUNT_ID;
    const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
    if (packages.length > 0 && (!accountId || !region)) {
        throw new UsageError('Habitat images are named after their ECR registry: give --account-id and --region (or set AWS_ACCOUNT_ID and AWS_REGION)');
    }
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
        throw new UsageError(`--account-id must be 12 digits, not "${accountId}"`);
    }
    const files = values.file ?? ['docker-compose.yml'];
    const family = values.family ?? defaultFamily(files[0]);
    const { rendered } = renderProject({
        files,
        ...(values['env-file'] !== undefined && { envFile: values['env-file'] }),
        ...(values['ecs-params'] !== undefined && { ecsParamsFile: values['ecs-params'] }),
        launchType,
        family,
        packages,
        // Without packages no image is named after the registry, so any well-formed value does.
        registry: ecrRegistry(accountId ?? '000000000000', region ?? 'us-east-1'),
        imageTag: values['image-tag'] ?? 'latest',
        habitat: { acceptLicense: !values['no-hab-license'], healthChecks: values['health-checks'] ?? false },
        environment: io.env,
    });
    for (const w of rendered.warnings)
        io.stderr(`${cliLine(w)}\n`);
    io.stdout(`${JSON.stringify(rendered.taskDefinition, null, 2)}\n`);
    return 0;
}
/** The compose project name a user would expect: the directory of the first file, as a family name. */
function defaultFamily(file) {
    const name = (0,external_node_path_namespaceObject.basename)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.resolve)(file)))
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return name || 'compose';
}
/** `file:line:col: warning: path: message`, like compilers print them. */
function cliLine(d) {
    const where = d.location
        ? `${d.location.file}:${d.location.line}:${d.location.column}`
        : d.input
            ? `habitat-ecs: input "${d.input}"`
            : 'habitat-ecs';
    return [where, d.severity, ...(d.path ? [d.path] : []), d.message].join(': ');
}

;// CONCATENATED MODULE: ./src/cli.ts

// The entry of the `habitat-ecs` command; everything else lives in cli-main.ts so tests can call it.
process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
});

module.exports = __webpack_exports__;
/******/ })()
;