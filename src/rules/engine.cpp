// Turning a case and the table into deadlines with a status.
#include <algorithm>

#include "cspr/error.hpp"
#include "cspr/rules.hpp"
#include "lateness.hpp"

namespace cspr::rules {

namespace {

using model::Unit;

// The due date of a clock of `length` `unit`s from `start`.
Moment due_from(const calendar::Calendar& cal, const Moment& start, int length, Unit unit, bool back) {
    const int n = back ? -length : length;
    switch (unit) {
        case Unit::working_days: return {calendar::add_working_days(cal, start.day, n), std::nullopt};
        case Unit::calendar_days: return {start.day + date::days{n}, std::nullopt};
        case Unit::months: return {calendar::add_months(start.day, n), std::nullopt};
        case Unit::years: return {calendar::add_years(start.day, n), std::nullopt};
        case Unit::hours: {
            // Elapsed hours go through the system clock, which ends in 2262: stay inside the calendar.
            calendar::require_covers(cal, start.day);
            const calendar::DateTime from = start.time.value_or(calendar::DateTime{start.day});
            const calendar::DateTime due = from + std::chrono::hours{n};
            return {calendar::london_date_of(due), due};
        }
    }
    return start;
}

// Whole units from `from` to `to`: working days for working-day rules, else calendar days (hours
// for hour rules, rounded up, so that one minute late is one hour late).
int distance(const calendar::Calendar& cal, const Moment& from, const Moment& to, Unit unit) {
    if (unit == Unit::working_days) return calendar::working_days_between(cal, from.day, to.day);
    if (unit == Unit::hours && from.time && to.time) {
        const auto minutes = (*to.time - *from.time).count();
        return static_cast<int>(minutes >= 0 ? (minutes + 59) / 60 : -((-minutes + 59) / 60));
    }
    return static_cast<int>((to.day - from.day).count());
}

bool after(const Moment& a, const Moment& b) {
    if (a.time && b.time) return *a.time > *b.time;
    return a.day > b.day;
}

// The working day before a due date that is not one, when the calendar covers both.
std::optional<calendar::Date> act_by(const calendar::Calendar& cal, calendar::Date due) {
    if (!calendar::covers(cal, due) || !calendar::covers(cal, due - date::days{14}) ||
        calendar::is_working_day(cal, due))
        return std::nullopt;
    return calendar::add_working_days(cal, due, -1);
}

// "due Sun 2027-03-21, not a working day: act by Fri 2027-03-19", naming a bank holiday.
std::string act_by_note(const calendar::Calendar& cal, calendar::Date due, calendar::Date act) {
    const calendar::Holiday* holiday = calendar::holiday_on(cal, due);
    return "due " + std::string(calendar::weekday_abbrev(due)) + " " + calendar::format_iso_date(due) +
           (holiday ? " (" + holiday->title + ")" : "") + ", not a working day: act by " +
           std::string(calendar::weekday_abbrev(act)) + " " + calendar::format_iso_date(act);
}

// The status of a clock that has not been met: paused by a timely excuse, missed, pending or overdue.
void status_unmet(Deadline& d, const Rule& rule, const Clock& clock, bool excused, const calendar::Calendar& cal,
                  calendar::Date today) {
    if (!clock.not_done.empty()) {
        d.status = Status::missed;
        d.late = true;
    } else if (clock.excused_from && today >= *clock.excused_from) {
        // Told of a delay: paused from that day on, but late already if it was told after the due date.
        d.status = Status::paused;
        d.paused = clock.excuse;
    } else {
        d.days_left = distance(cal, {today, std::nullopt}, {d.due, std::nullopt},
                               d.unit == Unit::hours ? Unit::calendar_days : d.unit);
        if (rule.period) d.status = today >= d.due ? Status::met : Status::pending;
        else d.status = today > d.due ? Status::overdue : Status::pending;
    }
    if (d.status == Status::overdue || (d.status == Status::paused && !excused)) d.late = true;
}

Deadline evaluate(const Rule& rule, const Clock& clock, const model::Case& c, const model::Config& config,
                  const calendar::Calendar& cal, calendar::Date today) {
    Deadline d;
    d.case_id = c.id;
    d.rule = &rule;
    d.subject = clock.subject;
    const Timescale t = timescale(rule, config);
    d.length = t.length;
    d.unit = t.unit;
    d.override_reason = t.override_reason;
    d.start = clock.start;
    const Moment due = due_from(cal, clock.start, d.length, d.unit, rule.counts_back);
    d.due = due.day;
    d.due_time = due.time;
    d.met = clock.met;
    // Only a count of working days depends on bank holidays that may yet be announced.
    d.projected = d.unit == Unit::working_days && calendar::covers(cal, d.due) && calendar::is_projected(cal, d.due);
    d.note = clock.note;
    d.duty = clock.duty;
    if (!d.duty.empty()) d.note = duty_of(d.duty) + ", for information" + (d.note.empty() ? "" : "; " + d.note);
    // Negative whenever the day is past, even on a weekend just after a Friday deadline.
    d.working_days_left = calendar::working_days_between(cal, today, d.due);
    if (today > d.due) d.working_days_left = std::min(d.working_days_left, -1);
    d.calendar_days_left = static_cast<int>((d.due - today).count());
    // A delay excuses lateness only from the day it was told: told after the due date, it is late.
    const bool excused = clock.excused_from && *clock.excused_from <= d.due;
    if (clock.excused_from && !excused)
        d.note =
            "late: the delay was told on " + calendar::format_iso_date(*clock.excused_from) + ", after the due date";
    if (d.met) {
        d.status = after(*d.met, due) && !excused ? Status::met_late : Status::met;
        if (d.status == Status::met_late) d.late_by = distance(cal, due, *d.met, d.unit);
        d.late = d.status == Status::met_late;
    } else {
        status_unmet(d, rule, clock, excused, cal, today);
    }
    d.act_by = act_by(cal, d.due);
    if (d.act_by && (d.status == Status::pending || d.status == Status::overdue) && !rule.period)
        d.note = act_by_note(cal, d.due, *d.act_by) + (d.note.empty() ? "" : "; " + d.note);
    explain_lateness(d, clock, c);
    return d;
}

// cspr.yaml's setting of `rule`, if any. Asked for every rule of every case: most folders set none,
// so an empty map is answered without making the key.
const model::TimescaleOverride* override_of(const Rule& rule, const model::Config& config) {
    if (config.timescales.empty()) return nullptr;
    const auto it = config.timescales.find(std::string(rule.id));
    return it == config.timescales.end() ? nullptr : &it->second;
}

// A due date outside the calendar comes from a case's dates or a cspr.yaml override, so the error
// names the case and the rule, and the override when there is one: the calendar alone cannot say.
Deadline evaluate_named(const Rule& rule, const Clock& clock, const model::Case& c, const model::Config& config,
                        const calendar::Calendar& cal, calendar::Date today) {
    try {
        return evaluate(rule, clock, c, config, cal, today);
    } catch (const Error& e) {
        if (!e.where().file.empty() || !e.where().field.empty()) throw;
        const std::string id(rule.id);
        const bool overridden = config.timescales.contains(id);
        throw Error(e.message() + (overridden ? " (the timescale is cspr.yaml's timescales." + id + ")" : ""),
                    {"", 0, c.id + ": " + id});
    }
}

}  // namespace

std::string_view basis_name(Basis b) {
    switch (b) {
        case Basis::statutory: return "statutory";
        case Basis::national_guidance: return "national guidance";
        case Basis::local: return "local";
    }
    return "local";
}

std::string_view status_name(Status s) {
    switch (s) {
        case Status::met: return "met";
        case Status::met_late: return "met late";
        case Status::pending: return "pending";
        case Status::overdue: return "overdue";
        case Status::paused: return "paused";
        case Status::missed: return "missed";
        case Status::not_applicable: return "not applicable";
    }
    return "";
}

Timescale timescale(const Rule& rule, const model::Config& config) {
    if (const model::TimescaleOverride* o = override_of(rule, config); o && o->length)
        return {*o->length, o->unit.value_or(rule.unit), o->reason.empty() ? "local timescale" : o->reason};
    return {rule.length, rule.unit, ""};
}

bool rule_on(const Rule& rule, const model::Config& config) {
    if (rule.switchable == Switchable::no) return true;
    if (const model::TimescaleOverride* o = override_of(rule, config); o && o->enabled) return *o->enabled;
    return rule.switchable == Switchable::on_by_default;
}

std::string switch_reason(const Rule& rule, const model::Config& config) {
    const model::TimescaleOverride* o = override_of(rule, config);
    if (rule.switchable == Switchable::no || !o || !o->enabled) return "";
    return o->reason;
}

std::string describe_timescale(const Rule& rule, const model::Config& config) {
    const Timescale t = timescale(rule, config);
    if (t.length == 0 && !rule.counts_back) return "by " + std::string(rule.clock_starts);  // an action's own due date
    const std::string length = describe_length(t.length, t.unit);
    return rule.counts_back ? "no later than " + length + " before" : length;
}

std::string describe_length(int length, Unit unit) {
    std::string name(model::unit_name(unit));
    std::replace(name.begin(), name.end(), '-', ' ');
    if (length == 1 && name.ends_with("s")) name.pop_back();
    return std::to_string(length) + " " + name;
}

std::vector<Deadline> case_deadlines(const model::Case& c, const model::Config& config, const calendar::Calendar& cal,
                                     calendar::Date today) {
    std::vector<Deadline> out, not_applicable;
    for (const Rule& rule : rule_table()) {
        const bool on = rule_on(rule, config);
        const Clocks clocks = on ? rule.clocks(c) : Clocks{false, {}};
        if (!clocks.applicable) {
            Deadline d;
            d.case_id = c.id;
            d.rule = &rule;
            d.status = Status::not_applicable;
            if (!on) {
                const std::string why = switch_reason(rule, config);
                d.note = why.empty() ? "off unless cspr.yaml switches it on" : "switched off in cspr.yaml: " + why;
            }
            not_applicable.push_back(d);
        }
        for (const Clock& clock : clocks.started) out.push_back(evaluate_named(rule, clock, c, config, cal, today));
    }
    std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.due < b.due; });
    out.insert(out.end(), not_applicable.begin(), not_applicable.end());
    return out;
}

}  // namespace cspr::rules
