// The checking core of tests/schema/validate.sh, in one node process: node start-up, not
// validation, was the cost of the schema tests (about ten node runs per case folder before).
//
//   node tests/schema/check.js SCHEMAS_DIR CASES_DIR...
//
// For each case folder, in the order given: one `ok PATH` or `FAIL PATH: errors` line per file,
// then `schema: N files, M failed`. Exit 0 if every file of every folder passed, 1 if any failed,
// 2 on an unexpected error. validate.sh checks its arguments (usage errors) before calling this.
//
// It does what ajv-cli 5 did with `validate --spec=draft2020 --strict=true --all-errors --verbose
// -c ajv-formats -s SCHEMA -d FILE...`: one Ajv2020 instance per schema, with the same options, the
// draft-06 meta-schema and ajv-formats added, data read with js-yaml 3's safeLoad.
"use strict";
const fs = require("fs");
const path = require("path");
let yaml, Ajv2020, addFormats, draft6;
try {
    yaml = require("js-yaml");
    Ajv2020 = require("ajv/dist/2020").default;
    addFormats = require("ajv-formats");
    draft6 = require("ajv/lib/refs/json-schema-draft-06.json");
} catch (e) {
    console.error("check.js: " + e.message);  // exit 2, a set-up error, not 1 ("a file failed")
    process.exit(2);
}

// find's order under LC_ALL=C: by bytes, not by UTF-16 code units.
const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// The files of a case folder in validate.sh's order: cspr.yaml, cases/*.yaml, cases/*/*.yaml
// (regular files only, not symbolic links, as `find -type f` lists them).
function caseFiles(dir) {
    const yamlIn = (d) => fs.readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".yaml")).map((e) => d + "/" + e.name);
    const files = [dir + "/cspr.yaml"];
    const cases = dir + "/cases";
    if (!fs.existsSync(cases) || !fs.statSync(cases).isDirectory()) return files;
    files.push(...yamlIn(cases).sort(byBytes));
    const subdirs = fs.readdirSync(cases, { withFileTypes: true }).filter((e) => e.isDirectory());
    files.push(...subdirs.flatMap((e) => yamlIn(cases + "/" + e.name)).sort(byBytes));
    return files;
}

// One compiled validator per schema file, made on first use; a schema that cannot be read or
// compiled (strict: an unknown keyword or format) fails every file that needs it.
const validators = new Map();
function validatorFor(schemaPath) {
    if (!validators.has(schemaPath)) {
        try {
            const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
            ajv.addMetaSchema(draft6);
            addFormats(ajv);
            validators.set(schemaPath, ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8"))));
        } catch (e) {
            validators.set(schemaPath, { broken: "schema " + schemaPath + " is invalid: " + e.message });
        }
    }
    return validators.get(schemaPath);
}

// ajv's errors as one line of text. They are first turned to JSON and back, as ajv-cli's
// --errors=line output was: a YAML date or time that js-yaml made a Date becomes a string.
function formatErrors(ajvErrors) {
    const errs = JSON.parse(JSON.stringify(ajvErrors));
    const got = (e) => {
        if (e.keyword === "type" && e.params.type === "string" && typeof e.data === "string")
            return " (got an unquoted YAML date or time: quote it)";  // js-yaml made it a Date
        if (e.data === null || typeof e.data !== "object") return " (got " + JSON.stringify(e.data) + ")";
        return "";
    };
    const kept = errs.length > 1 ? errs.filter((e) => e.keyword !== "propertyNames") : errs;
    return kept.map((e) => {
        const where = "data" + e.instancePath;
        if (e.propertyName !== undefined)
            return where + " property name " + JSON.stringify(e.propertyName) + " " + e.message;
        if (e.keyword === "enum")
            return where + " " + e.message + ": " + e.params.allowedValues.join(", ") + got(e);
        if (e.keyword === "const")
            return where + " " + e.message + " " + JSON.stringify(e.params.allowedValue) + got(e);
        if (["required", "uniqueItems"].includes(e.keyword)) return where + " " + e.message;
        return where + " " + e.message + got(e);
    }).join("; ");
}

// "" if the file passes its schema, else why not (one line).
function problem(file, schemasDir) {
    const base = path.basename(file);
    const kind = base === ".yaml" ? base : base.slice(0, -".yaml".length);
    const schemaPath = schemasDir + "/" + kind + ".schema.json";
    if (!fs.existsSync(schemaPath) || !fs.statSync(schemaPath).isFile()) return "no schema " + schemaPath;
    let data;
    try {
        data = yaml.safeLoad(fs.readFileSync(file, "utf8"));  // duplicate keys, several documents: errors
    } catch (e) {
        return "YAML: " + String(e.message || e).split("\n")[0].replace(/:$/, "");
    }
    const validate = validatorFor(schemaPath);
    if (validate.broken) return validate.broken;
    return validate(data) ? "" : formatErrors(validate.errors);
}

function main(schemasDir, dirs) {
    let anyFailed = false;
    for (const dir of dirs) {
        const files = caseFiles(dir);
        let failed = 0;
        for (const f of files) {
            const why = problem(f, schemasDir).replace(/\n/g, " ");
            if (why === "") { console.log("ok " + f); continue; }
            console.log("FAIL " + f + ": " + why);
            failed++;
        }
        console.log("schema: " + files.length + " files, " + failed + " failed");
        if (failed > 0) anyFailed = true;
    }
    return anyFailed ? 1 : 0;
}

try {
    process.exitCode = main(process.argv[2], process.argv.slice(3));
} catch (e) {
    console.error("check.js: " + (e.stack || e));
    process.exitCode = 2;
}
