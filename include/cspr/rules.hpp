// The statutory and local timescales as one table, and the engine that turns a case into deadlines.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/fields.hpp"
#include "cspr/model.hpp"

namespace cspr::rules {

// When a clock starts or stops: a day, or (for rules counted in hours) an instant.
struct Moment {
    calendar::Date day{};
    std::optional<calendar::DateTime> time;
};

// One clock a rule starts for a case: a rule can start several (one per recipient to notify).
struct Clock {
    std::string subject;  // "" or the recipient, e.g. "panel"
    Moment start;
    std::optional<Moment> met;  // the recorded fact that meets it
    // A recorded reason that pauses the clock and excuses lateness (a delay the Panel and the Secretary
    // of State were told of), from the day it was given: told after the due date, the step stays late.
    std::string excuse;
    std::optional<calendar::Date> excused_from;
    std::string not_done;  // non-empty: recorded that it was not done, and why (never met)
    // Shown beside the status in every format, never personal: "re-dated from 2026-03-31 (reason)",
    // "delay: inquest, told 2025-10-15, after the due date".
    std::string note;
    // Another body's duty, kept for information ("Southmoor Council"): the clock of a local authority
    // that notifies for a child of ours harmed in its area. Never late for the partnership, never
    // failing the nightly check. "" for the partnership's own.
    std::string duty;
};

// What a rule makes of a case: not applicable (the case's facts rule it out), or applicable with
// the clocks started so far (none yet, when the fact that starts them is not recorded yet).
struct Clocks {
    bool applicable = true;
    std::vector<Clock> started;
};

// Where a timescale's figure comes from. Statute or statutory guidance (Working Together), the Panel's
// non-statutory guidance, or a local procedure. A national figure (the first two) can be overridden
// in cspr.yaml only with a recorded reason.
enum class Basis { statutory, national_guidance, local };
std::string_view basis_name(Basis b);  // "statutory", "national guidance", "local"

// Whether a partnership may switch a rule off (or on) in cspr.yaml (`enabled`): only a local rule
// that is a partnership's own practice, never a statutory or national one.
enum class Switchable { no, on_by_default, off_by_default };

// One row of the table: everything a reader needs to trust the deadline, and its source.
struct Rule {
    std::string_view id;
    std::string_view step;          // the command that records it: refer, notify, rapid-review, ...
    std::string_view what;          // what must happen
    std::string_view clock_starts;  // the recorded fact that is day 0
    int length;
    model::Unit unit;
    bool counts_back;  // "no later than N before" rather than "within N of"
    std::string_view applies_when;
    std::string_view met_by;  // the recorded fact that meets it
    Basis basis;
    std::string_view source;
    Clocks (*clocks)(const model::Case&);
    // A period rather than a deadline ("keep available for a year"): it is met when it has run.
    bool period = false;
    Switchable switchable = Switchable::no;
    // Someone else's timescale, kept for information (the Panel's response): shown like any other,
    // but never late for the partnership, and never failing the nightly check.
    bool informational = false;
};

std::span<const Rule> rule_table();
// "'notify-partner' is not a rule (see 'cspr rules'); did you mean notify-partners?", the suggestion
// when `typed` is one or two edits from a rule's id.
std::string unknown_rule(std::string_view typed);
const Rule* find_rule(std::string_view id);

// missed: recorded as not done, with a reason; never met, and no longer an alarm.
enum class Status { met, met_late, pending, overdue, paused, missed, not_applicable };
std::string_view status_name(
    Status s);  // "met", "met late", "pending", "overdue", "paused", "missed", "not applicable"

// A rule's length and unit for a partnership: the table's, or cspr.yaml's override with its reason.
struct Timescale {
    int length = 0;
    model::Unit unit = model::Unit::working_days;
    std::string override_reason;  // non-empty when cspr.yaml overrides the rule
};
Timescale timescale(const Rule& rule, const model::Config& config);
// Whether the rule runs in this case folder: always, unless the rule is switchable and cspr.yaml
// (or the table's default) says otherwise.
bool rule_on(const Rule& rule, const model::Config& config);
// Why a switchable rule is off or on here: cspr.yaml's reason, or "" when the table's default stands.
std::string switch_reason(const Rule& rule, const model::Config& config);
// "5 working days", or "no later than 7 working days before": how the rule's figure reads here; a
// rule of no length is "by" its day 0 ("by the due date recorded for the action").
std::string describe_timescale(const Rule& rule, const model::Config& config);

struct Deadline {
    std::string case_id;
    const Rule* rule = nullptr;
    std::string subject;
    int length = 0;  // after any local override
    model::Unit unit = model::Unit::working_days;
    std::string override_reason;  // non-empty when cspr.yaml overrides the rule
    Moment start;
    calendar::Date due{};
    std::optional<calendar::DateTime> due_time;  // for rules counted in hours
    std::optional<Moment> met;
    Status status = Status::pending;
    // Pending or overdue: working days (or the rule's own unit) from today to the due date, negative
    // when overdue. Met late: how late, in the rule's unit.
    int days_left = 0;
    int late_by = 0;
    int working_days_left = 0;   // from today to the due date, whatever the rule's unit; negative when past
    int calendar_days_left = 0;  // the same in calendar days
    bool projected = false;      // the due date is in a year of projected bank holidays
    // A due date on a weekend or bank holiday stays as counted; the working day before it is when
    // the business unit can act (an open clock's note says so).
    std::optional<calendar::Date> act_by;
    std::string paused;  // the recorded reason, when paused
    std::string note;    // the clock's note (Clock::note)
    // Missed its due date, whatever the status is now: met late, overdue, missed, or paused by a
    // delay that was told only after the due date. Timeliness counts it late.
    bool late = false;
    // For a late step, why, as `stats` counts it: a lateness.yaml reason ("information-awaited"), the
    // publication delay's reason ("delay: inquest") or "not sent" for a copy recorded as not sent;
    // "" when none is recorded. Never the free-text note.
    std::string late_reason;
    std::string duty;  // Clock::duty: whose duty, when another body's
};

// Kept for information only, never the partnership's to meet: the Panel's timescale, or another
// body's duty (Deadline::duty).
inline bool informational(const Deadline& d) { return d.rule->informational || !d.duty.empty(); }
// "Southmoor Council's duty", "Westmoor Council's safeguarding partners' duty".
inline std::string duty_of(const std::string& body) { return body + (body.ends_with('s') ? "' duty" : "'s duty"); }

// Every deadline of one case as of `today`, sorted by due date then rule order; rules that do not
// apply to the case come last, with status not_applicable and no due date.
std::vector<Deadline> case_deadlines(const model::Case& c, const model::Config& config, const calendar::Calendar& cal,
                                     calendar::Date today);

// "5 working days", "48 hours", "6 months".
std::string describe_length(int length, model::Unit unit);

// ---- The notification test (Children Act 2004 s16C(1)) ------------------------------------------

struct Recipient {
    std::string_view id;
    std::string_view rule;
    std::string_view who;
};
// Every recipient id cspr knows, with its rule and a description.
std::span<const Recipient> recipients();
const Recipient* find_recipient(std::string_view id);

// The names the field tables leave to the rules: "recipient", "rule" (a recipient's), "ruleId" (any).
model::Choices field_choices();

struct NotificationDecision {
    bool notifiable = false;
    std::vector<std::string> reasons;   // each ends with its source in parentheses
    std::vector<const Recipient*> who;  // who must be told
};
// `home_la`: for a child from elsewhere harmed here, the local authority where the child normally
// lives (notification.yaml home_la), whose partners are told too.
NotificationDecision decide_notification(const model::NotificationTest& test, std::string_view home_la = {});

// ---- Checks across fields and files -------------------------------------------------------------

// A problem in a case that no single field shows: which file of the case (e.g. "referral.yaml"), the
// dotted field, and what is wrong. The CLI adds the path and line.
struct Problem {
    std::string file;
    std::string field;
    std::string message;
};

// The rules that tie a case's fields and files together: dates in order, a notification needs a
// referral, a date of death only for a child who died, the recorded notification decision agrees
// with its test, and so on.
std::vector<Problem> check_case(const model::Case& c);
// actions.yaml's record of slippage (src/rules/action_checks.cpp; part of check_case): a dropped
// action has a recorded reason, and a due date moved from original_due has a history entry.
std::vector<Problem> check_action_history(const model::Actions& a);
// panel-response.yaml against the case (src/rules/panel_checks.cpp; part of check_case): a response to
// a rapid review sent to the Panel, requests answered after they were asked, and a decision citing
// the Panel's conclusion backed by a response that gave it.
std::vector<Problem> check_panel_response(const model::Case& c);
// notification.yaml's other local authority (src/rules/boundary_checks.cpp; part of check_case): a
// notifying authority exactly when the child, normally resident here, was harmed elsewhere in England,
// with its dates in order; a home authority only for a child harmed here.
std::vector<Problem> check_cross_boundary(const model::Notification& n, const std::optional<model::Referral>& referral);
// What only the folder's cspr.yaml can show (src/rules/boundary_checks.cpp): a notifying or home
// authority that is the partnership's own local authority. Every write and `validate` ask it.
std::vector<Problem> check_case_in_folder(const model::Case& c, const model::Config& config);
// lateness.yaml on its own (src/rules/lateness.cpp; part of check_case): each rule known and one whose
// lateness a reason can explain, each step at most once.
std::vector<Problem> check_lateness(const model::Lateness& l);
// lateness.yaml against the case's deadlines: a step met late (or missed, or paused by a delay told
// late) with no reason; a reason for a step met on time, or for a clock the rule never started.
// Overdue steps are left to `cspr deadlines`, whose answer changes with the day.
std::vector<Problem> lateness_problems(const model::Case& c, const std::vector<Deadline>& deadlines);
// The part of a clock's subject a lateness.yaml entry names: "R3" of an action's "R3 Northdale Police".
std::string_view subject_key(std::string_view subject);
// Why a late step of `rule` takes no reason from lateness.yaml ("" when it does): a period is never
// late, an informational clock is the Panel's, and `publish` is explained by a delay told to the
// Panel and the Secretary of State.
std::string no_late_reason_because(const Rule& rule);
inline bool takes_late_reason(const Rule& rule) { return no_late_reason_because(rule).empty(); }
// The lateness.yaml entry for the clock of `rule` with `subject` (an action's "R3 Owner" is found by
// "R3"), if any.
const model::LateReason* find_late_reason(const model::Case& c, std::string_view rule, std::string_view subject);
// Action references cspr numbers run R1 to R99999: a hand-edited one past that is a problem, so that
// the next number (highest + 1) is always small enough to count.
inline constexpr long kMaxActionNumber = 99999;
// The number of a reference "R<digits>" ("R12" is 12; any number past kMaxActionNumber, however
// long, reads as kMaxActionNumber + 1); nullopt for a reference written otherwise ("A1", "R1a").
std::optional<long> action_number(std::string_view ref);
// What a reader of the case should know though nothing contradicts: a decision that differs from the
// rapid review's recommended route, or was made with no rapid review recorded.
std::vector<Problem> case_notes(const model::Case& c);
// Recorded facts dated after `today` (a date sent, signed, published...): a record says what has
// happened, not what is planned. Planned dates (publish_on, an action's due date) are not facts.
std::vector<Problem> future_facts(const model::Case& c, calendar::Date today);
// The dates the engine counts from or to (facts and planned dates alike, never a personal date) that
// lie outside `cal`: "2051-03-31 is past the calendar's end, 2050-12-31". A case with one has deadlines
// the engine cannot compute, so no command records it (src/rules/calendar_range.cpp).
std::vector<Problem> outside_calendar(const model::Case& c, const calendar::Calendar& cal);
// cspr.yaml: an override of a national timescale needs a reason; overrides name known rules.
// A statutory or national timescale may be lengthened or moved only with a reason, and never below
// the table's figure (the law's or the guidance's floor).
std::vector<Problem> check_config(const model::Config& config);

// Agencies are named by people typing: "Northdale police" and " Northdale  Police" are the same one
// (letters compared without case, spaces at the ends ignored and runs of them read as one).
bool same_agency(std::string_view a, std::string_view b);
// A name as compared: ASCII letters in lower case, runs of spaces and tabs as one space, none at the
// ends (same_agency, and a child's name when a referral may be a retry).
std::string name_key(std::string_view name);
// Edit distance for "did you mean" suggestions: a swap of neighbouring letters counts one.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The name in `known` that `typed` most likely misspells (case and punctuation ignored), if any is close.
std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& known);
// "To be commissioned", "TBC", "Not yet known": text standing where a person's name belongs.
bool is_placeholder_name(std::string_view name);

// ---- The final report (Working Together 2018 ch. 4 "Expectations for the final report") ---------

// A detail that would identify the child or family if it appeared in a published report.
struct IdentifyingDetail {
    std::string
        kind;  // "child's name", "family member's name", "date of birth", "date of death", "address", "postcode"
    std::string text;  // the detail itself: never printed, only searched for
};
// Every identifying detail the case records, as the referral's field table marks them (identifies()):
// names of the child, family, carer and practitioners (whole, and each part of 3 letters or more),
// dates of birth and death, addresses and their postcodes, where the child was staying, schools.
std::vector<IdentifyingDetail> identifying_details(const model::Case& c);

struct ReportFinding {
    int line = 0;         // 1-based line of the report; 0 for the report as a whole
    std::string problem;  // what is wrong, never quoting the report's text
};
// Checks a report (Markdown or plain text) against the expected shape (docs/report-shape.md): the
// required sections, recommendations that each say who and by when, and no identifying detail.
// Returns every finding; none means the text may be published.
std::vector<ReportFinding> check_report(std::string_view text, const std::vector<IdentifyingDetail>& details);

}  // namespace cspr::rules
