// The engine's part of lateness: why a late step was late (src/rules/lateness.cpp).
#pragma once

#include "cspr/rules.hpp"

namespace cspr::rules {

// Sets d.late_reason for a late step from the clock (a publication delay, a copy not sent) or the
// case's lateness.yaml, and says in d.note whether a reason is recorded.
void explain_lateness(Deadline& d, const Clock& clock, const model::Case& c);

}  // namespace cspr::rules
