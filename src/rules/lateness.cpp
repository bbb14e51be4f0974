// Reasons for lateness (lateness.yaml): what the engine says of a late step, and the checks of the
// file against the rules table and the case's deadlines.
#include "lateness.hpp"

#include <algorithm>
#include <set>

namespace cspr::rules {

namespace {

constexpr std::string_view kFile = "lateness.yaml";

std::string entry_field(std::size_t i) { return "reasons[" + std::to_string(i) + "]"; }

std::string step_name(std::string_view rule, std::string_view subject) {
    return std::string(rule) + (subject.empty() ? "" : " (" + std::string(subject) + ")");
}

void append_note(std::string& note, std::string_view text) { note += (note.empty() ? "" : "; ") + std::string(text); }

}  // namespace

std::string_view subject_key(std::string_view subject) { return subject.substr(0, subject.find(' ')); }

std::string no_late_reason_because(const Rule& rule) {
    if (rule.period) return std::string(rule.id) + " is a period, never late";
    if (rule.informational) return std::string(rule.id) + " is the Panel's timescale, kept for information";
    if (rule.id == "publish")
        return "publish's lateness is explained by a delay told to the Panel and the Secretary of State "
               "(publication.yaml delay: 'cspr publish-check ID --delay ...')";
    return "";
}

const model::LateReason* find_late_reason(const model::Case& c, std::string_view rule, std::string_view subject) {
    if (!c.lateness) return nullptr;
    const auto& reasons = c.lateness->reasons;
    const auto it = std::find_if(reasons.begin(), reasons.end(), [&](const model::LateReason& r) {
        return r.rule == rule && r.subject == subject_key(subject);
    });
    return it == reasons.end() ? nullptr : &*it;
}

// The clock's own record explains a copy not sent or a delay, and its note says so already.
void explain_lateness(Deadline& d, const Clock& clock, const model::Case& c) {
    if (!d.late || d.rule->period || !d.duty.empty()) return;  // another body's duty says so in its note
    if (d.rule->informational) {  // the Panel's timescale: nothing for the partnership to explain
        append_note(d.note, "for information: the Panel's timescale");
        return;
    }
    if (!clock.not_done.empty()) {
        d.late_reason = "not sent";  // its reason is in publication.yaml copies_not_sent
        return;
    }
    if (!clock.excuse.empty()) {
        d.late_reason = "delay: " + clock.excuse;
        return;
    }
    if (const auto* r = find_late_reason(c, d.rule->id, d.subject)) d.late_reason = model::name_of(r->reason);
    append_note(d.note, d.late_reason.empty() ? "no reason recorded" : "reason: " + d.late_reason);
}

std::vector<Problem> check_lateness(const model::Lateness& l) {
    std::vector<Problem> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < l.reasons.size(); ++i) {
        const auto& r = l.reasons[i];
        const Rule* rule = find_rule(r.rule);
        const std::string wrong = rule ? no_late_reason_because(*rule) : unknown_rule(r.rule);
        if (!wrong.empty()) out.push_back({std::string(kFile), entry_field(i) + ".rule", wrong});
        if (!seen.insert({r.rule, r.subject}).second)
            out.push_back({std::string(kFile), entry_field(i), "a second reason for " + step_name(r.rule, r.subject)});
        if (r.recorded_by.find_first_not_of(" \t\r\n") == std::string::npos)
            out.push_back({std::string(kFile), entry_field(i) + ".recorded_by", "must not be empty"});
    }
    return out;
}

std::vector<Problem> lateness_problems(const model::Case& c, const std::vector<Deadline>& deadlines) {
    std::vector<Problem> out;
    for (const Deadline& d : deadlines) {
        const bool settled = d.status == Status::met_late || d.status == Status::missed || d.status == Status::paused;
        if (!d.late || !settled || !d.late_reason.empty() || d.rule->period || informational(d)) continue;
        const std::string step = step_name(d.rule->id, subject_key(d.subject));
        const std::string was = step + " was " + std::string(status_name(d.status));
        if (!takes_late_reason(*d.rule))  // publish
            out.push_back({"publication.yaml", "delay",
                           was + " with no delay recorded: a late publication is explained by a delay told to the "
                                 "Panel and the Secretary of State"});
        else
            out.push_back({std::string(kFile), "reasons",
                           was + " with no reason recorded: 'cspr late " + c.id + " " + std::string(d.rule->id) +
                               (d.subject.empty() ? "" : " " + std::string(subject_key(d.subject))) +
                               " --reason REASON --by WHO' records one"});
    }
    if (!c.lateness) return out;
    for (std::size_t i = 0; i < c.lateness->reasons.size(); ++i) {
        const auto& r = c.lateness->reasons[i];
        const auto clock = std::find_if(deadlines.begin(), deadlines.end(), [&](const Deadline& d) {
            return d.rule->id == r.rule && subject_key(d.subject) == r.subject && d.status != Status::not_applicable;
        });
        // An unknown rule is check_lateness's to name; a rule that does not apply (its facts, or
        // cspr.yaml switched it off after the reason was recorded) leaves the reason moot.
        const bool moot = std::any_of(deadlines.begin(), deadlines.end(), [&](const Deadline& d) {
            return d.rule->id == r.rule && d.status == Status::not_applicable;
        });
        if (!find_rule(r.rule) || moot) continue;
        if (clock == deadlines.end())
            out.push_back({std::string(kFile), entry_field(i),
                           "no clock of " + step_name(r.rule, r.subject) + " has started in this case"});
        else if (!clock->duty.empty())
            out.push_back({std::string(kFile), entry_field(i),
                           step_name(r.rule, r.subject) + " is " + duty_of(clock->duty) +
                               ", kept for information: no reason of ours is needed"});
        else if (!clock->late && clock->status == Status::met)
            out.push_back({std::string(kFile), entry_field(i),
                           step_name(r.rule, r.subject) + " was met on time: no reason is needed"});
    }
    return out;
}

}  // namespace cspr::rules
