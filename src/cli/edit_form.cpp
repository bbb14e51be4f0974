// --edit on the commands that take a form (refer, rapid-review, decide), the way `git commit` takes
// its message: the form is opened in the user's editor, checked when the editor exits, and opened
// again with its problems written at the top as comments, until it records or the user gives up.
#include <fmt/format.h>

#include <cstdlib>

#include "app.hpp"
#include "cspr/field_docs.hpp"
#include "cspr/file_kinds.hpp"

namespace cspr::cli {

namespace {

constexpr std::string_view kMark = "# cspr: ";

// $VISUAL, then $EDITOR, then vi: git's order. Run through the shell, so that "code --wait" works.
std::string editor() {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return value;
    return "vi";
}

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The form without the problems cspr wrote at its top the last time round.
std::string without_marks(const std::string& text) {
    std::string out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        if (!std::string_view(text).substr(start, end - start).starts_with(kMark)) out.append(text, start, end - start);
        start = end;
    }
    return out;
}

// The problems as comments, each with its line in the form as it will be reopened (below them).
std::string marks(const std::vector<Error>& problems, const std::string& form) {
    const int shift = static_cast<int>(problems.size()) + 1;
    std::string out = std::string(kMark) +
                      fmt::format("{} problem{}; nothing was recorded. Correct the form and save it (or quit without "
                                  "saving to stop):\n",
                                  problems.size(), problems.size() == 1 ? "" : "s");
    for (const auto& e : problems) {
        Location where = e.where();
        const bool in_form = where.file == form;  // else about another file: named as it is
        if (in_form) where.file.clear();
        const std::string line = in_form && where.line > 0 ? fmt::format("line {}: ", where.line + shift) : "";
        if (in_form) where.line = 0;
        out += std::string(kMark) + line + format_error(where, e.message()) + "\n";
    }
    return out;
}

bool blank_text(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// The user stopped (as git commit does on an empty message, exit 1): nothing recorded. A form that
// holds only what cspr put there is taken away again; one with the user's entries is kept for the
// next --edit.
void stop(Context& ctx, const store::fs::path& path, bool keep, const std::string& why) {
    if (!keep) store::fs::remove(path);
    ctx.err << "cspr: " << path.string() << ": " << why << "; nothing was recorded"
            << (keep ? " (the form is kept: --edit opens it again)" : "") << "\n";
    ctx.exit_code = kExitNo;
}

}  // namespace

void edit_form(Context& ctx, const store::fs::path& folder_root, const std::string& name, std::string_view blank,
               const std::function<void(const std::string&)>& record) {
    const auto forms = folder_root / "forms";
    const auto path = forms / (name + ".yaml");
    const std::string shown = path.string();
    const bool made_folder = store::fs::create_directories(forms);
    // A form holds names before anyone has reviewed them: the owner's alone, as case files are.
    if (made_folder) store::fs::permissions(forms, store::fs::perms::owner_all);
    // A form left from an edit that stopped is taken up again, not replaced by a blank one.
    const bool made_form = !store::fs::exists(path);
    if (made_form) store::write_file_atomically(path, blank);
    for (bool first = true;; first = false) {
        const std::string before = store::read_file(path);
        if (std::system((editor() + " " + shell_quoted(shown)).c_str()) != 0) {
            // Exit 2 changes nothing: what this run made goes again.
            if (first && made_form && store::read_file(path) == blank) store::fs::remove(path);
            if (made_folder && store::fs::is_empty(forms)) store::fs::remove(forms);
            throw Error("the editor failed (" + editor() + "); nothing was recorded", {shown, 0, ""});
        }
        const std::string text = store::read_file(path);
        if (blank_text(text)) return stop(ctx, path, false, "the form is empty");
        if (text == before)
            return stop(ctx, path, !(made_form && without_marks(text) == blank), "the form was not changed");
        store::write_file_atomically(path, without_marks(text));
        std::vector<Error> problems;
        ctx.form_problems = &problems;
        try {
            record(shown);
            ctx.form_problems = nullptr;
            store::fs::remove(path);  // recorded: the case file holds it now
            return;
        } catch (const Error& e) {
            ctx.form_problems = nullptr;
            // Every refusal goes into the form, even one an edit cannot fix (a duplicate referral):
            // the user reads it there, and quits without saving to stop (exit 1, the form kept).
            if (problems.empty()) problems.push_back(e);
        }
        store::write_file_atomically(path, marks(problems, shown) + without_marks(text));
        ctx.err << "cspr: " << problems.size() << " problem" << (problems.size() == 1 ? "" : "s")
                << " in the form; reopening it\n";
    }
}

std::string starting_form(Context& ctx, const std::string& case_id, std::string_view kind, bool amend,
                          std::string_view blank) {
    const model::FileKind* file_kind = model::find_file_kind(kind);
    if (!amend || !file_kind) return std::string(blank);
    const auto name = file_kind->path.substr(file_kind->path.rfind('/') + 1);
    const auto file = store::case_path(ctx.open_folder(), case_id) / std::string(name);
    std::error_code ec;
    if (!store::fs::exists(file, ec)) return std::string(blank);  // the command says what is missing
    return store::record_form(*file_kind, store::read_file(file));
}

}  // namespace cspr::cli
