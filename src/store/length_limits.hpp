// The longest override each unit may have in cspr.yaml: about a century (a year is taken as 260
// working days), far past any timescale a partnership sets, and small enough that no due date leaves
// what date.h and std::chrono::system_clock can hold. Hours get 60 years only: an hour clock's due
// instant goes through system_clock, which ends in April 2262, and a referral (whose clock starts at
// a date-time) may be received as late as 2199. Read by the reader and the JSON Schema alike.
#pragma once

#include <string_view>

#include "cspr/model.hpp"

namespace cspr::store {

struct LengthLimit {
    long long most;
    std::string_view about;  // how long that is, when the unit does not say it
};

inline LengthLimit length_limit(model::Unit unit) {
    switch (unit) {
        case model::Unit::working_days: return {26'000, " (about 100 years)"};
        case model::Unit::calendar_days: return {36'600, " (about 100 years)"};
        case model::Unit::hours: return {525'600, " (about 60 years)"};
        case model::Unit::months: return {1'200, " (about 100 years)"};
        case model::Unit::years: return {100, ""};
    }
    return {0, ""};
}

}  // namespace cspr::store
