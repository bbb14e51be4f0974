// Shell completion scripts for bash, zsh and fish, made from the command table
// (src/cli/completions.cpp); `cspr dev-docs --completion SHELL` prints them for the build.
#pragma once

#include "app.hpp"

namespace cspr::cli {

std::string completion_script(const CLI::App& root, const std::string& shell);

}  // namespace cspr::cli
