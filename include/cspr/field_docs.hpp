// What is made from the field tables for people and tools: the JSON Schemas of files and forms, the
// field tables of docs/case-files.md, the --template forms and the fuzzer's dictionary. Each is
// checked equal to its committed copy by a test, so none can drift from the tables.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cspr/file_kinds.hpp"

namespace cspr::store {

using model::Choices;

// schemas/<kind>.schema.json, or with `form` schemas/<kind>-form.schema.json (no id, no schema_version).
std::string json_schema(const model::FileKind& kind, bool form, const Choices& choices);

// The Markdown table of a kind's fields for docs/case-files.md: key, type, required, meaning.
std::string markdown_fields(const model::FileKind& kind, const Choices& choices);

// The blank, commented form printed by `cspr <command> --template`, with its schema line first.
std::string form_template(const model::FileKind& kind);

// A recorded file (`record`, its YAML text) as a form to amend: the form's schema line and header,
// then the record's top-level fields that the form has (not id, schema_version or what cspr writes).
std::string record_form(const model::FileKind& kind, std::string_view record);

// Every key and enumeration spelling of every kind, one libFuzzer dictionary entry per line.
std::string fuzz_dictionary();

// The keys of rows marked personal in any table ("name", "date_of_birth", ...), sorted, once each.
const std::vector<std::string>& personal_keys();

}  // namespace cspr::store
