// The names the field tables leave to the rules table: which recipients and rules a notification's
// recipients may name, and every rule id a cspr.yaml override may name.
#include <algorithm>

#include "cspr/rules.hpp"

namespace cspr::rules {

model::Choices field_choices() {
    model::Choices out;
    auto& recipient = out["recipient"];
    auto& rule = out["rule"];
    for (const Recipient& r : recipients()) {
        recipient.emplace_back(r.id);
        if (std::find(rule.begin(), rule.end(), r.rule) == rule.end()) rule.emplace_back(r.rule);
    }
    auto& rule_id = out["ruleId"];
    for (const Rule& r : rule_table()) rule_id.emplace_back(r.id);
    return out;
}

}  // namespace cspr::rules
