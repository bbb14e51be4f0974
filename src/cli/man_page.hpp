// The manual pages cspr(1) and cspr-files(5), made from the command and field tables
// (src/cli/man_page.cpp); `cspr dev-docs` prints them for the build.
#pragma once

#include "app.hpp"

namespace cspr::cli {

std::string man_page(const CLI::App& root);  // cspr(1)
std::string files_page();                    // cspr-files(5)

}  // namespace cspr::cli
