// Forms given to --from (refer, rapid-review, decide): every problem in one run (issue 13,
// first-use 17: a decision template took eleven round trips, one problem each), located in the form.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "app.hpp"
#include "case_change.hpp"

namespace cspr::cli {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A slip: one edit, or two in a key of six letters or more (`comit`, `panel_and_sos_tld`). Two
// edits in a short key would take any custom key of the user's for a typo (`x_ref` for `ref`).
bool near_miss(std::string_view typed, std::string_view known) {
    const std::size_t d = rules::edit_distance(lower(typed), lower(known));
    return d == 1 || d == 0 || (d == 2 && std::min(typed.size(), known.size()) >= 6);
}

// True when `field` is `under` or lies inside it (`reviewers[0].name` inside `reviewers`).
bool within(const std::string& field, const std::string& under) {
    return field == under || (field.starts_with(under) && (field[under.size()] == '.' || field[under.size()] == '['));
}

// Keeps the first problem of each field (and none inside a field already reported), so that a
// placeholder date is one line, not also "not a date" and "after today".
void add_unless_reported(std::vector<Error>& kept, const Error& e) {
    const std::string& field = e.where().field;
    if (!field.empty() && std::any_of(kept.begin(), kept.end(), [&](const Error& k) {
            return !k.where().field.empty() && within(field, k.where().field);
        }))
        return;
    kept.push_back(e);
}

}  // namespace

std::vector<Error> misspelt_keys(const std::vector<store::Diagnostics::UnknownKey>& unknown) {
    std::vector<Error> out;
    for (const auto& key : unknown) {
        const std::string& path = key.where.field;
        const std::string typed = path.substr(path.find_last_of('.') + 1);
        const auto meant =
            std::find_if(key.known.begin(), key.known.end(), [&](const auto& k) { return near_miss(typed, k); });
        if (meant != key.known.end())
            out.emplace_back("not a key cspr knows; did you mean '" + *meant +
                                 "'? (a misspelt key is kept but never read)",
                             key.where);
    }
    return out;
}

Form read_form(const std::string& path, std::string_view blank) {
    Form form;
    form.path = path;
    form.text = store::read_file(path);
    form.blank = blank;
    return form;
}

void refuse_form_problems(const Context& ctx, const Form& form, const model::Case* recorded, const model::Case& c,
                          std::string_view writing_file) {
    std::vector<Error> found;
    for (const auto& e : store::template_leftovers(form.text, form.path, form.blank)) add_unless_reported(found, e);
    for (const auto& e : form.problems.problems()) add_unless_reported(found, e);
    for (const auto& e : misspelt_keys(form.problems.unknown_keys())) add_unless_reported(found, e);
    // The cross-field problems of the record, as it would be written, are in the form too; those on
    // `id` (a step recorded before its turn) are about the case, and stay for refuse_case_problems.
    for (const auto& p : case_problems(recorded, c, writing_file, ctx.today()))
        if (p.file == writing_file && p.field != "id")
            add_unless_reported(found,
                                Error(p.message, {form.path, store::line_of_field(form.text, p.field), p.field}));
    if (found.empty()) return;
    std::stable_sort(found.begin(), found.end(),
                     [](const Error& a, const Error& b) { return a.where().line < b.where().line; });
    if (ctx.form_problems != nullptr) {  // --edit: written into the form, which opens again
        *ctx.form_problems = found;
        throw Error(fmt::format("{} problems", found.size()), {form.path, 0, ""});
    }
    if (found.size() == 1) throw found.front();
    for (const auto& e : found) ctx.err << "cspr: " << e.what() << "\n";
    throw Error(fmt::format("{} problems; nothing was recorded", found.size()), {form.path, 0, ""});
}

}  // namespace cspr::cli
