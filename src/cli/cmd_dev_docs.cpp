// cspr dev-docs (hidden): prints what the build makes from the command and field tables, the man
// pages and the shell completions, so that none can drift from the code:
//     cspr dev-docs --man 1 > cspr.1
#include <memory>

#include "app.hpp"
#include "completions.hpp"
#include "man_page.hpp"

namespace cspr::cli {

namespace {

struct Args {
    std::optional<int> man;
    std::optional<std::string> completion;
};

void run(Context& ctx, const CLI::App& sub, const Args& a) {
    const CLI::App& root = *sub.get_parent();
    if (a.man == 1) ctx.out << man_page(root);
    else if (a.man == 5) ctx.out << files_page();
    else if (a.man) throw Error("'" + std::to_string(*a.man) + "' is not 1 or 5", {.field = "--man"});
    if (a.completion) ctx.out << completion_script(root, *a.completion);
}

}  // namespace

void setup_dev_docs(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<Args>();
    sub.add_option("--man", a->man, "Print the man page of section 1 (cspr) or 5 (cspr-files)");
    sub.add_option("--completion", a->completion, "Print the completion script for bash, zsh or fish");
    sub.callback([&ctx, &sub, a] { run(ctx, sub, *a); });
}

}  // namespace cspr::cli
