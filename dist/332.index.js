"use strict";
exports.id = 332;
exports.ids = [332];
exports.modules = {

/***/ 4676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rD: () => (/* binding */ wholeNumber),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   ws: () => (/* binding */ scalarText)
/* harmony export */ });
/** Reads of plain JSON values whose shape is not known yet (compose definitions, ecs-params). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A scalar as text (compose allows `PORT: 8080` and `DEBUG: true` where a string is meant). */
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


/***/ }),

/***/ 9017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ parseS3ObjectArn),
/* harmony export */   j: () => (/* binding */ isArnReference)
/* harmony export */ });
/**
 * An `env_file:` that names an S3 object (`arn:aws:s3:::bucket/key.env`) is not read here: ECS
 * fetches it when the task starts, with the task's execution role, and sets its variables
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html), so
 * its values never reach the task definition, the log or the runner.
 */
const S3_OBJECT_ARN = /^arn:(aws[a-z-]*):s3:::([^/]+)\/(.+)$/;
/** The bucket and key of an S3 object ARN; undefined when `text` is not one. */
function parseS3ObjectArn(text) {
    const m = S3_OBJECT_ARN.exec(text);
    return m ? { partition: m[1] ?? 'aws', bucket: m[2] ?? '', key: m[3] ?? '' } : undefined;
}
/** An env_file entry that is an S3 reference rather than a path: anything starting `arn:`. */
function isArnReference(path) {
    return path.startsWith('arn:');
}


/***/ }),

/***/ 2332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ requestRegistry),
  G: () => (/* binding */ translateRequest)
});

// EXTERNAL MODULE: ./src/translate/image-plan.ts + 1 modules
var image_plan = __webpack_require__(3571);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
;// CONCATENATED MODULE: ./src/compose/interpolate.ts
/**
 * What a Lookup throws for a variable that may not be interpolated at all (a credential of the
 * runner): the interpolation fails with `message` at the `$` that names it.
 */
class RefusedVariable extends Error {
}
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
                // Refused at the `${` one too deep, so the error points at it like every other.
                if (depth >= MAX_NESTING) {
                    throw new InterpolationError(`\${...} nested more than ${MAX_NESTING} levels deep: simplify the default values`, i);
                }
                const close = this.matchingBrace(i + 2, to);
                out += this.braced(i + 2, close, depth);
                i = close + 1;
            }
            else if (next !== undefined && i + 1 < to && NAME_START.test(next)) {
                let j = i + 1;
                while (j < to && NAME_CHAR.test(this.s[j]))
                    j++;
                out += this.value(this.s.slice(i + 1, j), i) ?? '';
                i = j;
            }
            else {
                throw new InterpolationError(`invalid interpolation "${this.s.slice(i, i + 2)}": write $$ for a literal "$", or $NAME / \${NAME} for a variable`, i);
            }
        }
        return out;
    }
    /** The variable's value; a refused variable is an error at `offset`, its `$`. */
    value(name, offset) {
        try {
            return this.lookup(name);
        }
        catch (e) {
            if (e instanceof RefusedVariable)
                throw new InterpolationError(e.message, offset);
            throw e;
        }
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
        const value = this.value(name, from - 2);
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
            // Never the line itself: env files hold secrets, and a malformed line may be one.
            const found = eq < 0
                ? 'a line without "=" (not shown: env files hold secrets)'
                : `the key ${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}`;
            diagnostics.push((0,src_diagnostics/* error */.z3)(`expected KEY=value, found ${found}: a key has letters, digits, "_", "." or "-" and does not start with a digit`, { location: loc }));
            continue;
        }
        if (eq < 0) {
            try {
                entries.push({ key, value: lookup(key), loc });
            }
            catch (e) {
                if (!(e instanceof RefusedVariable))
                    throw e;
                diagnostics.push((0,src_diagnostics/* error */.z3)(e.message, { location: loc, path: key }));
            }
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
                diagnostics.push((0,src_diagnostics/* error */.z3)(`unterminated ${quote} quote in the value of ${key}: close it with ${quote}`, {
                    location: loc,
                }));
                break;
            }
            const after = body.slice(end + 1).trim();
            if (after !== '' && !after.startsWith('#')) {
                diagnostics.push((0,src_diagnostics/* error */.z3)(`unexpected text after the quoted value of ${key} (not shown: env files hold secrets): put a comment after " #"`, { location: loc }));
                continue;
            }
            rest = body.slice(0, end);
            if (quote === "'") {
                value = rest;
            }
            else {
                const expanded = interpolate(unescapeDouble(rest), scoped);
                if (!expanded.ok) {
                    diagnostics.push((0,src_diagnostics/* error */.z3)(expanded.message, { location: loc, path: key }));
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
                diagnostics.push((0,src_diagnostics/* error */.z3)(expanded.message, { location: loc, path: key }));
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

// EXTERNAL MODULE: ./src/compose/json.ts
var json = __webpack_require__(4676);
// EXTERNAL MODULE: ./src/problems.ts
var src_problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/compose/canonical/words.ts
var words = __webpack_require__(4160);
;// CONCATENATED MODULE: ./src/compose/canonical/lists.ts


/** `command:` / `entrypoint:`: a string is split into words like a shell would; a list is kept. */
function readCommand(value, path, problems) {
    if (typeof value === 'string') {
        const split = (0,words/* splitWords */.y)(value);
        if ('error' in split) {
            problems.error(path, `${split.error}; quote or escape it, or write the command as a list`);
            return undefined;
        }
        return { value: split.words, at: problems.place(path) };
    }
    if (Array.isArray(value)) {
        const words = value.map(json/* scalarText */.ws);
        if (words.every((w) => w !== undefined))
            return { value: words, at: problems.place(path) };
    }
    problems.error(path, 'must be a string or a list of strings');
    return undefined;
}
/** A mapping (`NAME: value`) or a list (`"NAME=value"`) -> entries in the order written. */
function readKeyValues(value, path, problems) {
    if ((0,json/* isRecord */.u4)(value)) {
        return Object.entries(value).map(([key, v]) => ({
            key,
            value: v === null ? null : ((0,json/* scalarText */.ws)(v) ?? null),
            at: problems.place([...path, key]),
        }));
    }
    if (!Array.isArray(value)) {
        problems.error(path, `must be a mapping or a list of "NAME=value"`);
        return [];
    }
    return value.flatMap((entry, i) => {
        const text = (0,json/* scalarText */.ws)(entry);
        const at = [...path, i];
        if (text === undefined) {
            problems.error(at, `must be a "NAME=value" string`);
            return [];
        }
        const eq = text.indexOf('=');
        return [
            eq <= 0
                ? { key: text, value: null, at: problems.place(at) }
                : { key: text.slice(0, eq), value: text.slice(eq + 1), at: problems.place(at) },
        ];
    });
}
/** One string or a list of them (dns, dns_search, cap_add, ...) -> a list. */
function readStrings(value, path, problems) {
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((v, i) => {
        const at = Array.isArray(value) ? [...path, i] : path;
        const text = (0,json/* scalarText */.ws)(v);
        if (text !== undefined)
            return [{ value: text, at: problems.place(at) }];
        problems.error(at, 'must be a string');
        return [];
    });
}
/** `links:` -> `service[:alias]` per entry. */
function readLinks(value, path, problems) {
    return readStrings(value, path, problems).map(({ value: link, at }) => {
        const colon = link.indexOf(':');
        if (colon < 0)
            return { service: link, at };
        return { service: link.slice(0, colon), alias: link.slice(colon + 1), at };
    });
}
/** `extra_hosts`: `"host:ip"`, `"host=ip"` or a mapping. The IP may be IPv6, so split at the first separator. */
function readExtraHosts(value, path, problems) {
    if ((0,json/* isRecord */.u4)(value)) {
        return Object.entries(value).map(([hostname, ip]) => ({
            hostname,
            ip: (0,json/* scalarText */.ws)(ip) ?? '',
            at: problems.place([...path, hostname]),
        }));
    }
    return readStrings(value, path, problems).flatMap(({ value: entry, at }) => {
        const match = /^([^:=]+)[:=](.+)$/.exec(entry);
        if (!match) {
            problems.error(at, `"${entry}" must be "hostname:ip"`);
            return [];
        }
        return [{ hostname: match[1], ip: match[2].replace(/^\[|\]$/g, ''), at }];
    });
}
/** `ulimits:` -> soft and hard limit per name; a single number is both. */
function readUlimits(value, path, problems) {
    if (!(0,json/* isRecord */.u4)(value)) {
        problems.error(path, 'must be a mapping like { nofile: { soft: 1024, hard: 4096 } }');
        return [];
    }
    return Object.entries(value).flatMap(([name, limit]) => {
        const at = [...path, name];
        const single = (0,json/* wholeNumber */.rD)(limit);
        const soft = single ?? ((0,json/* isRecord */.u4)(limit) ? (0,json/* wholeNumber */.rD)(limit.soft) : undefined);
        const hard = single ?? ((0,json/* isRecord */.u4)(limit) ? (0,json/* wholeNumber */.rD)(limit.hard) : undefined);
        if (soft === undefined || hard === undefined)
            problems.error(at, 'must be a number or { soft, hard } numbers');
        else if (soft > hard)
            problems.error(at, `soft limit ${soft} is above hard limit ${hard}`);
        else
            return [{ name, soft, hard, at: problems.place(at) }];
        return [];
    });
}
/** `devices:` -> `/host/path[:/container/path[:rwm]]` per entry. */
function readDevices(value, path, problems) {
    return readStrings(value, path, problems).flatMap(({ value: entry, at }) => {
        const [source = '', target, permissions] = entry.split(':');
        if (!source.startsWith('/') || (permissions !== undefined && !/^[rwm]+$/.test(permissions))) {
            problems.error(at, `"${entry}" must be /host/path[:/container/path[:rwm]]`);
            return [];
        }
        return [{ source, ...(target && { target }), ...(permissions && { permissions }), at }];
    });
}
/** `networks:` -> the names, from a list or from a mapping's keys. */
function readNetworks(value, path, problems) {
    if (Array.isArray(value))
        return value.map((name, i) => ({ value: String(name), at: problems.place([...path, i]) }));
    if (!(0,json/* isRecord */.u4)(value))
        return [];
    return Object.keys(value).map((name) => ({ value: name, at: problems.place([...path, name]) }));
}

;// CONCATENATED MODULE: ./src/compose/canonical/build.ts


const READ = new Set(['context', 'dockerfile', 'args', 'target', 'labels', 'platforms']);
/** `build:` -> its long form; a string is the context. The keys read are typed, the rest listed. */
function readBuild(value, path, problems) {
    if (typeof value === 'string') {
        const at = problems.place(path);
        return { context: { value, at }, args: [], labels: [], others: [], at };
    }
    if (!(0,json/* isRecord */.u4)(value)) {
        problems.error(path, 'must be a build context path or a mapping with context:');
        return undefined;
    }
    const text = (key) => {
        const v = value[key];
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string' && v !== '')
            return { value: v, at: problems.place([...path, key]) };
        problems.error([...path, key], 'must be a non-empty string');
        return undefined;
    };
    const list = (key, read) => {
        const v = value[key];
        return v === undefined || v === null ? [] : read(v, [...path, key], problems);
    };
    const context = text('context');
    const dockerfile = text('dockerfile');
    const target = text('target');
    const platforms = value.platforms === undefined || value.platforms === null ? undefined : list('platforms', readStrings);
    return {
        context: context ?? { value: '.', at: problems.place(path) },
        ...(dockerfile && { dockerfile }),
        args: list('args', readKeyValues),
        ...(target && { target }),
        labels: list('labels', readKeyValues),
        ...(platforms && { platforms }),
        others: Object.keys(value)
            .filter((key) => !READ.has(key))
            .map((key) => ({ value: key, at: problems.place([...path, key]) })),
        at: problems.place(path),
    };
}

;// CONCATENATED MODULE: ./src/compose/canonical/depends.ts

const CONDITIONS = [
    'service_started',
    'service_healthy',
    'service_completed_successfully',
];
/** `depends_on:` -> one dependency per service: a list of names, or a mapping of name to `{ condition }`. */
function readDependsOn(value, path, problems) {
    if (Array.isArray(value)) {
        return value.map((service, i) => ({
            service: String(service),
            condition: 'service_started',
            at: problems.place([...path, i]),
        }));
    }
    if (!(0,json/* isRecord */.u4)(value)) {
        problems.error(path, 'must be a list of services or a mapping of service to { condition }');
        return [];
    }
    return Object.entries(value).flatMap(([service, settings]) => {
        const written = (0,json/* isRecord */.u4)(settings) && typeof settings.condition === 'string' ? settings.condition : 'service_started';
        const condition = CONDITIONS.find((c) => c === written);
        if (!condition) {
            problems.error([...path, service, 'condition'], `"${written}" must be one of ${CONDITIONS.join(', ')}`);
            return [];
        }
        return [{ service, condition, at: problems.place([...path, service]) }];
    });
}

;// CONCATENATED MODULE: ./src/compose/canonical/healthcheck.ts

const WRITTEN = ['interval', 'timeout', 'start_period', 'retries'];
/**
 * `healthcheck:` (of compose, or of ecs-params.yml, which takes compose's form) -> its test as
 * a CMD or CMD-SHELL list, and its timings as written. A test string is run by the shell; an
 * empty one, `NONE` or `disable: true` turns the check off. No test at all is valid compose (the
 * image's own check): whether that can be honoured is the translation's to say.
 */
function readHealthcheck(value, path, problems) {
    if (!(0,json/* isRecord */.u4)(value)) {
        problems.error(path, 'must be a mapping with test, interval, timeout, retries, start_period');
        return undefined;
    }
    const at = problems.place(path);
    if (value.disable === true)
        return { test: 'off', at };
    const out = { at };
    if (value.test !== undefined && value.test !== null) {
        const test = testCommand(problems, value.test, [...path, 'test']);
        if (test === undefined)
            return undefined;
        out.test = test;
    }
    for (const key of WRITTEN) {
        const written = asWritten(value[key]);
        if (written !== undefined)
            out[key] = { value: written, at: problems.place([...path, key]) };
    }
    if (value.start_interval !== undefined)
        out.start_interval = problems.place([...path, 'start_interval']);
    return out;
}
function testCommand(problems, test, path) {
    if (typeof test === 'string')
        return test.trim() === '' ? 'off' : ['CMD-SHELL', test];
    if (!Array.isArray(test) || test.length === 0 || !test.every((t) => typeof t === 'string')) {
        problems.error(path, 'must be a string, or a list starting with CMD, CMD-SHELL or NONE');
        return undefined;
    }
    const [kind, ...rest] = test;
    if (kind === 'NONE')
        return 'off';
    if (kind === 'CMD' && rest.length > 0)
        return ['CMD', rest[0], ...rest.slice(1)];
    if (kind === 'CMD-SHELL' && rest.length === 1)
        return ['CMD-SHELL', rest[0]];
    problems.error(path, kind === 'CMD-SHELL'
        ? 'CMD-SHELL takes exactly one shell command string'
        : `must start with CMD (then the command), CMD-SHELL (then one string) or NONE, not "${kind}"`);
    return undefined;
}
/** A timing as written; a mapping or a list (only where no schema checked it) as its text. */
function asWritten(value) {
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'object' ? String(value) : value;
}

;// CONCATENATED MODULE: ./src/compose/canonical/ports.ts

/**
 * `ports:` -> PortConfig per entry. Short syntax `[host_ip:][host[-end]:]container[-end][/proto]`
 * (the host IP may be IPv6 in brackets), a bare number, or the long syntax
 * `{ target, published, protocol, host_ip, mode }`. Ranges stay ranges: the translation expands them.
 */
function readPorts(value, path, problems) {
    if (!Array.isArray(value)) {
        problems.error(path, 'must be a list of ports, e.g. ["8080:80", "9000/udp"]');
        return [];
    }
    const ports = [];
    value.forEach((entry, i) => {
        const at = [...path, i];
        const port = (0,json/* isRecord */.u4)(entry) ? longSyntax(problems, entry, at) : shortSyntax(problems, entry, at);
        if (port && sameLengths(problems, port, at))
            ports.push(port);
    });
    return ports;
}
function shortSyntax(problems, entry, path) {
    if (typeof entry !== 'string' && typeof entry !== 'number') {
        problems.error(path, 'must be a port string like "8080:80" or a mapping with target');
        return undefined;
    }
    const text = String(entry).trim();
    const slash = text.indexOf('/');
    const protocol = (slash >= 0 ? text.slice(slash + 1) : 'tcp').toLowerCase();
    const body = slash >= 0 ? text.slice(0, slash) : text;
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(body);
    const parts = v6 ? [v6[1], ...v6[2].split(':')] : body.split(':');
    if (parts.length > 3 || (v6 && parts.length !== 3)) {
        problems.error(path, `"${text}" is not a port; write [host_ip:][host:]container[/protocol], e.g. "8080:80"`);
        return undefined;
    }
    const target = portRange(problems, parts[parts.length - 1], 'container', text, path);
    const hostText = parts.length >= 2 ? parts[parts.length - 2] : '';
    const published = hostText === '' ? undefined : portRange(problems, hostText, 'host', text, path);
    if (!target || (hostText !== '' && !published))
        return undefined;
    return {
        target,
        ...(published && { published }),
        ...(parts.length === 3 && parts[0] !== '' && { host_ip: parts[0] }),
        protocol,
        at: problems.place(path),
    };
}
function longSyntax(problems, entry, path) {
    if (entry.target === undefined) {
        problems.error([...path, 'target'], 'a long-syntax port needs target (the container port)');
        return undefined;
    }
    const written = String(entry.target);
    const target = portRange(problems, written, 'container', written, [...path, 'target']);
    const hostText = entry.published;
    const hasHost = hostText !== undefined && hostText !== null && hostText !== '';
    const published = hasHost
        ? portRange(problems, String(hostText), 'host', String(hostText), [...path, 'published'])
        : undefined;
    if (!target || (hasHost && !published))
        return undefined;
    if (entry.mode !== undefined && entry.mode !== 'host' && entry.mode !== 'ingress') {
        problems.error([...path, 'mode'], 'must be host or ingress');
    }
    return {
        target,
        ...(published && { published }),
        ...(typeof entry.host_ip === 'string' && entry.host_ip !== '' && { host_ip: entry.host_ip }),
        protocol: typeof entry.protocol === 'string' ? entry.protocol.toLowerCase() : 'tcp',
        at: problems.place(path),
    };
}
/** `80` or `8000-8002`, each port in 1-65535. */
function portRange(problems, text, side, whole, path) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
    if (!match) {
        problems.error(path, `"${whole}": ${side} port "${text}" is not a number or a range like 8000-8002`);
        return undefined;
    }
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (const port of [first, last]) {
        if (port < 1 || port > 65535) {
            problems.error(path, `"${whole}": ${side} port ${port} out of range 1-65535`);
            return undefined;
        }
    }
    return { first, last };
}
/** A range ends after it starts, and host and container ranges are equally long. */
function sameLengths(problems, port, path) {
    const { target, published } = port;
    if (target.last < target.first) {
        problems.error(path, `port range ${target.first}-${target.last} ends before it starts`);
        return false;
    }
    if (published && published.last - published.first !== target.last - target.first) {
        problems.error(path, 'host and container port ranges must have the same length');
        return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/compose/canonical/mounts.ts

/** A source that starts like a path is a bind mount; anything else names a volume. */
const HOST_PATH = /^[./~]/;
/** `volumes:` -> one mount per entry: `"[source:]target[:ro]"` or `{ type, source, target, read_only, tmpfs }`. */
function readVolumes(value, path, problems) {
    if (!Array.isArray(value)) {
        problems.error(path, 'must be a list of mounts, e.g. ["data:/var/lib/data"]');
        return [];
    }
    return value.flatMap((entry, i) => {
        const at = [...path, i];
        const mount = (0,json/* isRecord */.u4)(entry) ? longMount(problems, entry, at) : shortMount(problems, entry, at);
        return mount ? [mount] : [];
    });
}
function longMount(problems, entry, path) {
    const written = typeof entry.type === 'string' ? entry.type : undefined;
    const source = typeof entry.source === 'string' && entry.source !== '' ? entry.source : undefined;
    const target = typeof entry.target === 'string' ? entry.target : '';
    if (written === 'tmpfs') {
        const tmpfs = (0,json/* isRecord */.u4)(entry.tmpfs) ? entry.tmpfs : {};
        const mode = (0,json/* scalarText */.ws)(tmpfs.mode ?? null);
        const size = tmpfs.size === undefined ? undefined : writtenSize(tmpfs.size);
        return {
            type: 'tmpfs',
            target,
            ...(size !== undefined && { size }),
            options: mode ? [`mode=${mode}`] : [],
            at: problems.place(path),
        };
    }
    if (written !== undefined && written !== 'volume' && written !== 'bind') {
        return { type: 'other', written, at: problems.place([...path, 'type']) };
    }
    return {
        type: written ?? (source !== undefined && HOST_PATH.test(source) ? 'bind' : 'volume'),
        ...(source !== undefined && { source }),
        target,
        read_only: entry.read_only === true,
        options: [],
        at: problems.place(path),
    };
}
function shortMount(problems, entry, path) {
    if (typeof entry !== 'string') {
        problems.error(path, 'must be a mount string like "data:/data:ro" or a mapping with type, source, target');
        return undefined;
    }
    const parts = entry.split(':');
    if (parts.length > 3 || parts.some((p) => p === '')) {
        problems.error(path, `"${entry}" is not a mount; write [source:]target[:ro]`);
        return undefined;
    }
    const [source, target] = parts.length === 1 ? [undefined, parts[0]] : [parts[0], parts[1]];
    const options = (parts[2] ?? '').split(',').filter(Boolean);
    return {
        type: source !== undefined && HOST_PATH.test(source) ? 'bind' : 'volume',
        ...(source !== undefined && { source }),
        target,
        read_only: options.includes('ro'),
        options: options.filter((o) => o !== 'ro' && o !== 'rw'),
        at: problems.place(path),
    };
}
/** `tmpfs:` -> a mount per path: `"/run"` or `"/run:size=64m,mode=1777"`, one or a list. */
function readTmpfs(value, path, problems) {
    const entries = Array.isArray(value) ? value : [value];
    return entries.flatMap((entry, i) => {
        const at = Array.isArray(value) ? [...path, i] : path;
        if (typeof entry !== 'string') {
            problems.error(at, 'must be a path like "/run:size=64m"');
            return [];
        }
        const colon = entry.indexOf(':');
        const target = colon < 0 ? entry : entry.slice(0, colon);
        let size;
        const options = [];
        for (const option of (colon < 0 ? '' : entry.slice(colon + 1)).split(',').filter(Boolean)) {
            if (option.startsWith('size='))
                size = option.slice('size='.length);
            else
                options.push(option);
        }
        return [{ type: 'tmpfs', target, ...(size !== undefined && { size }), options, at: problems.place(at) }];
    });
}
/** `volumes_from:` -> `service[:ro|rw]` or `container:name[:ro|rw]` per entry. */
function readVolumesFrom(value, path, problems) {
    if (!Array.isArray(value)) {
        problems.error(path, 'must be a list of service names');
        return [];
    }
    return value.flatMap((entry, i) => {
        const at = [...path, i];
        if (typeof entry !== 'string') {
            problems.error(at, 'must be a service name');
            return [];
        }
        const parts = entry.split(':');
        const container = parts[0] === 'container';
        const [source = '', mode] = container ? parts.slice(1) : parts;
        if (!container && mode !== undefined && mode !== 'ro' && mode !== 'rw') {
            problems.error(at, `mode "${mode}" must be ro or rw`);
            return [];
        }
        return [
            { type: container ? 'container' : 'service', source, read_only: mode === 'ro', at: problems.place(at) },
        ];
    });
}
/** A tmpfs size as written: a number of bytes, or text such as `64m` (anything else as its text). */
function writtenSize(size) {
    return typeof size === 'number' ? size : String(size);
}

;// CONCATENATED MODULE: ./src/compose/canonical/service.ts









/**
 * The canonical pass over every service of a loaded project (after merge, so each value is the
 * one that won): each key written in a short form is read into its typed long form, placed
 * where it was written. Throws one UserError with every short syntax that cannot be read.
 */
function canonicalServices(definitions, locate) {
    const problems = new src_problems/* Problems */.Zw(locate);
    const services = new Map();
    for (const [name, definition] of definitions) {
        services.set(name, {
            name,
            definition,
            canonical: canonicalService(definition, ['services', name], problems),
        });
    }
    if (problems.errors.length > 0)
        throw new src_diagnostics/* UserError */.yo(problems.errors);
    return services;
}
/** One service's definition -> its canonical keys; a key not set (or null) stays unset. */
function canonicalService(definition, path, problems) {
    const out = {};
    const read = (key, reader) => {
        const value = definition[key];
        if (value !== undefined && value !== null)
            out[key] = reader(value, [...path, key], problems);
    };
    // In the order the translation reads them, so problems are listed as they were.
    read('command', readCommand);
    read('entrypoint', readCommand);
    read('environment', readKeyValues);
    read('ports', readPorts);
    read('volumes', readVolumes);
    read('tmpfs', readTmpfs);
    read('volumes_from', readVolumesFrom);
    read('links', readLinks);
    read('dns', readStrings);
    read('dns_search', readStrings);
    read('extra_hosts', readExtraHosts);
    read('security_opt', readStrings);
    read('labels', readKeyValues);
    read('ulimits', readUlimits);
    const logging = readLogging(definition, path, problems);
    if (logging)
        out.logging = logging;
    read('healthcheck', readHealthcheck);
    read('sysctls', readKeyValues);
    read('cap_add', readStrings);
    read('cap_drop', readStrings);
    read('devices', readDevices);
    read('networks', readNetworks);
    read('depends_on', readDependsOn);
    read('build', readBuild);
    return out;
}
/** `logging: { driver, options }`, else the version 1 pair `log_driver:` and `log_opt:`. */
function readLogging(definition, path, problems) {
    const { logging, log_driver: driver, log_opt: options } = definition;
    if ((0,json/* isRecord */.u4)(logging))
        return logSettings(logging.driver, logging.options, [...path, 'logging'], [...path, 'logging', 'options'], problems);
    if (driver === undefined || driver === null)
        return undefined;
    return logSettings(driver, options, [...path, 'log_driver'], [...path, 'log_opt'], problems);
}
function logSettings(driver, options, path, optionsPath, problems) {
    return {
        ...(typeof driver === 'string' && { driver }),
        options: options === undefined || options === null ? [] : readKeyValues(options, optionsPath, problems),
        at: problems.place(path),
    };
}

// EXTERNAL MODULE: ./src/compose/s3-env-file.ts
var s3_env_file = __webpack_require__(9017);
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


/** Compose, env and ecs-params files are small; anything bigger is a mistake or an attack on the parser. */
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Reads a text file for the loader: refuses it before parsing when it is too big or not UTF-8,
 * and turns fs failures into a sentence instead of a stack trace.
 * `display` is the name diagnostics use for the file.
 */
function readTextFile(file, display, what = 'file') {
    let bytes;
    try {
        const stat = external_node_fs_.statSync(file);
        if (stat.isDirectory())
            throw new src_diagnostics/* UserError */.yo((0,src_diagnostics/* error */.z3)(`cannot read ${what} ${display}: it is a directory, not a file`));
        if (stat.size > MAX_FILE_BYTES)
            throw new src_diagnostics/* UserError */.yo(tooBig(display, stat.size));
        bytes = external_node_fs_.readFileSync(file);
    }
    catch (e) {
        if (e instanceof src_diagnostics/* UserError */.yo)
            throw e;
        throw new src_diagnostics/* UserError */.yo((0,src_diagnostics/* error */.z3)(`cannot read ${what} ${display}: ${describeFsError(e)}`));
    }
    // The file may have grown between stat and read.
    if (bytes.length > MAX_FILE_BYTES)
        throw new src_diagnostics/* UserError */.yo(tooBig(display, bytes.length));
    return decodeUtf8(bytes, display);
}
function tooBig(display, size) {
    const mib = (size / (1024 * 1024)).toFixed(1);
    return (0,src_diagnostics/* error */.z3)(`${display} is ${mib} MiB; compose, env and ecs-params files are limited to 1 MiB`, {
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
        throw new src_diagnostics/* UserError */.yo((0,src_diagnostics/* error */.z3)(`invalid UTF-8 at byte offset ${bad}: save the file as UTF-8 text`, {
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
 * Variables written without a value are resolved from `lookup` and left out when unset. Entries
 * that name an S3 object (an ARN) are not read: `env_file` keeps them, for the task's
 * environmentFiles, which ECS reads when the task starts.
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
        const objects = [];
        for (const ref of envFile ? envFileRefs(envFile.value) : []) {
            if ((0,s3_env_file/* isArnReference */.j)(ref.path)) {
                objects.push(ref.node);
                continue;
            }
            const abs = external_node_path_.resolve(ctx.workingDir, ref.path);
            const display = external_node_path_.isAbsolute(ref.path) ? ref.path : external_node_path_.join(ctx.displayDir, ref.path);
            const where = { location: ref.node.loc, path: formatPath(['services', name, 'env_file']) };
            const outside = ctx.outside?.(abs);
            if (outside) {
                out.push((0,src_diagnostics/* error */.z3)(`env file ${display} ${outside}: move it into the workspace and fix the path`, where));
                continue;
            }
            if (!external_node_fs_.existsSync(abs)) {
                if (ref.required) {
                    out.push((0,src_diagnostics/* error */.z3)(`env file ${display} not found: create it, fix the path (relative to ${ctx.displayDir}), or write {path: ${ref.path}, required: false}`, where));
                }
                continue;
            }
            let text;
            try {
                text = readTextFile(abs, display, 'env file');
            }
            catch (e) {
                if (!(e instanceof src_diagnostics/* UserError */.yo))
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
                let value;
                try {
                    value =
                        v.kind === 'scalar' && v.value === null
                            ? ctx.lookup(key)
                            : v.kind === 'scalar'
                                ? String(v.value)
                                : undefined;
                }
                catch (e) {
                    if (!(e instanceof RefusedVariable))
                        throw e;
                    out.push((0,src_diagnostics/* error */.z3)(e.message, {
                        location: entry.keyLoc,
                        path: formatPath(['services', name, 'environment', key]),
                    }));
                    continue;
                }
                // A value taken from the environment is placed where its name was written.
                const loc = v.kind === 'scalar' && v.value === null ? entry.keyLoc : v.loc;
                if (value === undefined)
                    env.entries.delete(key);
                else
                    env.entries.set(key, { keyLoc: entry.keyLoc, value: scalar(value, loc) });
            }
        }
        if (objects.length > 0 && envFile)
            service.entries.set('env_file', {
                keyLoc: envFile.keyLoc,
                value: { kind: 'seq', items: objects, loc: envFile.value.loc },
            });
        else
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
            out.push((0,src_diagnostics/* error */.z3)('extends needs service: naming the service to extend, e.g. {service: base, file: common.yml}', at));
        }
        return done(own);
    }
    const id = `${external_node_path_.resolve(file)}#${name}`;
    if (stack.includes(id)) {
        const chain = [...stack, id].map((s) => s.slice(s.lastIndexOf('#') + 1)).join(' -> ');
        out.push((0,src_diagnostics/* error */.z3)(`extends cycle ${chain}: remove one of these extends`, at));
        return done(own);
    }
    // Named like the files the user gave (relative stays relative), for readable diagnostics.
    const baseFile = target.file === undefined ? file : external_node_path_.join(external_node_path_.dirname(file), target.file);
    const baseRoot = target.file === undefined ? undefined : ctx.loadFile(baseFile, at);
    if (target.file !== undefined && !baseRoot)
        return done(own);
    const baseServices = baseRoot ? baseRoot.entries.get('services')?.value : services;
    const baseName = target.service;
    if (baseServices?.kind !== 'map' || !baseServices.entries.has(baseName)) {
        const known = baseServices?.kind === 'map' ? [...baseServices.entries.keys()] : [];
        const where = target.file === undefined ? 'this file' : target.file;
        const choice = known.length ? `: name one of ${known.join(', ')}` : '';
        out.push((0,src_diagnostics/* error */.z3)(`extends: service "${baseName}" not found in ${where}${choice}`, at));
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
    if (external_node_path_.resolve(fromDir) === external_node_path_.resolve(toDir))
        return;
    // Kept starting with `.` so a bind mount source cannot turn into a volume name.
    const rebase = (p) => {
        if (external_node_path_.isAbsolute(p))
            return p;
        const rel = external_node_path_.relative(toDir, external_node_path_.resolve(fromDir, p)) || '.';
        return rel.startsWith('.') || external_node_path_.isAbsolute(rel) ? rel : `./${rel}`;
    };
    const services = root.entries.get('services')?.value;
    if (services?.kind !== 'map')
        return;
    for (const { value: service } of services.entries.values()) {
        if (service.kind !== 'map')
            continue;
        const envFile = service.entries.get('env_file')?.value;
        for (const ref of envFile ? envFileRefs(envFile) : [])
            if (!(0,s3_env_file/* isArnReference */.j)(ref.path))
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
            out.push((0,src_diagnostics/* error */.z3)(result.message, { location, path: formatPath(path) }));
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
                (0,src_diagnostics/* error */.z3)('the top level of a compose file must be a mapping with keys such as services: and volumes:', {
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
            diagnostics.push((0,src_diagnostics/* warning */.$e)(`unknown compose file version ${text === undefined ? '(not a string)' : JSON.stringify(text)}: ` +
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

// EXTERNAL MODULE: ./src/suggest.ts
var suggest = __webpack_require__(2969);
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
            out.push((0,src_diagnostics/* error */.z3)(`unknown top-level key "${key}"${(0,suggest/* didYouMean */.a)(key, TOP_LEVEL_KEYS)} ` +
                `(allowed: ${TOP_LEVEL_KEYS.join(', ')}, or x-* for extensions)`, at));
        }
        else if (key === 'include') {
            out.push((0,src_diagnostics/* error */.z3)('include: is not supported: pass the included files as additional compose files instead', at));
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
        out.push((0,src_diagnostics/* error */.z3)(`expected a mapping of service names to their definitions (e.g. web: {image: nginx}), found ${describe(services)}`, {
            location: services.loc,
            path: 'services',
        }));
        return;
    }
    for (const [name, entry] of services.entries) {
        const path = ['services', name];
        if (!SERVICE_NAME.test(name)) {
            out.push((0,src_diagnostics/* error */.z3)(`invalid service name ${JSON.stringify(name)}: use only letters, digits, ".", "_" and "-"`, {
                location: entry.keyLoc,
                path: formatPath(path),
            }));
            continue;
        }
        const service = entry.value;
        if (service.kind !== 'map') {
            out.push((0,src_diagnostics/* error */.z3)(`a service must be a mapping of keys such as image: and ports:, found ${describe(service)}`, {
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
                out.push((0,src_diagnostics/* warning */.$e)(`unknown service key "${key}" is ignored${(0,suggest/* didYouMean */.a)(key, KNOWN_SERVICE_KEYS)}`, {
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
        (0,src_diagnostics/* error */.z3)(`expected ${label(spec)}, found ${describe(node)}`, { location: node.loc, path: formatPath(path) }),
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
var dist = __webpack_require__(8815);
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
                (0,src_diagnostics/* error */.z3)('the YAML parser could not read this file: simplify its nesting', {
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
        diagnostics.push((0,src_diagnostics/* error */.z3)('a compose file holds one YAML document; found a second one: remove the "---" or split the files', {
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
    return (0,src_diagnostics/* error */.z3)(hint ? `${firstLine}: ${hint}` : firstLine, {
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
            throw new LimitExceeded((0,src_diagnostics/* error */.z3)(`nesting deeper than ${MAX_DEPTH} levels (or an alias that contains itself): flatten the file`, {
                location: this.locOf(yamlNode),
            }));
        }
        if (this.inAlias > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
            throw new LimitExceeded((0,src_diagnostics/* error */.z3)(`aliases expand to more than ${MAX_ALIAS_NODES} nodes (a "billion laughs" file?): ` +
                'write the values out or use fewer nested aliases', { location: this.locOf(yamlNode) }));
        }
        const loc = this.locOf(yamlNode);
        if ((0,dist/* isAlias */.Vj)(yamlNode)) {
            const target = this.anchors.get(yamlNode.source);
            if (!target) {
                this.diagnostics.push((0,src_diagnostics/* error */.z3)(`unknown alias *${yamlNode.source}: define the anchor &${yamlNode.source} before using it`, {
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
                this.diagnostics.push((0,src_diagnostics/* error */.z3)('a mapping key must be a plain string: quote it', { location: keyLoc }));
                continue;
            }
            const value = pair.value === null ? scalar(null, keyLoc) : this.walk(pair.value, depth + 1);
            map.entries.set(String(pair.key.value), { keyLoc, value });
        }
        for (const src of merged) {
            if (src.kind !== 'map') {
                this.diagnostics.push((0,src_diagnostics/* error */.z3)('"<<" merges mappings only: point it at an anchored mapping', { location: src.loc }));
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

// EXTERNAL MODULE: ./src/workspace-path.ts
var workspace_path = __webpack_require__(9152);
;// CONCATENATED MODULE: ./src/compose/load.ts
















/**
 * Loads a compose project like `docker compose -f a -f b config` would: each file is read
 * (size and UTF-8 checked), parsed with positions, brought to the compose-spec shape,
 * interpolated, validated and its `extends:` resolved on its own; then the files merge in
 * order, each service's env_file is folded into its environment, and the canonical pass reads
 * every short form into its typed long form. The problems of a stage are reported together in
 * one UserError; warnings (ignored keys, odd versions) ride along on the project. Relative paths
 * stay as written: they are relative to `workingDir`, the first file's directory, whichever
 * file they come from (as in compose).
 */
function loadComposeProject(options) {
    const first = options.files[0];
    if (first === undefined) {
        throw new src_diagnostics/* UserError */.yo((0,src_diagnostics/* error */.z3)('no compose file given: name at least one, e.g. docker-compose.yml', { input: 'compose-file' }));
    }
    const displayDir = external_node_path_.dirname(first);
    const workingDir = external_node_path_.resolve(displayDir);
    // Paths here are relative to the current directory, as fs reads them.
    const outside = (file) => options.root === undefined ? undefined : (0,workspace_path/* outsideRoot */.K)(options.root, external_node_path_.resolve(file));
    const dotenv = readProjectEnv(options, displayDir, outside);
    const lookup = (name) => fromEnvironment(options, name) ?? dotenv.get(name);
    const diagnostics = [];
    const extendedFiles = new Map();
    const ctx = {
        loadFile(file, from) {
            const key = external_node_path_.resolve(file);
            const why = outside(file);
            if (why && !extendedFiles.has(key)) {
                diagnostics.push((0,src_diagnostics/* error */.z3)(`extends file ${file} ${why}: move it into the workspace and fix extends.file`, from));
                extendedFiles.set(key, undefined);
            }
            else if (!extendedFiles.has(key)) {
                const found = [];
                const root = loadFile(file, lookup, found);
                // A file that cannot be read at all is reported where `extends:` names it.
                diagnostics.push(...found.map((d) => (d.location ? d : { ...d, ...from })));
                if (root)
                    rebasePaths(root, external_node_path_.dirname(key), workingDir);
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
        diagnostics.push((0,src_diagnostics/* error */.z3)(`no services defined in ${options.files.join(', ')}: add services: with at least one service`, {
            location: { file: first, line: 1, column: 1 },
            path: 'services',
        }));
    }
    if (!project || services?.kind !== 'map' || hasErrors(diagnostics))
        throw new src_diagnostics/* UserError */.yo(errorsOf(diagnostics));
    diagnostics.push(...applyEnvFiles(services, { workingDir, displayDir, lookup, outside }));
    if (hasErrors(diagnostics))
        throw new src_diagnostics/* UserError */.yo(errorsOf(diagnostics));
    const root = project;
    const serviceMap = canonicalServices([...services.entries].map(([name, entry]) => [name, toJson(entry.value)]), (p) => locate(root, p));
    const volumesNode = project.entries.get('volumes')?.value;
    const volumes = volumesNode?.kind === 'map' ? toJson(volumesNode) : {};
    return {
        files: [...options.files],
        workingDir,
        name: projectName(project, lookup, workingDir),
        services: serviceMap,
        volumes,
        warnings: diagnostics.filter((d) => d.severity === 'warning'),
        locate: (p) => locate(root, p),
    };
}
/** COMPOSE_PROJECT_NAME (environment or .env), else `name:`, else the directory, normalized as compose does. */
function projectName(project, lookup, workingDir) {
    const written = project.entries.get('name')?.value;
    const name = lookup('COMPOSE_PROJECT_NAME') ||
        (written?.kind === 'scalar' && typeof written.value === 'string' && written.value) ||
        external_node_path_.basename(workingDir);
    return name
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, '')
        .replace(/^[_-]+/, '');
}
/** One file through the per-file passes; problems go to `out`. */
function loadFile(file, lookup, out) {
    let text;
    try {
        text = readTextFile(file, file, 'compose file');
    }
    catch (e) {
        if (!(e instanceof src_diagnostics/* UserError */.yo))
            throw e;
        out.push(...e.diagnostics);
        return undefined;
    }
    const parsed = parseYaml(text, file);
    out.push(...parsed.diagnostics);
    if (!parsed.node) {
        if (parsed.diagnostics.length === 0) {
            out.push((0,src_diagnostics/* error */.z3)(`the file is empty: a compose file needs at least services: with one service`, {
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
function readProjectEnv(options, displayDir, outside) {
    const explicit = options.envFile;
    const file = explicit ?? external_node_path_.join(displayDir, '.env');
    if (explicit === undefined && !external_node_fs_.existsSync(file))
        return new Map();
    const why = outside(file);
    if (why) {
        throw new src_diagnostics/* UserError */.yo((0,src_diagnostics/* error */.z3)(`env file ${file} ${why}: move it into the workspace`, {
            ...(explicit !== undefined && { input: 'env-file' }),
        }));
    }
    let text;
    try {
        text = readTextFile(file, file, 'env file');
    }
    catch (e) {
        if (!(e instanceof src_diagnostics/* UserError */.yo) || explicit === undefined)
            throw e;
        throw new src_diagnostics/* UserError */.yo(e.diagnostics.map((d) => ({ ...d, input: 'env-file' })));
    }
    const parsed = parseEnvFile(text, file, (name) => fromEnvironment(options, name));
    if (parsed.diagnostics.length > 0)
        throw new src_diagnostics/* UserError */.yo(parsed.diagnostics);
    const vars = new Map();
    for (const entry of parsed.entries)
        if (entry.value !== undefined)
            vars.set(entry.key, entry.value);
    return vars;
}
/**
 * Own variables only: `constructor` or `__proto__` must not find Object's. A variable the caller
 * refuses throws RefusedVariable, which interpolation turns into an error at its `$`.
 */
function fromEnvironment(options, name) {
    const value = Object.hasOwn(options.environment, name) ? options.environment[name] : undefined;
    const refused = value === undefined ? undefined : options.refuseVariable?.(name, value);
    if (refused !== undefined)
        throw new RefusedVariable(refused);
    return value;
}
function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}
function errorsOf(diagnostics) {
    return diagnostics.filter((d) => d.severity === 'error');
}

// EXTERNAL MODULE: ./src/translate/units.ts
var units = __webpack_require__(5);
;// CONCATENATED MODULE: ./src/translate/healthcheck.ts


/**
 * What ECS accepts, in seconds (retries: a count):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
const LIMITS = {
    interval: [5, 300],
    timeout: [2, 60],
    retries: [1, 10],
    start_period: [0, 300],
};
/**
 * A compose healthcheck -> the ECS healthCheck. Docker's defaults (30s interval, 30s timeout, 3
 * retries) are written out, because ECS's own defaults differ (a 5s timeout) and would change
 * when a slow check counts as failed. A check that is off (`test: NONE`, `disable: true`) -> none.
 */
function translateHealthcheck(problems, check) {
    if (check.test === 'off')
        return undefined;
    if (!check.test) {
        // Compose would keep the image's own check; ECS cannot see it, so it must be written out.
        problems.error([...check.at.path, 'test'], 'must be a string, or a list starting with CMD, CMD-SHELL or NONE');
        return undefined;
    }
    const seconds = (key, fallback) => {
        const written = check[key];
        if (!written)
            return fallback;
        const { value: raw, at } = written;
        const parsed = (0,units/* parseDuration */.E9)(raw);
        const [min, max] = LIMITS[key];
        if (parsed === undefined) {
            problems.error(at, `"${String(raw)}" is not a duration; write e.g. 30s or 1m30s`);
            return undefined;
        }
        const whole = Math.ceil(parsed);
        if (whole !== parsed)
            problems.warn(at, `ECS counts whole seconds: ${String(raw)} becomes ${whole}s`);
        if (whole < min || whole > max) {
            problems.error(at, `${String(raw)} is out of the range ECS allows, ${min}s to ${max}s`);
            return undefined;
        }
        return whole;
    };
    let retries = 3;
    if (check.retries) {
        retries = (0,json/* wholeNumber */.rD)(check.retries.value);
        const [min, max] = LIMITS.retries;
        if (retries === undefined || retries < min || retries > max) {
            problems.error(check.retries.at, `must be a whole number from ${min} to ${max} on ECS`);
            retries = undefined;
        }
    }
    if (check.start_interval)
        problems.warn(check.start_interval, 'ignored: ECS has no start interval');
    const startPeriod = seconds('start_period');
    return {
        command: [...check.test],
        interval: seconds('interval', 30),
        timeout: seconds('timeout', 30),
        retries,
        ...(startPeriod !== undefined && { startPeriod }),
    };
}

;// CONCATENATED MODULE: ./src/translate/located-yaml.ts


/**
 * Parses a small YAML file (ecs-params.yml) and keeps line numbers for error messages. It goes
 * through the compose parser, so an alias bomb, an unknown alias or runaway nesting is refused
 * at its line as there, instead of escaping as an exception.
 */
function parseLocatedYaml(text, file) {
    const parsed = parseYaml(text, file);
    const root = parsed.node;
    if (!root)
        return { value: undefined, locate: () => undefined, errors: parsed.diagnostics };
    const locate = (path) => {
        let node = root;
        let loc = root.loc;
        for (const key of path) {
            if (node.kind === 'map') {
                const entry = node.entries.get(String(key));
                if (!entry)
                    return undefined;
                [node, loc] = [entry.value, entry.keyLoc];
            }
            else if (node.kind === 'seq' && typeof key === 'number') {
                const item = node.items[key];
                if (!item)
                    return undefined;
                [node, loc] = [item, item.loc];
            }
            else
                return undefined;
        }
        return loc;
    };
    return { value: toJson(root), locate, errors: [] };
}

// EXTERNAL MODULE: ./src/translate/params-reader.ts
var params_reader = __webpack_require__(6375);
// EXTERNAL MODULE: ./src/translate/efs.ts
var efs = __webpack_require__(3554);
;// CONCATENATED MODULE: ./src/translate/run-params.ts
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
    const namespace = (key, fields) => r.strings(r.map(sd[key], at(key), fields), at(key), fields);
    if (sd.private_dns_namespace !== undefined)
        out.privateDnsNamespace = namespace('private_dns_namespace', ['vpc', 'id', 'name', 'description']);
    if (sd.public_dns_namespace !== undefined)
        out.publicDnsNamespace = namespace('public_dns_namespace', ['id', 'name']);
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

;// CONCATENATED MODULE: ./src/translate/ecs-params.ts










/** Reads ecs-params.yml with the compose files' limits: at most 1 MiB, UTF-8. */
function loadEcsParams(file) {
    let text;
    try {
        text = readTextFile(file, file, 'ecs-params file');
    }
    catch (e) {
        if (!(e instanceof src_diagnostics/* UserError */.yo))
            throw e;
        throw new src_diagnostics/* UserError */.yo(e.diagnostics.map((d) => ({ ...d, input: 'ecs-params' })));
    }
    return parseEcsParams(text, file);
}
const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'];
const ecs_params_CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];
/** Parses ecs-params.yml text; every problem names file:line:column. Throws UserError on errors. */
function parseEcsParams(text, file) {
    const yaml = parseLocatedYaml(text, file);
    if (yaml.errors.length > 0)
        throw new src_diagnostics/* UserError */.yo(yaml.errors);
    const p = new src_problems/* Problems */.Zw(yaml.locate);
    const r = new params_reader/* Reader */.m(p);
    const root = r.map(yaml.value ?? {}, [], ['version', 'task_definition', 'run_params']);
    const td = r.map(root.task_definition, ['task_definition'], [
        'ecs_network_mode', 'task_role_arn', 'task_execution_role', 'task_size', 'pid_mode', 'ipc_mode',
        'services', 'docker_volumes', 'efs_volumes', 'placement_constraints',
    ]); // prettier-ignore
    const at = (...path) => ['task_definition', ...path];
    const size = r.map(td.task_size, at('task_size'), ['cpu_limit', 'mem_limit']);
    const cpu = size.cpu_limit === undefined ? undefined : (0,units/* parseTaskCpu */.$d)(size.cpu_limit);
    if (size.cpu_limit !== undefined && cpu === undefined) {
        p.error(at('task_size', 'cpu_limit'), 'must be CPU units like 256 or 1024, or vCPUs like "0.25 vCPU"');
    }
    const memory = size.mem_limit === undefined ? undefined : (0,units/* parseTaskMemory */.Em)(size.mem_limit);
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
    const efsVolumes = new Map();
    r.list(td.efs_volumes, at('efs_volumes')).forEach((value, i) => {
        const path = at('efs_volumes', i);
        const v = r.map(value, path, ['name', ...efs/* EFS_KEYS */.C]);
        const name = r.string(v.name, [...path, 'name'], true);
        const configuration = (0,efs/* readEfsConfiguration */.f)(r, v, path);
        if (name === undefined || !configuration)
            return;
        if (dockerVolumes.has(name) || efsVolumes.has(name))
            p.error([...path, 'name'], `volume "${name}" is declared twice in ecs-params.yml`);
        else
            efsVolumes.set(name, { name, configuration, path });
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
        throw new src_diagnostics/* UserError */.yo(p.errors);
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
        efsVolumes,
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
        const mib = (0,units/* parseMemoryMiB */.lk)(s[key]);
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
        const check = readHealthcheck(s.healthcheck, [...path, 'healthcheck'], r.p);
        const healthCheck = check && translateHealthcheck(r.p, check);
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
                condition: r.oneOf(dep.condition, [...at, 'condition'], ecs_params_CONDITIONS, true) ?? 'START',
            };
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/translate/context.ts
var context = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/translate/image-name.ts
var image_name = __webpack_require__(3527);
;// CONCATENATED MODULE: ./src/translate/container-keys.ts
/**
 * Name/value entries as ECS takes them: an entry without a value is left out with a warning,
 * and the rest are ordered by name, so the same settings always give the same task definition.
 */
function keyValues(ctx, entries, what) {
    const pairs = [];
    for (const { key, value, at } of entries) {
        if (value === null)
            ctx.problems.warn(at, `${what} "${key}" has no value and is left out; ECS needs one`);
        else
            pairs.push([key, value]);
    }
    return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
function environment(ctx, entries) {
    return keyValues(ctx, entries, 'variable').map(([name, v]) => ({ name, value: v }));
}
function extraHosts(entries) {
    return entries.map(({ hostname, ip }) => ({ hostname, ipAddress: ip }));
}
const ULIMITS = [
    'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio',
    'rttime', 'sigpending', 'stack',
]; // prettier-ignore
function ulimits(ctx, limits) {
    return limits.flatMap(({ name, soft, hard, at }) => {
        const supported = ULIMITS.find((u) => u === name);
        if (supported)
            return [{ name: supported, softLimit: soft, hardLimit: hard }];
        ctx.problems.error(at, `ECS does not support the ulimit "${name}"; it supports ${ULIMITS.join(', ')}`);
        return [];
    });
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
function logConfiguration(ctx, logging) {
    const { driver, at } = logging;
    if (driver === undefined) {
        ctx.problems.error(at, 'needs a driver, e.g. awslogs');
        return undefined;
    }
    const allowed = ctx.launchType === 'FARGATE' ? FARGATE_LOG_DRIVERS : LOG_DRIVERS;
    if (!allowed.includes(driver)) {
        ctx.problems.error(at, `log driver "${driver}" is not supported on ${ctx.launchType}; use one of ${allowed.join(', ')}`);
        return undefined;
    }
    const pairs = keyValues(ctx, logging.options, 'option');
    return {
        logDriver: driver,
        ...(pairs.length > 0 && { options: Object.fromEntries(pairs) }),
    };
}
const PERMISSIONS = { r: 'read', w: 'write', m: 'mknod' };
/** `devices:` -> devices, permissions in ECS's words. */
function devices(entries) {
    return entries.map(({ source, target, permissions }) => {
        const perms = [...new Set(permissions ?? '')].map((p) => PERMISSIONS[p]);
        return {
            hostPath: source,
            ...(target && { containerPath: target }),
            ...(perms.length > 0 && { permissions: perms }),
        };
    });
}
/** Capabilities as ECS names them: upper case, without the CAP_ prefix. */
function capabilities(entries = []) {
    return entries.map(({ value }) => value.toUpperCase().replace(/^CAP_/, ''));
}
function systemControls(ctx, entries) {
    return keyValues(ctx, entries, 'sysctl').map(([namespace, v]) => ({ namespace, value: v }));
}

;// CONCATENATED MODULE: ./src/translate/ports.ts
/** A range written as `8000-8002` expands to this many mappings at most; ECS has a small limit anyway. */
const MAX_RANGE = 100;
/**
 * `ports:` entries -> portMappings, a range expanded to one mapping per port. A port with no
 * host side gets no hostPort, which ECS reads as "dynamic" in bridge mode and "same" in awsvpc.
 */
function translatePorts(ctx, ports, path) {
    if (ctx.networkMode === 'none') {
        ctx.problems.error(path, 'a task with network mode none has no ports to publish; remove ports or change the mode');
        return [];
    }
    return ports.flatMap((port) => translatePort(ctx, port));
}
function translatePort(ctx, port) {
    const { problems } = ctx;
    const { target, published, protocol, at } = port;
    if (!isTransport(protocol)) {
        problems.error(at, `protocol "${protocol}" is not supported by ECS; use tcp or udp`);
        return [];
    }
    if (port.host_ip !== undefined) {
        problems.warn(at, `host IP ${port.host_ip} ignored: ECS cannot bind a port to one host address`);
    }
    const count = target.last - target.first + 1;
    if (count > MAX_RANGE) {
        problems.error(at, `port range of ${count} ports is too large; ECS takes at most ${MAX_RANGE} here`);
        return [];
    }
    const mappings = [];
    for (let k = 0; k < count; k++) {
        const containerPort = target.first + k;
        const hostPort = published ? published.first + k : undefined;
        // Containers that share the host's or the task's network stack cannot remap a port.
        const shared = ctx.networkMode === 'awsvpc' || ctx.networkMode === 'host';
        if (hostPort !== undefined && hostPort !== containerPort && shared) {
            problems.error(at, `host port ${hostPort} differs from container port ${containerPort}, which ${ctx.networkMode} mode` +
                `${ctx.launchType === 'FARGATE' ? ' (required by Fargate)' : ''} does not allow: write "${containerPort}:${containerPort}" or just "${containerPort}"`);
            continue;
        }
        mappings.push({ containerPort, ...(hostPort !== undefined && { hostPort }), protocol });
    }
    return mappings;
}
function isTransport(protocol) {
    return protocol === 'tcp' || protocol === 'udp';
}

;// CONCATENATED MODULE: ./src/translate/resources.ts


/** ecs-cli's memory for a container that sets none; ECS needs container or task memory. */
const DEFAULT_MEMORY_MIB = 512;
/**
 * cpu_shares / cpus / deploy.resources (v3) and mem_limit / mem_reservation -> cpu, memory,
 * memoryReservation. The compose v2 keys win over deploy.resources; ecs-params wins over both.
 */
function translateResources(ctx, service, params, taskMemory) {
    const d = service.definition;
    const at = (...keys) => [...service.path, ...keys];
    const deploy = (0,json/* isRecord */.u4)(d.deploy) && (0,json/* isRecord */.u4)(d.deploy.resources) ? d.deploy.resources : {};
    const limits = (0,json/* isRecord */.u4)(deploy.limits) ? deploy.limits : {};
    const reservations = (0,json/* isRecord */.u4)(deploy.reservations) ? deploy.reservations : {};
    const out = {};
    const memory = (value, path) => {
        if (value === undefined || value === null)
            return undefined;
        const mib = (0,units/* parseMemoryMiB */.lk)(value);
        if (mib === undefined) {
            ctx.problems.error(path, `"${String(value)}" is not a memory size of at least ${units/* MIN_MEMORY_MIB */.my}m (units b, k, m, g)`);
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
        cpu = (0,json/* wholeNumber */.rD)(d.cpu_shares);
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

// EXTERNAL MODULE: ./src/translate/secret-names.ts
var secret_names = __webpack_require__(5645);
;// CONCATENATED MODULE: ./src/translate/secret-environment.ts

/**
 * A warning for each variable with a value whose name says it is a secret: a task definition
 * keeps its environment in plain text, for anyone allowed to describe it. ECS secrets
 * (ecs-params.yml) keep only a reference. The value itself is never repeated.
 */
function warnPlainTextSecrets(ctx, service, environment) {
    for (const { name = '', value = '' } of environment) {
        if (value === '' || !(0,secret_names/* holdsSecret */.h)(name))
            continue;
        ctx.problems.warn([...service.path, 'environment', name], `${name} looks like a secret: its value would be stored in plain text in the task definition. ` +
            `Remove it here and add {name: ${name}, value_from: <Secrets Manager or SSM parameter ARN>} ` +
            `under task_definition.services.${service.name}.secrets in ecs-params.yml`);
    }
}

;// CONCATENATED MODULE: ./src/translate/unsupported.ts

/** Keys the container translation reads. */
const TRANSLATED = new Set([
    'image', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'links', 'hostname', 'mem_limit',
    'mem_reservation', 'cpu_shares', 'cpus', 'working_dir', 'user', 'privileged', 'read_only', 'extra_hosts', 'dns',
    'dns_search', 'labels', 'ulimits', 'logging', 'log_driver', 'log_opt', 'healthcheck', 'tmpfs', 'shm_size',
    'cap_add', 'cap_drop', 'devices', 'init', 'stop_grace_period', 'volumes', 'volumes_from', 'depends_on',
    'security_opt', 'sysctls', 'stdin_open', 'tty', 'deploy', 'network_mode', 'networks', 'secrets', 'platform',
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
    const built = ctx.builtServices.has(service.name);
    for (const key of Object.keys(d)) {
        if (TRANSLATED.has(key) || key.startsWith('x-'))
            continue;
        if (built && key === 'build')
            continue;
        ctx.problems.warn(at(key), `ignored on ECS: ${IGNORED[key] ?? 'ECS has no equivalent'}`);
    }
    if ((0,json/* isRecord */.u4)(d.deploy)) {
        for (const key of Object.keys(d.deploy)) {
            if (!DEPLOY_TRANSLATED.has(key))
                ctx.problems.warn(at('deploy', key), 'ignored on ECS: only deploy.resources is translated');
        }
    }
    for (const { value: name, at: place } of service.canonical.networks ?? []) {
        if (name !== 'default') {
            ctx.problems.warn(place, `network "${name}" ignored: the containers of an ECS task share the task's ${ctx.networkMode} network`);
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

// EXTERNAL MODULE: ./src/translate/volumes.ts
var translate_volumes = __webpack_require__(2733);
;// CONCATENATED MODULE: ./src/translate/container.ts












/** The characters ECS takes in an image reference (and `@` of a digest). */
const IMAGE = /^[A-Za-z0-9_.:/#@-]{1,255}$/;
/**
 * Docker's reference grammar (distribution's `reference` package), which the agent and Fargate
 * parse an image with: a registry host (with a port), lower-case path components, a tag, a digest.
 */
const HOST = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?)';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?` +
    '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$');
/** Why an image reference is not one Docker can parse; undefined when it is. Pure. */
function imageReferenceProblem(image) {
    if (REFERENCE.test(image))
        return undefined;
    const { host, repository } = (0,image_name/* splitImage */.s5)(image);
    const path = image
        .split('@')[0]
        ?.slice(host ? host.length + 1 : 0)
        .replace(/:[^/]*$/, '') ?? '';
    if (path !== path.toLowerCase())
        return `repository names are lower case (${repository})`;
    return 'write [registry/]name[:tag][@sha256:digest], the name in lower-case letters, digits and . _ - /';
}
/** Docker security options ECS passes on (on EC2); others (seccomp, ...) have no ECS field. */
const SECURITY_OPTIONS = /^(no-new-privileges(:true)?|apparmor:.+|label:.+|credentialspec:.+)$/;
/**
 * One compose service -> one ECS container definition (named after the service). dependsOn is
 * filled later, when every service is known. Problems go to ctx.problems.
 */
function translateContainer(ctx, service, volumes, params, taskMemory) {
    const d = service.definition;
    const s = service.canonical;
    const at = (...path) => [...service.path, ...path];
    const has = (key) => d[key] !== undefined && d[key] !== null;
    const fargate = ctx.launchType === 'FARGATE';
    const habitat = ctx.habitatServices.get(service.name);
    const built = ctx.builtServices.get(service.name);
    reportUnsupportedKeys(ctx, service, params);
    const c = { name: service.name };
    // Compose service names may also have ".", ECS container names not.
    if (!context/* ECS_NAME */.G.test(service.name)) {
        ctx.problems.error(service.path, `"${service.name}" cannot name an ECS container, which takes up to 255 letters, digits, "-" and "_": rename the service`);
    }
    if (habitat)
        c.image = habitat.image;
    else if (built)
        c.image = built.image;
    else if (typeof d.image === 'string' && d.image !== '') {
        const reference = imageReferenceProblem(d.image);
        if (IMAGE.test(d.image) && reference) {
            ctx.problems.error(at('image'), `${JSON.stringify(d.image)} is not a valid image reference: ${reference}`);
        }
        else if (!IMAGE.test(d.image)) {
            ctx.problems.error(at('image'), `${JSON.stringify(d.image)} is not an image ECS accepts: up to 255 letters, digits and . _ - : / # @`);
        }
        c.image = d.image;
    }
    else {
        ctx.problems.error(at(has('build') ? 'build' : 'image'), "ECS runs images, not builds: set image: to a pushed image, or name this service's Habitat package (x-habitat.package)");
    }
    if (params?.repositoryCredentials)
        c.repositoryCredentials = params.repositoryCredentials;
    Object.assign(c, translateResources(ctx, service, params, taskMemory));
    c.essential = params?.essential ?? true;
    if (s.command)
        c.command = [...s.command.value];
    if (s.entrypoint)
        c.entryPoint = [...s.entrypoint.value];
    if (s.environment) {
        const env = environment(ctx, s.environment);
        warnPlainTextSecrets(ctx, service, env);
        if (env.length > 0)
            c.environment = env;
    }
    const files = environmentFiles(ctx, d.env_file, at('env_file'));
    if (files.length > 0)
        c.environmentFiles = files;
    if (s.ports) {
        const ports = translatePorts(ctx, s.ports, at('ports'));
        if (ports.length > 0)
            c.portMappings = ports;
    }
    const mounts = (0,translate_volumes/* translateMounts */.r)(ctx, volumes, service);
    if (mounts.mountPoints.length > 0)
        c.mountPoints = mounts.mountPoints;
    if (s.volumes_from)
        c.volumesFrom = (0,translate_volumes/* translateVolumesFrom */.y6)(ctx, s.volumes_from);
    // Hostnames and links only mean something with a network of their own per container.
    // Habitat containers keep them here: the Habitat pass rewrites their peers and drops them.
    if (s.links) {
        for (const link of s.links) {
            if (!ctx.project.services.has(link.service))
                ctx.problems.error(link.at, `unknown service "${link.service}"`);
        }
        if (ctx.networkMode === 'bridge' || (habitat && ctx.networkMode === 'awsvpc')) {
            c.links = s.links.map((l) => (l.alias === undefined ? l.service : `${l.service}:${l.alias}`));
        }
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
        c.user = (0,json/* scalarText */.ws)(d.user);
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
    if (ctx.networkMode === 'awsvpc') {
        for (const key of ['dns', 'dns_search', 'extra_hosts']) {
            if (!s[key])
                continue;
            ctx.problems.error(at(key), `ECS does not allow ${key} in awsvpc mode (the VPC's DNS settings apply); remove it`);
        }
    }
    else {
        if (s.dns)
            c.dnsServers = s.dns.map((v) => v.value);
        if (s.dns_search)
            c.dnsSearchDomains = s.dns_search.map((v) => v.value);
        if (s.extra_hosts)
            c.extraHosts = extraHosts(s.extra_hosts);
    }
    if (s.security_opt) {
        const options = s.security_opt.map((o) => o.value);
        const kept = options.filter((o) => SECURITY_OPTIONS.test(o));
        for (const { value: o, at: place } of s.security_opt) {
            if (!kept.includes(o))
                ctx.problems.warn(place, `"${o}" ignored: ECS does not support it`);
        }
        if (kept.length > 0 && fargate)
            ctx.problems.error(at('security_opt'), 'Fargate does not support security_opt');
        else if (kept.length > 0)
            c.dockerSecurityOptions = kept;
    }
    if (typeof d.stdin_open === 'boolean')
        c.interactive = d.stdin_open;
    if (typeof d.tty === 'boolean')
        c.pseudoTerminal = d.tty;
    if (s.labels) {
        const labels = keyValues(ctx, s.labels, 'label');
        if (labels.length > 0)
            c.dockerLabels = Object.fromEntries(labels);
    }
    if (s.ulimits)
        c.ulimits = ulimits(ctx, s.ulimits);
    if (s.logging) {
        const log = logConfiguration(ctx, s.logging);
        if (log)
            c.logConfiguration = log;
    }
    const healthCheck = params?.healthCheck ?? (s.healthcheck ? translateHealthcheck(ctx.problems, s.healthcheck) : undefined);
    if (healthCheck)
        c.healthCheck = healthCheck;
    if (s.sysctls) {
        if (fargate)
            ctx.problems.error(at('sysctls'), 'Fargate does not support sysctls');
        else
            c.systemControls = systemControls(ctx, s.sysctls);
    }
    if (has('stop_grace_period')) {
        const seconds = (0,units/* parseDuration */.E9)(d.stop_grace_period);
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
/** ECS takes at most this many environment files per container. */
const MAX_ENVIRONMENT_FILES = 10;
/**
 * The S3 objects the compose loader left in `env_file` (every local file was read into the
 * environment) -> environmentFiles, which ECS reads with the execution role when the task starts.
 * ECS's rules: an S3 object ARN, the `.env` extension, at most 10 a container
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html).
 */
function environmentFiles(ctx, value, path) {
    if (value === undefined || value === null)
        return [];
    const list = Array.isArray(value) ? value : [value];
    const files = [];
    list.forEach((arn, i) => {
        const at = Array.isArray(value) ? [...path, i] : path;
        const object = typeof arn === 'string' ? (0,s3_env_file/* parseS3ObjectArn */.e)(arn) : undefined;
        if (!object) {
            ctx.problems.error(at, `${JSON.stringify(arn)} is not an S3 object: ECS reads environment files from S3, as arn:aws:s3:::bucket/key.env`);
        }
        else if (!object.key.endsWith('.env')) {
            ctx.problems.error(at, `ECS reads only files named *.env; rename ${object.key}`);
        }
        else
            files.push({ value: String(arn), type: 's3' });
    });
    if (files.length > MAX_ENVIRONMENT_FILES) {
        ctx.problems.error(path, `${files.length} environment files from S3: ECS takes at most ${MAX_ENVIRONMENT_FILES} a container`);
    }
    return files;
}
function linuxParameters(ctx, service, params, tmpfs) {
    const d = service.definition;
    const s = service.canonical;
    const at = (key) => [...service.path, key];
    const fargate = ctx.launchType === 'FARGATE';
    const linux = {};
    const add = capabilities(s.cap_add);
    const drop = capabilities(s.cap_drop);
    if (fargate && add.some((c) => c !== 'SYS_PTRACE')) {
        ctx.problems.error(at('cap_add'), 'Fargate can only add the SYS_PTRACE capability');
    }
    if (add.length > 0 || drop.length > 0) {
        linux.capabilities = { ...(add.length > 0 && { add }), ...(drop.length > 0 && { drop }) };
    }
    if (s.devices) {
        if (fargate)
            ctx.problems.error(at('devices'), 'Fargate does not give containers host devices; remove devices');
        else
            linux.devices = devices(s.devices);
    }
    const init = params?.initProcessEnabled ?? (typeof d.init === 'boolean' ? d.init : undefined);
    if (init !== undefined)
        linux.initProcessEnabled = init;
    if (d.shm_size !== undefined && d.shm_size !== null) {
        const bytes = (0,units/* parseBytes */.z_)(d.shm_size);
        if (bytes === undefined || (0,units/* bytesToMiB */.lH)(bytes) < 1) {
            ctx.problems.error(at('shm_size'), `"${String(d.shm_size)}" is not a size of at least 1m (units b, k, m, g)`);
        }
        else if (fargate)
            ctx.problems.error(at('shm_size'), 'Fargate does not support shm_size');
        else
            linux.sharedMemorySize = (0,units/* bytesToMiB */.lH)(bytes);
    }
    if (tmpfs.length > 0)
        linux.tmpfs = tmpfs;
    return linux;
}

;// CONCATENATED MODULE: ./src/translate/depends.ts
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
        const list = (service.canonical.depends_on ?? []).map((d) => ({
            target: d.service,
            condition: depends_CONDITIONS[d.condition],
            at: d.at,
        }));
        for (const dep of params.get(name)?.dependsOn ?? []) {
            const found = list.findIndex((e) => e.target === dep.containerName);
            const edge = { target: dep.containerName ?? '', condition: dep.condition, at: path };
            if (found >= 0)
                list[found] = { ...edge, at: list[found].at };
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
        ctx.problems.error(edge.at, `service "${from}" cannot depend on itself`);
        return false;
    }
    if (ctx.project.services.has(edge.target))
        return true;
    const names = [...ctx.project.services.keys()].join(', ');
    ctx.problems.error(edge.at, `unknown service "${edge.target}"; the services are ${names}`);
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
                ctx.problems.error(edge.at, `depends_on cycle: ${cycle}; ECS could never start these containers`);
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

;// CONCATENATED MODULE: ./src/translate/habitat/supervisor-flags.ts
/**
 * THE table of `hab sup run` flags: the one source of truth for parsing Supervisor arguments in a
 * container `command` (supervisor.ts) and for docs/habitat.md's list.
 *
 * Checked against Habitat 2.1.78, which is what `hab pkg export container` installs into an image
 * today (`chef/hab-sup` from the base channel): the clap definitions in habitat-sh/habitat
 * components/hab/src/cli_v4/sup/sup_run.rs (`SupRunOptions`) and components/hab/src/cli_v4/utils.rs
 * (`SharedLoad`, `CacheKeyPath`, `SocketAddrProxy`), and the real 2.1.78 binaries' verdicts
 * (__tests__/integration/supervisor-parity.test.ts runs them).
 *
 * clap 4 semantics the parser follows: a flag that is not a list (`Vec`) may be given once; a list
 * flag (`several`) may repeat, and one occurrence takes every following token up to the next one
 * that starts with `-`, each also split at spaces; `--flag=value` takes that value only; short
 * switches cluster (`-DI`) and a short flag that takes a value may end a cluster (`-Dtleader`);
 * a flag given through its environment variable counts as given for conflicts and requirements.
 */
const sw = (long, extra = {}) => ({
    long,
    arity: 'switch',
    repeatable: false,
    ...extra,
});
const one = (long, value, extra = {}) => ({
    long,
    arity: 'one',
    repeatable: false,
    value,
    ...extra,
});
const several = (long, value, extra = {}) => ({
    long,
    arity: 'several',
    repeatable: true,
    value,
    ...extra,
});
const ctlTls = (long) => ({
    long,
    arity: 'zero-or-more',
    repeatable: false,
    value: 'path',
    note: `--${long} without a value reads /hab/cache/keys/ctl inside the container (hab sup secret generate-tls ` +
        'writes it there), and the Supervisor exits at start when no key or certificate is there: exported images ' +
        'have none, so add it to the image or mount it',
});
const STRICT_NAME = 'the Supervisor takes any text here, but the name becomes part of the service group, binds and the health-check URL';
const SUPERVISOR_FLAGS = [
    // Gossip, HTTP and control gateways
    one('listen-gossip', 'socket-address', { env: 'HAB_LISTEN_GOSSIP' }),
    several('peer', 'ipv4-host-port'),
    one('peer-watch-file', 'path'),
    sw('local-gossip-mode'),
    one('listen-http', 'socket-address', { env: 'HAB_LISTEN_HTTP' }),
    sw('http-disable', { short: 'D' }),
    one('listen-ctl', 'ipv4-host-port', { env: 'HAB_LISTEN_CTL' }),
    ctlTls('ctl-server-certificate'),
    ctlTls('ctl-server-key'),
    ctlTls('ctl-client-ca-certificate'),
    one('org', 'name', { stricter: STRICT_NAME }),
    sw('permanent-peer', { short: 'I' }),
    one('cache-key-path', 'path', { env: 'HAB_CACHE_KEY_PATH' }),
    one('ring-key', 'text', { env: 'HAB_RING_KEY' }),
    one('ring', 'text', { short: 'r', env: 'HAB_RING' }),
    // Updates and restarts
    sw('auto-update', { short: 'A' }),
    one('auto-update-period', 'u64'),
    one('service-update-period', 'u64'),
    one('service-min-backoff-period', 'u64'),
    one('service-max-backoff-period', 'u64'),
    one('service-restart-cooldown-period', 'u64'),
    // HTTP gateway TLS
    one('key', 'path'),
    one('certs', 'path'),
    one('ca-certs', 'path'),
    // Logging
    sw('verbose', { short: 'v', shortOnly: true }),
    sw('no-color'),
    sw('json-logging'),
    one('sys-ip-address', 'ip-address'),
    // Event stream
    one('event-stream-application', 'non-empty'),
    one('event-stream-environment', 'non-empty'),
    one('event-stream-connect-timeout', 'u64', { env: 'HAB_EVENT_STREAM_CONNECT_TIMEOUT' }),
    one('event-stream-token', 'non-empty', { env: 'HAB_AUTOMATE_AUTH_TOKEN' }),
    one('event-stream-url', 'non-empty'),
    one('event-stream-site', 'non-empty'),
    several('event-meta', 'key-value'),
    one('event-stream-server-certificate', 'path', {
        note: '--event-stream-server-certificate names a file the Supervisor reads at start: it must exist in the container',
    }),
    one('keep-latest-packages', 'u64', { env: 'HAB_KEEP_LATEST_PACKAGES' }),
    // Configuration files
    several('config-files', 'toml-file', {
        note: '--config-files names files the Supervisor reads at start: they must exist in the container',
    }),
    sw('generate-config', {
        note: '--generate-config prints the Supervisor configuration and exits: the container stops at once',
    }),
    // The service the Supervisor loads (`SharedLoad`, shared with `hab svc load`)
    one('channel', 'text'),
    one('url', 'url', { short: 'u' }),
    one('group', 'name', { stricter: STRICT_NAME }),
    one('topology', { oneOf: ['leader', 'standalone'] }, { short: 't' }),
    one('strategy', { oneOf: ['none', 'at-once', 'rolling'] }, { short: 's' }),
    one('update-condition', { oneOf: ['latest', 'track-channel'] }),
    several('bind', 'service-bind'),
    one('binding-mode', { oneOf: ['strict', 'relaxed'] }),
    one('health-check-interval', 'u64'),
    one('shutdown-timeout', 'u32'),
    one('config-from', 'path', {
        note: '--config-from is for development: the Supervisor warns not to use it in production',
    }),
    sw('help', {
        short: 'h',
        refused: '"--help" prints the help of hab sup run and exits, so the container would stop at once',
    }),
];
/** Pairs `hab sup run` refuses together (clap `conflicts_with`), counting environment variables. */
const SUPERVISOR_CONFLICTS = [
    ['local-gossip-mode', 'listen-gossip'],
    ['local-gossip-mode', 'peer'],
    ['local-gossip-mode', 'peer-watch-file'],
    ['peer-watch-file', 'peer'],
    ['ring', 'ring-key'],
];
/** A flag and the flags it needs (clap `requires`; `--key` without `--certs` crashes the Supervisor). */
const SUPERVISOR_REQUIRES = [
    ['ca-certs', ['certs', 'key']],
    ['certs', ['key']],
    ['key', ['certs']],
    ['event-stream-url', ['event-stream-application', 'event-stream-environment', 'event-stream-token']],
];
/** Flags older Supervisors took that the 2.x `hab sup run` refuses, with what to write instead. */
const SUPERVISOR_REMOVED = {
    '--svc-config-paths': '--svc-config-paths is no longer a flag of hab sup run in Habitat 2.x: remove it',
    '-i': '-i is no longer short for --health-check-interval on hab sup run in Habitat 2.x: write --health-check-interval',
    '--application': '--application (deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
    '-a': '-a (--application, deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
    '--environment': '--environment (deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
    '-e': '-e (--environment, deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
};
const FLAGS_BY_LONG = new Map(SUPERVISOR_FLAGS.filter((f) => !f.shortOnly).map((f) => [f.long, f]));
const FLAGS_BY_SHORT = new Map(SUPERVISOR_FLAGS.filter((f) => f.short !== undefined).map((f) => [f.short, f]));
/** How a flag is written in messages: `--peer`, or `-v` for the one without a long form. */
function displayName(spec) {
    return spec.shortOnly ? `-${spec.short ?? spec.long}` : `--${spec.long}`;
}

// EXTERNAL MODULE: ./src/translate/habitat/supervisor-values.ts
var supervisor_values = __webpack_require__(9957);
;// CONCATENATED MODULE: ./src/translate/habitat/supervisor.ts
/**
 * Supervisor arguments in a container `command`, parsed exactly as the Supervisor in the image
 * parses them (the flag table in supervisor-flags.ts), together with the environment variables it
 * reads in place of flags. The result (supervisor-args.ts) keeps how each flag was written.
 *
 * The image's entrypoint turns arguments that start with `-` into `hab sup run <origin/name> ...`,
 * so the package is already named and every argument must be a flag or a flag's value.
 */



/** True when a container command is Supervisor arguments rather than a program to run. */
function isSupervisorCommand(command) {
    return command === undefined || command.length === 0 || (command[0] ?? '').startsWith('-');
}
class ParseError extends Error {
    variable;
    constructor(message, variable) {
        super(message);
        this.variable = variable;
    }
}
/** Parses Supervisor arguments and the environment variables the Supervisor reads in their place. */
function parseSupervisorArgs(tokens, environment = {}) {
    try {
        const flags = readFlags(tokens);
        const given = new Set(flags.map((f) => f.name));
        const fromEnvironment = checkEnvironment(given, environment);
        const present = new Set([...given, ...fromEnvironment.keys()]);
        checkConflicts(present, fromEnvironment);
        checkRequirements(present);
        return { ok: true, args: { flags }, warnings: notes(flags) };
    }
    catch (e) {
        if (!(e instanceof ParseError))
            throw e;
        return { ok: false, problem: e.message, ...(e.variable !== undefined && { variable: e.variable }) };
    }
}
function readFlags(tokens) {
    const flags = [];
    const seen = new Set();
    let i = 0;
    // The tokens a flag may take as values: up to the next one that looks like a flag.
    const takeValues = (max) => {
        const taken = [];
        while (taken.length < max && i < tokens.length && isValueToken(tokens[i])) {
            taken.push(tokens[i++]);
        }
        return taken;
    };
    const add = (spec, flag, token) => {
        if (spec.refused)
            throw new ParseError(spec.refused);
        if (seen.has(spec.long) && !spec.repeatable) {
            throw new ParseError(`${displayName(spec)} is given twice (in "${token}"), and hab sup run refuses a repeated ${displayName(spec)}: keep one`);
        }
        seen.add(spec.long);
        flags.push(flag);
    };
    while (i < tokens.length) {
        const token = tokens[i++];
        if (token === '--') {
            throw new ParseError('unexpected argument "--": it would make the Supervisor read what follows as the package to run, and the image already names the package');
        }
        if (!token.startsWith('-') || token === '-')
            throw new ParseError(strayMessage(token));
        if (token.startsWith('--')) {
            const eq = token.indexOf('=');
            const written = eq < 0 ? token : token.slice(0, eq);
            const spec = FLAGS_BY_LONG.get(written.slice(2));
            if (!spec)
                throw new ParseError(unknownMessage(written));
            const inline = eq < 0 ? undefined : token.slice(eq + 1);
            add(spec, occurrence(spec, written, false, inline, 'equals', takeValues), token);
            continue;
        }
        // A cluster of short flags: switches, possibly ended by one flag that takes a value.
        let rest = token.slice(1);
        let first = true;
        while (rest !== '') {
            const letter = rest.charAt(0);
            rest = rest.slice(1);
            const spec = FLAGS_BY_SHORT.get(letter);
            if (!spec)
                throw new ParseError(unknownMessage(`-${letter}`, first ? undefined : token));
            const written = first ? `-${letter}` : letter;
            if (spec.arity === 'switch') {
                if (rest.startsWith('='))
                    throw new ParseError(`"-${letter}" is a switch and takes no value (in "${token}")`);
                add(spec, occurrence(spec, written, !first, undefined, 'attached', takeValues), token);
            }
            else {
                const inline = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
                const form = rest.startsWith('=') ? 'equals' : 'attached';
                add(spec, occurrence(spec, written, !first, inline, form, takeValues), token);
                rest = '';
            }
            first = false;
        }
    }
    return flags;
}
/** clap reads a token that starts with `-` as a flag, except `-` itself. */
function isValueToken(token) {
    return !token.startsWith('-') || token === '-';
}
/** One occurrence of a flag with the values it takes, checked. */
function occurrence(spec, written, clustered, inline, inlineForm, takeValues) {
    const name = clustered ? `-${written}` : written;
    if (spec.arity === 'switch') {
        if (inline !== undefined)
            throw new ParseError(`"${name}" is a switch and takes no value (found "=${inline}")`);
        return { name: spec.long, written, clustered, valueForm: 'separate', values: [], groups: [] };
    }
    let tokens;
    let valueForm = 'separate';
    if (inline !== undefined)
        [tokens, valueForm] = [[inline], inlineForm];
    else
        tokens = takeValues(spec.arity === 'one' ? 1 : Infinity);
    if (tokens.length === 0 && spec.arity !== 'zero-or-more') {
        throw new ParseError(`"${name}" needs a value${spec.arity === 'several' ? ' (one or more)' : ''}`);
    }
    // List flags split each token at spaces too (clap value_delimiter = ' ').
    const split = spec.arity === 'several' ? tokens.map((t) => t.split(' ')) : tokens.map((t) => [t]);
    const values = split.flat();
    for (const value of values) {
        const problem = spec.value && (0,supervisor_values/* valueProblem */.FQ)(spec.value, value);
        if (problem === undefined)
            continue;
        const hint = spec.arity === 'several' && value.includes('/')
            ? `; ${name} takes every word up to the next flag as one of its values, so a package ident after it is read as one (the image already names the package)`
            : '';
        const stricter = spec.stricter ? ` (${spec.stricter})` : '';
        throw new ParseError(`"${name} ${value}": ${problem}${stricter}${hint}`);
    }
    return { name: spec.long, written, clustered, valueForm, values, groups: split.map((s) => s.length) };
}
/** The environment variables the Supervisor reads for flags not given, checked like the flag. */
function checkEnvironment(given, environment) {
    const used = new Map();
    for (const spec of SUPERVISOR_FLAGS) {
        if (spec.env === undefined || given.has(spec.long))
            continue;
        const value = environment[spec.env];
        if (value === undefined)
            continue;
        const problem = spec.value && (0,supervisor_values/* valueProblem */.FQ)(spec.value, value);
        if (problem) {
            throw new ParseError(`${spec.env}=${JSON.stringify(value)}, which the Supervisor reads as ${displayName(spec)}: ${problem}`, spec.env);
        }
        used.set(spec.long, spec.env);
    }
    return used;
}
function checkConflicts(present, fromEnvironment) {
    for (const [a, b] of SUPERVISOR_CONFLICTS) {
        if (!present.has(a) || !present.has(b))
            continue;
        const via = [a, b]
            .filter((n) => fromEnvironment.has(n))
            .map((n) => ` (--${n} comes from ${fromEnvironment.get(n)})`);
        throw new ParseError(`--${a} and --${b} cannot be used together${via.join('')}`, fromEnvironment.get(b) ?? fromEnvironment.get(a));
    }
}
function checkRequirements(present) {
    for (const [flag, needs] of SUPERVISOR_REQUIRES) {
        const missing = needs.filter((n) => !present.has(n));
        if (present.has(flag) && missing.length > 0) {
            throw new ParseError(`--${flag} needs ${missing.map((n) => `--${n}`).join(' and ')} too`);
        }
    }
}
/** Warnings about flags whose effect only the running container can tell. */
function notes(flags) {
    const said = new Set();
    for (const flag of flags) {
        const spec = SUPERVISOR_FLAGS.find((s) => s.long === flag.name);
        if (!spec?.note)
            continue;
        if (spec.arity === 'zero-or-more' && flag.values.length > 0)
            continue;
        said.add(spec.note);
    }
    return [...said];
}
function strayMessage(token) {
    return `unexpected argument "${token}": only Supervisor flags and their values may follow, the image already names the package to run`;
}
function unknownMessage(written, cluster) {
    const removed = SUPERVISOR_REMOVED[written];
    if (removed)
        return removed;
    const where = cluster ? ` (in "${cluster}")` : '';
    const match = written.startsWith('--')
        ? (0,suggest/* closest */.k)(written.slice(2), SUPERVISOR_FLAGS.filter((s) => !s.shortOnly).map((s) => s.long))
        : undefined;
    return `unknown Supervisor flag "${written}"${where}${match ? `; did you mean --${match}?` : ''}`;
}

;// CONCATENATED MODULE: ./src/translate/habitat/supervisor-args.ts
/**
 * Parsed Supervisor arguments: what the ECS pass reads and edits, and how they are written back as
 * exactly the tokens the user wrote (plus the pass's edits). supervisor.ts parses them.
 */
/** A flag the action adds, written `--name value`. */
function newFlag(name, values) {
    return {
        name,
        written: `--${name}`,
        clustered: false,
        valueForm: 'separate',
        values,
        groups: values.map(() => 1),
    };
}
/** The tokens for a container `command`, in the user's order and spelling. */
function serializeSupervisorArgs(args) {
    const tokens = [];
    for (const flag of args.flags) {
        const valueTokens = joinValues(flag);
        const [first, ...rest] = valueTokens;
        const head = flag.clustered ? `${tokens.pop() ?? ''}${flag.written}` : flag.written;
        if (first === undefined)
            tokens.push(head);
        else if (flag.valueForm === 'equals')
            tokens.push(`${head}=${first}`);
        else if (flag.valueForm === 'attached')
            tokens.push(`${head}${first}`);
        else
            tokens.push(head, first);
        tokens.push(...rest);
    }
    return tokens;
}
/** Values back into tokens as the user grouped them; one a token when a pass changed their number. */
function joinValues(flag) {
    const total = flag.groups.reduce((a, b) => a + b, 0);
    if (total !== flag.values.length)
        return [...flag.values];
    const tokens = [];
    let at = 0;
    for (const size of flag.groups) {
        tokens.push(flag.values.slice(at, at + size).join(' '));
        at += size;
    }
    return tokens;
}
/** Every value given to a flag, across all its occurrences, in order. */
function flagValues(args, name) {
    return args.flags.filter((f) => f.name === name).flatMap((f) => f.values);
}
/** The value of a single-valued flag, if given. */
function lastFlagValue(args, name) {
    return flagValues(args, name).at(-1);
}
function hasFlag(args, name) {
    return args.flags.some((f) => f.name === name);
}

;// CONCATENATED MODULE: ./src/translate/habitat/context.ts



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
        problems: src_problems/* Problems */.Zw.forProject(project),
    };
    // Compose order, which is what the port scheme counts in.
    const order = [...project.services.keys(), ...byName.keys()].filter((n, i, all) => all.indexOf(n) === i);
    for (const name of order) {
        const service = habitatServices.get(name);
        const definition = byName.get(name);
        if (!service || !definition)
            continue;
        context.habitat.push(context_describe(context, name, definition, service));
    }
    return context;
}
function context_describe(context, name, definition, service) {
    const packageName = service.packageName;
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
    const parsed = parseSupervisorArgs(definition.command ?? [], plainEnvironment(definition));
    if (!parsed.ok) {
        const at = parsed.variable ? ['services', name, 'environment', parsed.variable] : commandPath(name);
        context.problems.error(at, `${parsed.problem} (Supervisor arguments of "${name}")`);
        return container;
    }
    container.args = parsed.args;
    for (const warning of parsed.warnings) {
        context.problems.warn(commandPath(name), `${warning} (Supervisor arguments of "${name}")`);
    }
    const org = lastFlagValue(parsed.args, 'org');
    if (org !== undefined)
        container.org = org;
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
/** The variables a container definition sets to plain values (secrets' values are not known here). */
function plainEnvironment(definition) {
    const pairs = (definition.environment ?? []).flatMap((e) => e.name !== undefined && e.value !== undefined ? [[e.name, e.value]] : []);
    return Object.fromEntries(pairs);
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

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./src/translate/habitat/environment.ts



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
        (0,smol_toml_dist/* parse */.qg)(value);
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
/**
 * The gateway's health route of a container's service. The service group is the package name as
 * written (the Supervisor keeps its case) and the group, plus the organization with --org, which
 * has a route of its own.
 */
function healthPath(container) {
    const org = container.org === undefined ? '' : `/${container.org}`;
    return `/services/${container.packageName}/${container.group}${org}/health`;
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
        const url = `http://${host}:${port}${healthPath(container)}`;
        definition.healthCheck = { command: ['CMD-SHELL', `wget -qO- ${auth}${url} || exit 1`], ...HEALTH_CHECK };
    }
}

;// CONCATENATED MODULE: ./src/translate/habitat/order.ts

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

;// CONCATENATED MODULE: ./src/translate/habitat/ports.ts



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
        const fromFlag = flag === undefined ? undefined : (0,supervisor_values/* splitHostPort */.cC)(flag);
        const fromVariable = variable === undefined ? undefined : (0,supervisor_values/* splitHostPort */.cC)(variable);
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
        container.args?.flags.push(newFlag(`listen-${listener}`, [`${BIND_ADDRESS[listener]}:${port}`]));
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

;// CONCATENATED MODULE: ./src/translate/habitat/peers.ts



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
                const address = (0,supervisor_values/* splitHostPort */.cC)(value);
                if (!address || address.host === 'localhost' || (0,supervisor_values/* isIpAddress */.oX)(address.host))
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
    const offered = context.habitat.map((c) => `${serviceGroup(c)} ("${c.name}")`);
    for (const container of context.habitat) {
        for (const flag of container.args?.flags ?? []) {
            if (flag.name !== 'bind')
                continue;
            for (const value of flag.values) {
                const bind = (0,supervisor_values/* parseBind */.vo)(value);
                if (!bind)
                    continue;
                const sameService = context.habitat.filter((c) => c.packageName === bind.service);
                if (sameService.some((c) => c.group === bind.group && c.org === bind.org))
                    continue;
                const message = sameService.length > 0
                    ? `--bind ${value} of "${container.name}" wants ${bind.service}.${bind.group}${bind.org ? `@${bind.org}` : ''}, but ` +
                        sameService.map((c) => `"${c.name}" runs ${serviceGroup(c)}`).join(' and ') +
                        `; set --group (or x-habitat group) and --org there, or bind to ${bind.name}:${serviceGroup(sameService[0] ?? container)}`
                    : `--bind ${value} of "${container.name}": no container in this task runs the Habitat service ` +
                        `"${bind.service}" (this task runs ${offered.join(', ')}); unless a Supervisor outside the task ` +
                        `provides it, the service waits for the bind forever`;
                context.problems.warn(commandPath(container.name), message);
            }
        }
    }
}
/** `<package>.<group>[@<org>]`, the service group a Supervisor runs its service in. */
function serviceGroup(c) {
    return `${c.packageName}.${c.group}${c.org === undefined ? '' : `@${c.org}`}`;
}

;// CONCATENATED MODULE: ./src/translate/habitat/apply.ts






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
        throw new src_diagnostics/* UserError */.yo(context.problems.errors);
    writeBackCommands(context);
    return { taskDefinition, warnings: context.problems.warnings };
}

;// CONCATENATED MODULE: ./src/translate/launch-rules.ts


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
    const p = params?.locate(['task_definition']) ? new src_problems/* Problems */.Zw(params.locate) : undefined;
    const out = [];
    const problem = (path, message) => {
        if (p)
            p.error(path, message);
        else
            out.push((0,src_diagnostics/* error */.z3)(message, { input: params ? 'ecs-params' : 'launch-type' }));
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

;// CONCATENATED MODULE: ./src/translate/key-order.ts
/** Key orders of the output, so identical inputs give byte-identical JSON whatever built it. */
const TASK_KEYS = [
    'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes',
    'placementConstraints', 'requiresCompatibilities', 'runtimePlatform', 'cpu', 'memory', 'pidMode', 'ipcMode', 'tags',
]; // prettier-ignore
const CONTAINER_KEYS = [
    'name', 'image', 'repositoryCredentials', 'cpu', 'memory', 'memoryReservation', 'links', 'portMappings',
    'essential', 'entryPoint', 'command', 'environment', 'environmentFiles', 'mountPoints', 'volumesFrom', 'linuxParameters', 'secrets',
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

// EXTERNAL MODULE: ./src/translate/runtime-platform.ts
var runtime_platform = __webpack_require__(3944);
;// CONCATENATED MODULE: ./src/translate/taskdef.ts











/**
 * A compose project -> the RegisterTaskDefinition input: one container per service, in compose
 * order, with the Habitat pass applied and keys in a fixed order. Pure; throws UserError with
 * every problem found (each at its file:line:column) rather than the first.
 */
const MAX_CONTAINERS = 10;
function translateTaskDefinition(project, options) {
    const params = options.ecsParams;
    const networkMode = decideNetworkMode(options.launchType, params);
    const problems = src_problems/* Problems */.Zw.forProject(project);
    const paramsProblems = params ? new src_problems/* Problems */.Zw(params.locate) : undefined;
    const ctx = {
        project,
        problems,
        launchType: options.launchType,
        networkMode,
        habitatServices: options.habitatServices,
        builtServices: options.builtServices ?? new Map(),
    };
    const errors = [];
    if (!context/* ECS_NAME */.G.test(options.family)) {
        errors.push((0,src_diagnostics/* error */.z3)(`"${options.family}" is not a task family: use 1-255 letters, digits, - and _`, {
            input: 'task-family',
        }));
    }
    errors.push(...checkLaunchType(options.launchType, networkMode, params));
    const platform = (0,runtime_platform/* decidePlatform */.e9)(project, options.platform);
    errors.push(...platform.errors);
    if (params && paramsProblems) {
        // ecs-cli skips an entry for a service the compose files do not have: so do we, with a word.
        const names = [...project.services.keys()];
        for (const name of params.services.keys()) {
            if (!project.services.has(name)) {
                paramsProblems.warn(['task_definition', 'services', name], `ignored: no compose service is named "${name}"${similarService(name, names)}`);
            }
        }
        if (params.runParams.networkConfiguration && networkMode !== 'awsvpc') {
            paramsProblems.error(['run_params', 'network_configuration'], `awsvpc_configuration needs ecs_network_mode: awsvpc (the task uses ${networkMode})`);
        }
    }
    // ECS's fixed quota: 10 containers in a task definition
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html).
    const names = [...project.services.keys()];
    for (const name of names.slice(MAX_CONTAINERS)) {
        problems.error(['services', name], `one task holds at most ${MAX_CONTAINERS} containers and this file has ${names.length}: ` +
            'split the services across two compose files (two task definitions and services)');
    }
    const volumes = new translate_volumes/* TaskVolumes */.jI(ctx, params?.dockerVolumes ?? new Map(), params?.efsVolumes);
    const containers = [];
    for (const [name, service] of project.services) {
        const input = { ...service, path: ['services', name] };
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
        ...(platform.platform && { runtimePlatform: platform.platform.runtimePlatform }),
    };
    const fail = () => [...errors, ...problems.errors, ...(paramsProblems?.errors ?? [])];
    if (fail().length > 0)
        throw new src_diagnostics/* UserError */.yo(fail());
    const habitat = applyHabitat({
        taskDefinition: translated,
        project,
        habitatServices: options.habitatServices,
        options: options.habitat,
    });
    const finalContainers = (habitat.taskDefinition.containerDefinitions ?? []).map((c) => ordered(c, CONTAINER_KEYS));
    checkDependencies(finalContainers, problems);
    if (fail().length > 0)
        throw new src_diagnostics/* UserError */.yo(fail());
    return {
        taskDefinition: ordered({ ...habitat.taskDefinition, containerDefinitions: finalContainers }, TASK_KEYS),
        runParams: params?.runParams ?? {},
        warnings: [
            ...(params?.warnings ?? []),
            ...(paramsProblems?.warnings ?? []),
            ...problems.warnings,
            ...habitat.warnings,
        ],
    };
}
/** A did-you-mean for a service name: a likely typo, or the one name that holds the other (a rename: web -> web-app). */
function similarService(name, names) {
    const containing = names.filter((n) => Math.min(n.length, name.length) >= 3 && (n.includes(name) || name.includes(n)));
    const match = (0,suggest/* closest */.k)(name, names) ?? (containing.length === 1 ? containing[0] : undefined);
    return match ? `; did you mean "${match}"?` : '';
}

// EXTERNAL MODULE: ./src/translate/build-plan.ts
var build_plan = __webpack_require__(4096);
// EXTERNAL MODULE: ./src/translate/habitat/package-source.ts
var package_source = __webpack_require__(262);
;// CONCATENATED MODULE: ./src/translate/given-task.ts






/** What DescribeTaskDefinition adds that RegisterTaskDefinition does not take (as the AWS render action drops it). */
const READ_ONLY = [
    'taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt',
    'registeredBy', 'deregisteredAt', 'deleteRequestedAt', 'tags',
]; // prettier-ignore
/**
 * The given task definition with `family` and this deploy's images. `built`: the compose file's
 * built services (by service name). Throws a UserError naming the file's line when it is not a
 * task definition ECS would take.
 */
function pinGivenTask(given, options) {
    const { value, locate } = readGiven(given);
    const where = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const location = locate(path.slice(0, n));
            if (location)
                return { location, path: path.map(String).join('.') };
        }
        return { input: 'task-definition' };
    };
    const containers = Array.isArray(value.containerDefinitions)
        ? value.containerDefinitions
        : [];
    const problems = [];
    if (containers.length === 0)
        problems.push((0,src_diagnostics/* error */.z3)(`${given.source} has no containerDefinitions: it is not a task definition`, where([])));
    const byRepository = new Map(options.packages.map((p) => [(0,package_source/* repositoryOf */._M)(p), p]));
    const habitatServices = new Map();
    const builtServices = new Map();
    const out = containers.map((c, i) => {
        if (!(0,json/* isRecord */.u4)(c) || typeof c.name !== 'string' || typeof c.image !== 'string') {
            problems.push((0,src_diagnostics/* error */.z3)('a container definition needs a name and an image', where(['containerDefinitions', i])));
            return c;
        }
        const { repository } = (0,image_name/* splitImage */.s5)(c.image);
        const source = byRepository.get(repository);
        const built = options.built.get(c.name);
        let image = c.image;
        if (source) {
            image =
                options.target.images?.get(repository) ??
                    `${options.target.registry}/${repository}:${options.target.imageTag}`;
            habitatServices.set(c.name, { repository, packageName: source.name, image });
        }
        else if (built) {
            image = built.image;
            builtServices.set(c.name, built);
        }
        return { ...c, image };
    });
    const names = new Set(out.map((c) => c.name));
    const warnings = [...options.built.keys()]
        .filter((name) => !names.has(name))
        .map((name) => (0,src_diagnostics/* warning */.$e)(`the compose file builds ${name}, but ${given.source} has no container named ${name}: its image is built and pushed, and nothing runs it`, { input: 'task-definition' }));
    for (const [repository] of byRepository) {
        if (![...habitatServices.values()].some((h) => h.repository === repository))
            warnings.push((0,src_diagnostics/* warning */.$e)(`package ${repository} is exported and pushed, but no container of ${given.source} runs it`, {
                input: 'habitat-packages',
            }));
    }
    if (problems.length > 0)
        throw new src_diagnostics/* UserError */.yo(problems);
    const content = Object.fromEntries(Object.entries(value).filter(([k]) => !READ_ONLY.includes(k)));
    const taskDefinition = {
        ...content,
        family: options.family,
        containerDefinitions: out,
    };
    return {
        taskDefinition,
        habitatServices,
        builtServices,
        project: containerProject(out, locate, given),
        warnings,
    };
}
function readGiven(given) {
    if (given.described)
        return { value: given.described, locate: () => undefined };
    const parsed = parseLocatedYaml(readGivenFile(given.file ?? given.source, given.source), given.source);
    if (parsed.errors.length > 0)
        throw new src_diagnostics/* UserError */.yo(parsed.errors);
    if (!(0,json/* isRecord */.u4)(parsed.value))
        throw new src_diagnostics/* UserError */.yo((0,src_diagnostics/* error */.z3)(`${given.source} is not a JSON object (a task definition)`, { input: 'task-definition' }));
    // The AWS CLI's `describe-task-definition` output wraps it: take that too.
    const wrapped = parsed.value.taskDefinition;
    if ((0,json/* isRecord */.u4)(wrapped))
        return { value: wrapped, locate: (path) => parsed.locate(['taskDefinition', ...path]) };
    return { value: parsed.value, locate: parsed.locate };
}
/** Reads the `task-definition` file (at most 1 MiB, UTF-8, as compose files). */
function readGivenFile(file, display) {
    try {
        return readTextFile(file, display, 'task definition');
    }
    catch (e) {
        if (!(e instanceof src_diagnostics/* UserError */.yo))
            throw e;
        throw new src_diagnostics/* UserError */.yo(e.diagnostics.map((d) => ({ ...d, input: 'task-definition' })));
    }
}
/**
 * The containers as a project of services of the same names, placed in the file: what verify
 * reports on (`services.<name>` is the container's entry in containerDefinitions).
 */
function containerProject(containers, locate, given) {
    const index = new Map(containers.map((c, i) => [c.name ?? '', i]));
    const services = new Map(containers.map((c) => [c.name ?? '', { name: c.name ?? '', definition: {}, canonical: {} }]));
    return {
        files: [given.source],
        workingDir: '.',
        name: '',
        services,
        volumes: {},
        warnings: [],
        locate: (path) => {
            const i = path[0] === 'services' ? index.get(String(path[1])) : undefined;
            return i === undefined ? locate([]) : (locate(['containerDefinitions', i]) ?? locate([]));
        },
    };
}

;// CONCATENATED MODULE: ./src/translate/project.ts









/**
 * The whole translation, shared by the action and the CLI: load the compose files, plan which
 * services run Habitat packages (and which are built), read ecs-params and translate. No AWS, no network, no processes.
 */
function translateProject(input) {
    if (input.given)
        return translateGiven(input, input.given);
    const project = loadComposeProject({
        files: input.files,
        ...(input.envFile !== undefined && { envFile: input.envFile }),
        environment: input.environment,
        ...(input.refuseVariable && { refuseVariable: input.refuseVariable }),
        ...(input.root !== undefined && { root: input.root }),
    });
    // Errors about it are the translation's (translateTaskDefinition decides it again).
    const taskPlatform = (0,runtime_platform/* decidePlatform */.e9)(project, input.platform).platform;
    const plan = (0,image_plan/* planImages */.y)(project, input.packages, {
        registry: input.registry,
        imageTag: input.imageTag,
        ...(input.images && { images: input.images }),
    }, {
        build: input.build === true,
        ...(taskPlatform && { platform: taskPlatform.platform }),
    });
    const ecsParams = input.ecsParamsFile === undefined ? undefined : loadEcsParams(input.ecsParamsFile);
    const task = translateTaskDefinition(project, {
        launchType: input.launchType,
        family: input.family,
        habitatServices: plan.services,
        builtServices: plan.built,
        ...(ecsParams && { ecsParams }),
        habitat: input.habitat,
        ...(input.platform !== undefined && { platform: input.platform }),
    });
    const warnings = [...project.warnings, ...plan.warnings, ...task.warnings];
    return {
        ...task,
        warnings,
        project,
        habitatServices: plan.services,
        packages: plan.packages,
        builtServices: plan.built,
        builds: plan.builds,
        ...(ecsParams && { ecsParams }),
    };
}
/**
 * A task definition of the user's own, with this deploy's images: the compose files, when given,
 * only say which containers are built (their `build:` services of the same name).
 */
function translateGiven(input, given) {
    const target = {
        registry: input.registry,
        imageTag: input.imageTag,
        ...(input.images && { images: input.images }),
    };
    const compose = input.files.length > 0
        ? loadComposeProject({
            files: input.files,
            ...(input.envFile !== undefined && { envFile: input.envFile }),
            environment: input.environment,
            ...(input.refuseVariable && { refuseVariable: input.refuseVariable }),
            ...(input.root !== undefined && { root: input.root }),
        })
        : undefined;
    const building = compose && input.build === true
        ? (0,build_plan/* planBuilds */.z)(compose, new Set(), new Set(input.packages.map(package_source/* repositoryOf */._M)), target, input.platform)
        : undefined;
    if (building && building.problems.errors.length > 0)
        throw new src_diagnostics/* UserError */.yo(building.problems.errors);
    const pinned = pinGivenTask(given, {
        family: input.family,
        packages: input.packages,
        built: building?.services ?? new Map(),
        target,
    });
    const ecsParams = input.ecsParamsFile === undefined ? undefined : loadEcsParams(input.ecsParamsFile);
    return {
        taskDefinition: pinned.taskDefinition,
        runParams: ecsParams?.runParams ?? {},
        warnings: [
            ...(compose?.warnings ?? []),
            ...(building?.problems.warnings ?? []),
            ...(ecsParams?.warnings ?? []),
            ...pinned.warnings,
        ],
        project: pinned.project,
        habitatServices: pinned.habitatServices,
        packages: input.packages,
        builtServices: pinned.builtServices,
        builds: building?.builds ?? [],
        ...(ecsParams && { ecsParams }),
    };
}

;// CONCATENATED MODULE: ./src/stages/request.ts


/**
 * Images are named after the registry of this account while no account is known: only the images
 * of Habitat packages and builds depend on it, and a run that pushes them names the real one.
 */
const PLACEHOLDER_ACCOUNT = '000000000000';
const PLACEHOLDER_REGION = 'us-east-1';
/** The registry the request's images are named after until a login names the real one. */
function requestRegistry(request) {
    return (0,image_plan/* ecrRegistry */.g)(request.accountId || PLACEHOLDER_ACCOUNT, request.region || PLACEHOLDER_REGION);
}
/**
 * The translation of the request: its images named after `registry`, or pinned by `images`
 * (repository -> `uri@digest`). No AWS, no network, no processes.
 */
function translateRequest(request, registry, images) {
    return translateProject({
        files: request.composeFiles,
        ...(request.root !== undefined && { root: request.root }),
        ...(request.envFile !== undefined && { envFile: request.envFile }),
        ...(request.ecsParamsFile !== undefined && { ecsParamsFile: request.ecsParamsFile }),
        launchType: request.launchType,
        family: request.family,
        packages: request.packages,
        registry,
        imageTag: request.imageTag,
        habitat: request.habitat,
        build: request.build,
        environment: request.environment,
        refuseVariable: request.refuseVariable,
        ...(request.platform !== undefined && { platform: request.platform }),
        ...(request.given && { given: request.given }),
        ...(images && { images }),
    });
}


/***/ }),

/***/ 2969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ didYouMean),
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
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


/***/ }),

/***/ 4096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ planBuilds)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _problems__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2095);
/* harmony import */ var _secret_names__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5645);
/* harmony import */ var _image_name__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3527);




/** The platform a service's image is built for when neither it nor the task names one: what ECS runs by default. */
const DEFAULT_PLATFORM = 'linux/amd64';
const OS_ARCH = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const REMOTE_CONTEXT = /^[\w+.-]+:\/\/|^git@|^github\.com\//;
/**
 * Which services are built and where their images go. A service with `build:` that does not run
 * a Habitat package (`skip`) is built from its context, and its image pushed to the repository its
 * `image:` names, or `<project>/<service>`. Pure: the files themselves are checked later
 * (docker-build/check.ts), before anything runs.
 */
function planBuilds(project, skip, habitatRepositories, target, taskPlatform = DEFAULT_PLATFORM) {
    const problems = _problems__WEBPACK_IMPORTED_MODULE_1__/* .Problems */ .Zw.forProject(project);
    const services = new Map();
    const builds = new Map();
    for (const [name, service] of project.services) {
        const build = service.canonical.build;
        if (!build || skip.has(name))
            continue;
        const at = ['services', name];
        const image = service.definition.image;
        const imageAt = [...at, 'image'];
        const written = typeof image === 'string' && image !== '' ? (0,_image_name__WEBPACK_IMPORTED_MODULE_2__/* .splitImage */ .s5)(image) : undefined;
        const repository = written?.repository ?? `${project.name}/${name.toLowerCase()}`;
        if (!(0,_image_name__WEBPACK_IMPORTED_MODULE_2__/* .isValidRepositoryName */ .oi)(repository)) {
            problems.error(written ? imageAt : build.at, `cannot push the built image to the ECR repository "${repository}": each part must start and end with a letter or digit, with single ".", "_" or "-" between; set image: to a repository name`);
            continue;
        }
        if (habitatRepositories.has(repository)) {
            problems.error(written ? imageAt : build.at, `${repository} is the repository of a Habitat package of this deploy: give the built image another image:`);
            continue;
        }
        if (written?.host !== undefined && !/\.dkr\.ecr\./.test(written.host)) {
            problems.warn(imageAt, `the built image is pushed to this deploy's ECR registry as ${repository}, not to ${written.host}`);
        }
        const planned = readBuild(project, name, build, taskPlatform, problems);
        if (!planned)
            continue;
        const earlier = builds.get(repository);
        if (earlier && !sameBuild(earlier, planned)) {
            problems.error(build.at, `builds ${repository} differently from service ${earlier.services[0]}, which pushes there too: give one of them another image:`);
            continue;
        }
        if (earlier)
            earlier.services.push(name);
        else
            builds.set(repository, { ...planned, repository, services: [name] });
        services.set(name, {
            repository,
            image: target.images?.get(repository) ?? `${target.registry}/${repository}:${target.imageTag}`,
        });
    }
    return { services, builds: [...builds.values()], problems };
}
/** The build of one service, its keys checked; undefined (with errors) when it cannot be built. */
function readBuild(project, name, build, taskPlatform, problems) {
    const errors = problems.errors.length;
    const at = ['services', name];
    for (const other of build.others) {
        if (other.value === 'dockerfile_inline')
            problems.error(other.at, 'is not supported: write the Dockerfile to a file and name it with dockerfile:');
        else
            problems.warn(other.at, 'ignored: the image is built with context, dockerfile, args, target, labels and platforms only');
    }
    if (REMOTE_CONTEXT.test(build.context.value)) {
        problems.error(build.context.at, 'a remote build context is not fetched here: check the sources out into the workspace (actions/checkout) and name their directory');
    }
    const written = project.services.get(name)?.definition.platform;
    const platform = typeof written === 'string' && written !== '' ? written.toLowerCase() : taskPlatform;
    if (!OS_ARCH.test(platform))
        problems.error([...at, 'platform'], `"${platform}" is not a platform such as linux/amd64 or linux/arm64`);
    if (build.platforms) {
        const listed = build.platforms.map((p) => p.value.toLowerCase());
        if (!listed.includes(platform)) {
            problems.error([...at, 'build', 'platforms'], `does not list ${platform}, the platform the service runs on (its platform:, else the task's, ${taskPlatform}): add it`);
        }
        else if (listed.length > 1) {
            problems.warn([...at, 'build', 'platforms'], `only ${platform} is built: an ECS task runs one platform (the service's platform:, else the task's, ${taskPlatform})`);
        }
    }
    const args = build.args.map((a) => {
        const secret = (0,_secret_names__WEBPACK_IMPORTED_MODULE_3__/* .holdsSecret */ .h)(a.key);
        if (secret && a.value !== null) {
            problems.warn(a.at, `build arg ${a.key} looks like a secret: its value is kept in the history of the pushed image, which anyone who can pull it can read; keep secrets out of images`);
        }
        return { name: a.key, ...(a.value !== null && { value: a.value }), secret };
    });
    if (problems.errors.length > errors)
        return undefined;
    const context = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(project.workingDir, build.context.value);
    return {
        context,
        dockerfile: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(context, build.dockerfile?.value ?? 'Dockerfile'),
        args,
        ...(build.target && { target: build.target.value }),
        labels: build.labels.map((l) => [l.key, l.value ?? '']),
        platform,
        places: {
            context: build.context.at,
            dockerfile: build.dockerfile?.at ?? build.at,
            ...(build.target && { target: build.target.at }),
        },
    };
}
/** Two services may share an image only if they build it alike. */
function sameBuild(a, b) {
    const key = (x) => JSON.stringify([x.context, x.dockerfile, x.args, x.target ?? null, x.labels, x.platform]);
    return key(a) === key(b);
}


/***/ }),

/***/ 3554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ EFS_KEYS),
/* harmony export */   f: () => (/* binding */ readEfsConfiguration)
/* harmony export */ });
/** ecs-cli's keys (efs_volumes), without `name`. */
const EFS_KEYS = [
    'filesystem_id', 'root_directory', 'transit_encryption', 'transit_encryption_port', 'access_point', 'iam',
]; // prettier-ignore
const FILE_SYSTEM = /^fs-[0-9a-f]{8,40}$/;
const ACCESS_POINT = /^fsap-[0-9a-f]{8,40}$/;
/**
 * The EFSVolumeConfiguration of one volume's keys, checked as ECS checks it
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html):
 * an access point or IAM authorization needs transit encryption, an access point sets the root
 * directory itself, and a transit encryption port needs transit encryption. Undefined after an error.
 */
function readEfsConfiguration(r, fields, path) {
    const errors = r.p.errors.length;
    const at = (key) => [...path, key];
    const fileSystemId = r.string(fields.filesystem_id, at('filesystem_id'), true);
    if (fileSystemId !== undefined && !FILE_SYSTEM.test(fileSystemId))
        r.p.error(at('filesystem_id'), `"${fileSystemId}" is not an EFS file system id such as fs-0123456789abcdef0`);
    const accessPoint = r.string(fields.access_point, at('access_point'));
    if (accessPoint !== undefined && !ACCESS_POINT.test(accessPoint))
        r.p.error(at('access_point'), `"${accessPoint}" is not an EFS access point id such as fsap-0123456789abcdef0`);
    const switches = ['ENABLED', 'DISABLED'];
    const transit = r.oneOf(fields.transit_encryption, at('transit_encryption'), switches);
    const iam = r.oneOf(fields.iam, at('iam'), switches);
    const port = r.whole(fields.transit_encryption_port, at('transit_encryption_port'));
    const root = r.string(fields.root_directory, at('root_directory'));
    const encrypted = transit === 'ENABLED';
    const needsTransit = (why) => r.p.error(at(transit === undefined ? 'filesystem_id' : 'transit_encryption'), `${why} needs transit_encryption: ENABLED (ECS refuses it without)`);
    if (accessPoint !== undefined && !encrypted)
        needsTransit('an access point');
    else if (iam === 'ENABLED' && !encrypted)
        needsTransit('iam: ENABLED');
    if (port !== undefined && (!encrypted || port < 1 || port > 65535))
        r.p.error(at('transit_encryption_port'), encrypted ? 'must be a port from 1 to 65535' : 'is only used with transit_encryption: ENABLED');
    if (accessPoint !== undefined && root !== undefined && root !== '/')
        r.p.error(at('root_directory'), "with an access point, the directory mounted is the access point's: remove root_directory (or set the access point's root)");
    if (root !== undefined && !root.startsWith('/'))
        r.p.error(at('root_directory'), `"${root}" must be an absolute path in the file system, such as /mongodb`);
    if (r.p.errors.length > errors || fileSystemId === undefined)
        return undefined;
    return {
        fileSystemId,
        ...(root !== undefined && { rootDirectory: root }),
        ...(transit && { transitEncryption: transit }),
        ...(port !== undefined && { transitEncryptionPort: port }),
        ...((accessPoint !== undefined || iam) && {
            authorizationConfig: {
                ...(accessPoint !== undefined && { accessPointId: accessPoint }),
                ...(iam && { iam }),
            },
        }),
    };
}


/***/ }),

/***/ 9957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ valueProblem),
/* harmony export */   c: () => (/* binding */ SERVICE_GROUP_NAME),
/* harmony export */   cC: () => (/* binding */ splitHostPort),
/* harmony export */   oX: () => (/* binding */ isIpAddress),
/* harmony export */   vo: () => (/* binding */ parseBind)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/**
 * How `hab sup run` reads the value of each of its flags: the value parsers of Habitat 2.1.78
 * (Rust's `SocketAddr`, `IpAddr` and integer parsers, the `url` crate, Habitat's `ServiceBind`,
 * `EventStreamMetaPair` and `resolve_socket_addr_with_default_port`), rewritten as checks that
 * say what is wrong. Pure: nothing is resolved and no file is read; where the Supervisor reads
 * a file or resolves a name at start, the flag table says so instead.
 */

/** Service group and organization names the action accepts: they end up in URLs and a shell command. */
const SERVICE_GROUP_NAME = /^[A-Za-z0-9_-]+$/;
/** Returns what is wrong with a value, or undefined when the Supervisor accepts it. */
function valueProblem(syntax, value) {
    if (typeof syntax === 'object') {
        return syntax.oneOf.includes(value) ? undefined : `must be one of ${syntax.oneOf.join(', ')}`;
    }
    switch (syntax) {
        case 'socket-address':
            return isSocketAddress(value)
                ? undefined
                : 'must be an IP address and port such as 0.0.0.0:9638 ([::]:9638 for IPv6); the Supervisor does not resolve host names here';
        case 'ipv4-host-port':
            return ipv4HostPortProblem(value);
        case 'ip-address':
            return isIpv4(value) || (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(value) ? undefined : 'must be an IP address such as 10.0.0.5';
        case 'u32':
            return fitsUnsigned(value, 32n) ? undefined : 'must be a whole number from 0 to 4294967295';
        case 'u64':
            return fitsUnsigned(value, 64n) ? undefined : 'must be a whole number (0 or more)';
        case 'url':
            return isAbsoluteUrl(value) ? undefined : 'must be an absolute URL such as https://bldr.habitat.sh';
        case 'service-bind':
            return parseBind(value)
                ? undefined
                : 'must be <name>:<service>.<group>[@<org>], e.g. database:mongodb.default';
        case 'key-value':
            return /^[^=]+=.+$/s.test(value) ? undefined : 'must be <key>=<value>, both non-empty';
        case 'path':
            return value === '' ? 'must be a path, not empty' : undefined;
        case 'toml-file':
            return isTomlFileName(value) ? undefined : 'must be a path to a TOML file, whose name ends in .toml';
        case 'text':
            return undefined;
        case 'non-empty':
            return value === '' ? 'must not be empty' : undefined;
        case 'name':
            return SERVICE_GROUP_NAME.test(value) ? undefined : 'may contain only letters, digits, "-" and "_"';
    }
}
/** Rust's `Ipv4Addr` parser: four decimal octets, no leading zeros. */
function isIpv4(value) {
    const parts = value.split('.');
    return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}
/** Rust's socket-address port: decimal digits, up to 65535 (leading zeros allowed). */
function isPort(value) {
    return /^\d{1,5}$/.test(value) && Number(value) <= 65535;
}
function isSocketAddress(value) {
    const v6 = /^\[([^\]]+)\]:([^:]+)$/.exec(value);
    if (v6)
        return (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(v6[1] ?? '') && isPort(v6[2] ?? '');
    const colon = value.lastIndexOf(':');
    return colon > 0 && isIpv4(value.slice(0, colon)) && isPort(value.slice(colon + 1));
}
/**
 * Habitat's `resolve_socket_addr_with_default_port`: `host` or `host:port`, looked up with the
 * system resolver, keeping only IPv4 answers. What can be told without resolving: an IPv6
 * literal is refused, as are an empty host and a port that is not a u16.
 */
function ipv4HostPortProblem(value) {
    if (value.startsWith('[') || (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(value) || value.split(':').length > 2) {
        return 'must be an IPv4 address or a host name, with an optional :port; the Supervisor refuses IPv6 here';
    }
    const [host = '', port] = value.split(':');
    if (!/^[A-Za-z0-9_.-]+$/.test(host))
        return 'must be <host>[:<port>], e.g. mongodb or 10.0.0.5:9638';
    if (port !== undefined && !(/^\+?\d+$/.test(port) && Number(port) <= 65535)) {
        return `has port "${port}": a port is a number from 0 to 65535`;
    }
    return undefined;
}
function fitsUnsigned(value, bits) {
    return /^\+?\d+$/.test(value) && BigInt(value.replace('+', '')) < 1n << bits;
}
function isAbsoluteUrl(value) {
    try {
        new URL(value);
        return true;
    }
    catch {
        return false;
    }
}
/** Rust's `Path::extension() == "toml"`: the part after the last dot of a name that does not start with it. */
function isTomlFileName(value) {
    const name = value.split('/').at(-1) ?? '';
    const dot = name.lastIndexOf('.');
    return dot > 0 && name.slice(dot + 1) === 'toml';
}
/**
 * `name:service.group[@org]`, as Habitat's `ServiceBind` reads it: exactly one `:`, then a
 * service group whose service and group contain no `.`, `#` or `@`.
 */
function parseBind(value) {
    const match = /^([^:]+):(?:[^:#@]+#)?([^:#@.]+)\.([^:#@.]+)(?:@([^:#@.]+))?$/.exec(value);
    if (!match)
        return undefined;
    const [, name = '', service = '', group = '', org] = match;
    return org === undefined ? { name, service, group } : { name, service, group, org };
}
/** `host`, `host:port`, `a.b.c.d:port` or `[v6]:port`; undefined when malformed. */
function splitHostPort(value) {
    const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(value);
    const plain = /^([A-Za-z0-9_.-]+)(?::\+?(\d+))?$/.exec(value);
    const match = bracketed ?? plain;
    if (!match || match[1] === undefined)
        return undefined;
    if (match[2] === undefined)
        return { host: match[1] };
    const port = Number(match[2]);
    return port >= 0 && port <= 65535 ? { host: match[1], port } : undefined;
}
function isIpAddress(value) {
    return isIpv4(value) || (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(value);
}


/***/ }),

/***/ 3571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ ecrRegistry),
  y: () => (/* binding */ planImages)
});

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/problems.ts
var src_problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/translate/habitat/package-source.ts
var package_source = __webpack_require__(262);
// EXTERNAL MODULE: ./src/translate/habitat/supervisor-values.ts
var supervisor_values = __webpack_require__(9957);
;// CONCATENATED MODULE: ./src/translate/habitat/extension.ts




const KEYS = ['package', 'group', 'health-check', 'ports'];
const PORT_KEYS = ['gossip', 'http', 'ctl'];
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
    const at = (...rest) => (0,src_problems/* placeOf */.$t)((p) => project.locate(p), ['services', service, 'x-habitat', ...rest]);
    if (typeof raw === 'string')
        return { package: checkPackage(raw, at(), problems) };
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        problems.push((0,diagnostics/* error */.z3)('must be a package ident string or a mapping with package, group, health-check, ports', at()));
        return undefined;
    }
    const ext = {};
    for (const [key, value] of Object.entries(raw)) {
        if (!KEYS.includes(key)) {
            problems.push((0,diagnostics/* error */.z3)(`unknown key "${key}": x-habitat takes ${KEYS.join(', ')}`, at(key)));
        }
        else if (key === 'package') {
            if (typeof value === 'string')
                ext.package = checkPackage(value, at(key), problems);
            else
                problems.push((0,diagnostics/* error */.z3)('must be a string such as core/mongodb or a .hart path', at(key)));
        }
        else if (key === 'group') {
            if (typeof value === 'string' && supervisor_values/* SERVICE_GROUP_NAME */.c.test(value))
                ext.group = value;
            else
                problems.push((0,diagnostics/* error */.z3)('must be a service group name (letters, digits, "-", "_")', at(key)));
        }
        else if (key === 'health-check') {
            if (typeof value === 'boolean')
                ext.healthCheck = value;
            else
                problems.push((0,diagnostics/* error */.z3)('must be true or false', at(key)));
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
        (0,package_source/* parsePackageSource */.Zy)(value);
        return value;
    }
    catch (e) {
        if (!(e instanceof package_source/* PackageSpecError */.yP))
            throw e;
        problems.push((0,diagnostics/* error */.z3)(e.message, where));
        return undefined;
    }
}
function readPorts(value, at, here, problems) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push((0,diagnostics/* error */.z3)('must be a mapping with gossip, http and/or ctl port numbers', here));
        return undefined;
    }
    const ports = {};
    for (const [key, port] of Object.entries(value)) {
        if (!PORT_KEYS.includes(key)) {
            problems.push((0,diagnostics/* error */.z3)(`unknown port "${key}": use gossip, http or ctl`, at(key)));
        }
        else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
            problems.push((0,diagnostics/* error */.z3)(`must be a port number 1-65535, got ${JSON.stringify(port)}`, at(key)));
        }
        else {
            ports[key] = port;
        }
    }
    return ports;
}

// EXTERNAL MODULE: ./src/translate/image-name.ts
var image_name = __webpack_require__(3527);
// EXTERNAL MODULE: ./src/translate/build-plan.ts
var build_plan = __webpack_require__(4096);
;// CONCATENATED MODULE: ./src/translate/image-plan.ts






/** The ECR registry host of an account and region. */
function ecrRegistry(accountId, region) {
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return `${accountId}.dkr.ecr.${region}.${suffix}`;
}
/**
 * Decides which compose services run which Habitat package. A service runs a package when its
 * `x-habitat.package` names it, or when its `image:` names the package's repository, bare or
 * under any registry host (the reference example's `aws_account_id.dkr.ecr.ap-southeast-2...`
 * placeholder included), with any tag. With the build option, a service with `build:` that runs
 * no package is built (see planBuilds). Everything else keeps its image as written.
 */
function planImages(project, packages, target, options = {}) {
    const problems = [];
    const byRepository = new Map();
    for (const source of packages)
        byRepository.set((0,package_source/* repositoryOf */._M)(source), source);
    const used = new Set();
    const services = new Map();
    for (const name of project.services.keys()) {
        const extension = readHabitatExtension(project, name, problems);
        let repository;
        if (extension?.package) {
            const source = (0,package_source/* parsePackageSource */.Zy)(extension.package);
            repository = (0,package_source/* repositoryOf */._M)(source);
            if (!byRepository.has(repository))
                byRepository.set(repository, source);
        }
        else {
            const builds = options.build === true && project.services.get(name)?.canonical.build !== undefined;
            repository = imageRepository(project, name, byRepository, builds, problems);
        }
        const source = repository === undefined ? undefined : byRepository.get(repository);
        if (repository === undefined || source === undefined)
            continue;
        used.add(repository);
        const image = target.images?.get(repository) ?? `${target.registry}/${repository}:${target.imageTag}`;
        services.set(name, { repository, packageName: source.name, image, ...(extension && { extension }) });
    }
    for (const repository of byRepository.keys()) {
        if (!used.has(repository)) {
            problems.push((0,diagnostics/* warning */.$e)(`package ${repository} is exported and pushed, but no compose service uses it`, {
                input: 'habitat-packages',
            }));
        }
    }
    const building = options.build
        ? (0,build_plan/* planBuilds */.z)(project, new Set(services.keys()), new Set(byRepository.keys()), target, options.platform)
        : undefined;
    if (building)
        problems.push(...building.problems.warnings, ...building.problems.errors);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0)
        throw new diagnostics/* UserError */.yo(errors);
    return {
        services,
        packages: [...byRepository.values()],
        built: building?.services ?? new Map(),
        builds: building?.builds ?? [],
        warnings: problems,
    };
}
/**
 * A service's image repository if it is one of the packages; an error for an unresolved ECR
 * placeholder, unless the service is built (its image then goes to this deploy's registry).
 */
function imageRepository(project, service, packages, built, problems) {
    const image = project.services.get(service)?.definition.image;
    if (typeof image !== 'string')
        return undefined;
    const { host, repository } = (0,image_name/* splitImage */.s5)(image);
    if (packages.has(repository))
        return repository;
    if (!built && host !== undefined && /^aws_account_id\.dkr\.ecr\./.test(host)) {
        problems.push((0,diagnostics/* error */.z3)(`image "${image}" still has the documentation placeholder "aws_account_id" and ${repository} is not a Habitat package of this deploy: add ${repository} to habitat-packages (or x-habitat.package), or write the real image`, (0,src_problems/* placeOf */.$t)((p) => project.locate(p), ['services', service, 'image'])));
    }
    return undefined;
}


/***/ }),

/***/ 6375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ Reader)
/* harmony export */ });
/* harmony import */ var _compose_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4676);

/** Typed reads of the parsed YAML that report, at the key's line, what was expected. */
class Reader {
    p;
    constructor(p) {
        this.p = p;
    }
    map(value, path, known) {
        if (value === undefined || value === null)
            return {};
        if (!(0,_compose_json__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value)) {
            this.p.error(path, known ? `must be a mapping with ${known.join(', ')}` : 'must be a mapping');
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


/***/ }),

/***/ 5645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ SECRET_WORD),
/* harmony export */   h: () => (/* binding */ holdsSecret)
/* harmony export */ });
/**
 * Words in an environment variable name that say its value is a secret: DB_PASSWORD, PGPASSWORD,
 * GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, STRIPE_API_KEY, REDIS_PASS, SMTP_PWD. Bare PWD is the
 * working directory, and PASS only counts as a word of its own (not PASSENGER, BYPASS).
 */
const SECRET_WORD = /passw(or)?d|passphrase|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential|(^|[-_])pass([-_]|$)|[-_]pwd$/i;
/** A name that points at a secret without holding it: MYSQL_PASSWORD_FILE=/run/secrets/db. */
const REFERENCE = /[-_](file|path)$/i;
/** Whether a variable of this name holds a secret, as far as its name tells. */
function holdsSecret(name) {
    return SECRET_WORD.test(name) && !REFERENCE.test(name);
}


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ parseTaskCpu),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Em: () => (/* binding */ parseTaskMemory),
/* harmony export */   lH: () => (/* binding */ bytesToMiB),
/* harmony export */   lk: () => (/* binding */ parseMemoryMiB),
/* harmony export */   my: () => (/* binding */ MIN_MEMORY_MIB),
/* harmony export */   z_: () => (/* binding */ parseBytes)
/* harmony export */ });
/* harmony import */ var _compose_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4676);

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
/** Docker refuses a memory limit under 6 MiB; ECS under 4 MiB. */
/**
 * Docker 20.10 and later reserve at least 6 MiB for a container, so ECS tells not to give less
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory).
 */
const MIN_MEMORY_MIB = 6;
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
    return (0,_compose_json__WEBPACK_IMPORTED_MODULE_0__/* .wholeNumber */ .rD)(text);
}
/** ecs-params task_size mem_limit: plain numbers are MiB (ECS's reading), else a size like `0.5GB`. */
function parseTaskMemory(value) {
    const text = String(value).trim();
    if (/^\d+$/.test(text))
        return Number(text);
    return parseMemoryMiB(text.replace(/\s+/g, ''));
}


/***/ }),

/***/ 2733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ volumeName),
/* harmony export */   jI: () => (/* binding */ TaskVolumes),
/* harmony export */   r: () => (/* binding */ translateMounts),
/* harmony export */   y6: () => (/* binding */ translateVolumesFrom)
/* harmony export */ });
/* harmony import */ var _compose_json__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4676);
/* harmony import */ var _efs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3554);
/* harmony import */ var _params_reader__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6375);
/* harmony import */ var _units__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5);




/**
 * The task's `volumes`, filled as containers mount them: one ECS volume per compose named volume,
 * per host path and per anonymous volume, in the order they are first used.
 */
class TaskVolumes {
    ctx;
    dockerVolumes;
    efsVolumes;
    byName = new Map();
    hostNames = new Map();
    constructor(ctx, dockerVolumes, efsVolumes = new Map()) {
        this.ctx = ctx;
        this.dockerVolumes = dockerVolumes;
        this.efsVolumes = efsVolumes;
    }
    list() {
        return [...this.byName.values()];
    }
    /**
     * A compose named volume; its settings come from ecs-params (efs_volumes, docker_volumes), else
     * the top-level entry (`x-efs:` for an EFS file system).
     */
    named(name, path) {
        const { project, problems } = this.ctx;
        const ecsName = volumeName(name);
        if (this.byName.has(ecsName))
            return ecsName;
        const efs = this.efs(name);
        if (efs === 'invalid')
            return undefined;
        if (efs) {
            // On Fargate and EC2 alike; the file system outlives every task.
            this.byName.set(ecsName, { name: ecsName, efsVolumeConfiguration: efs });
            return ecsName;
        }
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
    /** The EFS file system a volume is on: ecs-params efs_volumes, else the top-level `x-efs:`. */
    efs(name) {
        const params = this.efsVolumes.get(name);
        if (params)
            return params.configuration;
        const top = this.ctx.project.volumes[name];
        if (!top || top['x-efs'] === undefined)
            return undefined;
        const path = ['volumes', name, 'x-efs'];
        const r = new _params_reader__WEBPACK_IMPORTED_MODULE_1__/* .Reader */ .m(this.ctx.problems);
        const fields = r.map(top['x-efs'], path, _efs__WEBPACK_IMPORTED_MODULE_2__/* .EFS_KEYS */ .C);
        for (const key of ['driver', 'driver_opts', 'external'])
            if (top[key] !== undefined)
                this.ctx.problems.error(['volumes', name, key], `a volume on EFS (x-efs) takes no ${key}`);
        return (0,_efs__WEBPACK_IMPORTED_MODULE_2__/* .readEfsConfiguration */ .f)(r, fields, path) ?? 'invalid';
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
        if (!(0,_compose_json__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value))
            return undefined;
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = (0,_compose_json__WEBPACK_IMPORTED_MODULE_3__/* .scalarText */ .ws)(v) ?? '';
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
/** A service's `volumes:` and `tmpfs:` -> mountPoints and tmpfs mounts. */
function translateMounts(ctx, volumes, service) {
    const out = { mountPoints: [], tmpfs: [] };
    const mounts = [...(service.canonical.volumes ?? []), ...(service.canonical.tmpfs ?? [])];
    for (const entry of mounts) {
        if (entry.type === 'tmpfs') {
            const mount = tmpfsMount(ctx, entry);
            if (mount)
                out.tmpfs.push(mount);
        }
        else if (entry.type === 'other') {
            ctx.problems.error(entry.at, `mount type "${entry.written}" is not supported on ECS; use volume, bind or tmpfs`);
        }
        else {
            const mount = mountPoint(ctx, volumes, service, entry);
            if (mount)
                out.mountPoints.push(mount);
        }
    }
    return out;
}
function mountPoint(ctx, volumes, service, entry) {
    const { source, target, at } = entry;
    for (const option of entry.options) {
        ctx.problems.warn(at, `mount option "${option}" ignored: ECS does not support it`);
    }
    if (!target.startsWith('/')) {
        ctx.problems.error(at, `container path "${target}" must be absolute`);
        return undefined;
    }
    let sourceVolume;
    if (source === undefined)
        sourceVolume = volumes.anonymous(service.name, target);
    else if (entry.type === 'bind') {
        if (!source.startsWith('/')) {
            ctx.problems.error(at, `host path "${source}" is relative to your machine, but on ECS it would be read on the container instance: ` +
                'use an absolute path that exists there, or a named volume');
            return undefined;
        }
        if (ctx.launchType === 'FARGATE') {
            ctx.problems.error(at, `Fargate has no host paths to mount ("${source}"); use a named volume`);
            return undefined;
        }
        sourceVolume = volumes.host(source);
    }
    else
        sourceVolume = volumes.named(source, at);
    return sourceVolume ? { sourceVolume, containerPath: target, readOnly: entry.read_only } : undefined;
}
function tmpfsMount(ctx, entry) {
    const { target, size, options, at } = entry;
    if (!target.startsWith('/')) {
        ctx.problems.error(at, `tmpfs path "${target}" must be absolute`);
        return undefined;
    }
    if (ctx.launchType === 'FARGATE') {
        ctx.problems.error(at, 'Fargate does not support tmpfs mounts; use a named volume');
        return undefined;
    }
    const bytes = size === undefined ? undefined : (0,_units__WEBPACK_IMPORTED_MODULE_0__/* .parseBytes */ .z_)(size);
    if (bytes === undefined || (0,_units__WEBPACK_IMPORTED_MODULE_0__/* .bytesToMiB */ .lH)(bytes) < 1) {
        ctx.problems.error(at, size === undefined
            ? `ECS needs a size for tmpfs ${target}: write "${target}:size=64m"`
            : `tmpfs size "${String(size)}" is not a size of at least 1m (units b, k, m, g)`);
        return undefined;
    }
    return {
        containerPath: target,
        size: (0,_units__WEBPACK_IMPORTED_MODULE_0__/* .bytesToMiB */ .lH)(bytes),
        ...(options.length > 0 && { mountOptions: [...options] }),
    };
}
/** `volumes_from: [service, service:ro]` -> volumesFrom. `container:name` has no ECS equivalent. */
function translateVolumesFrom(ctx, entries) {
    return entries.flatMap(({ type, source, read_only, at }) => {
        if (type === 'container') {
            ctx.problems.error(at, 'ECS can only share volumes between containers of the task; name a service');
            return [];
        }
        if (!ctx.project.services.has(source)) {
            ctx.problems.error(at, `unknown service "${source}"`);
            return [];
        }
        return [{ sourceContainer: source, readOnly: read_only }];
    });
}


/***/ })

};
;