// cspr dev-fields (hidden): prints what is made from the field tables, so that the committed copies
// (schemas/, docs/case-files.md, tests/fuzz/fuzz_case_loader.dict) can be regenerated and tested:
//     cspr dev-fields --schema referral > schemas/referral.schema.json
#include <CLI/CLI.hpp>

#include "app.hpp"
#include "cspr/field_docs.hpp"
#include "cspr/rules.hpp"

namespace cspr::cli {

namespace {

struct Args {
    std::string schema, form_schema, docs;
    bool dictionary = false, kinds = false, form_kinds = false;
};

const model::FileKind& kind_named(const std::string& name, const char* option) {
    if (const auto* k = model::find_file_kind(name)) return *k;
    std::string known;
    for (const auto& k : model::kFileKinds) known.append(known.empty() ? "" : ", ").append(k.name);
    throw Error("'" + name + "' is not a file kind; one of " + known, {.field = option});
}

void run(Context& ctx, const Args& a) {
    const store::Choices choices = rules::field_choices();
    for (const auto& k : model::kFileKinds)
        if (a.kinds || (a.form_kinds && k.form)) ctx.out << k.name << "\n";
    if (!a.schema.empty()) ctx.out << store::json_schema(kind_named(a.schema, "--schema"), false, choices);
    if (!a.form_schema.empty())
        ctx.out << store::json_schema(kind_named(a.form_schema, "--form-schema"), true, choices);
    if (!a.docs.empty()) ctx.out << store::markdown_fields(kind_named(a.docs, "--docs"), choices);
    if (a.dictionary) ctx.out << store::fuzz_dictionary();
}

}  // namespace

void setup_dev_fields(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<Args>();
    sub.group("");  // hidden: a developer's tool for the generated files
    sub.add_flag("--kinds", a->kinds, "List the file kinds");
    sub.add_flag("--form-kinds", a->form_kinds, "List the file kinds that have a --from form");
    sub.add_option("--schema", a->schema, "Print the JSON Schema of a file kind");
    sub.add_option("--form-schema", a->form_schema, "Print the JSON Schema of a file kind's --from form");
    sub.add_option("--docs", a->docs, "Print the Markdown field table of a file kind");
    sub.add_flag("--dictionary", a->dictionary, "Print the fuzzer's dictionary of keys and spellings");
    add_examples(sub, "  cspr dev-fields --schema referral > schemas/referral.schema.json\n"
                      "  cspr dev-fields --docs decision\n");
    sub.callback([&ctx, a] { run(ctx, *a); });
}

}  // namespace cspr::cli
