// What to do next in a case (src/cli/next_step.cpp), for `show` and `list`.
#pragma once

#include "app.hpp"

namespace cspr::cli {

struct NextStep {
    std::string brief;    // "notify --sent": the command and its option, for a table's column
    std::string command;  // "cspr notify NDSCP-2025-001 --sent RECIPIENT=DATE"
};
// nullopt when nothing in cspr's steps is left to record (a case on another route, actions under way).
std::optional<NextStep> next_step(const model::Case& c);

}  // namespace cspr::cli
