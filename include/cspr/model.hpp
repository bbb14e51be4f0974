// Plain value types for a partnership's settings and a case, one struct per file kind.
// No I/O and no YAML here: `store` reads and writes them, `rules` reasons about them.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/spelling.hpp"

namespace cspr::model {

using calendar::Date;
using calendar::DateTime;

// Keys a file held that cspr does not know, kept so that a rewrite does not drop them: each value is
// the YAML text of that key's value in flow style (`{a: 1}`, `[x, y]`, `"text"`).
using Extras = std::vector<std::pair<std::string, std::string>>;

inline constexpr int kSchemaVersion = 1;

// ---- cspr.yaml -----------------------------------------------------------------------------------

enum class Unit { working_days, calendar_days, hours, months, years };
CSPR_SPELLING(Unit, "working-days", "calendar-days", "hours", "months", "years");
std::string_view unit_name(Unit u);  // "working-days", ...
std::optional<Unit> unit_from_name(std::string_view name);

// A rule's local setting in cspr.yaml: a figure of its own (length and unit, given together), or the
// rule switched off or on (`enabled`), each with its reason. Absent values are the table's.
struct TimescaleOverride {
    std::optional<int> length;
    std::optional<Unit> unit;
    std::optional<bool> enabled;
    std::string reason;
    std::string source;
    Extras extra;
    friend bool operator==(const TimescaleOverride&, const TimescaleOverride&) = default;
};

// The modes cspr gives the files and folders it creates. Case data is for the partnership's team
// only: the owner always has access, a group may be given some, every other account none.
struct Permissions {
    int files = 0600;
    int folders = 0700;
    friend bool operator==(const Permissions&, const Permissions&) = default;
};

struct Config {
    std::string partnership;
    std::string code;
    std::string local_authority;
    calendar::Region region = calendar::kDefaultRegion;
    bool git_commit = false;
    std::map<std::string, TimescaleOverride> timescales;  // by rule id
    Permissions permissions;
    Extras extra;
    Extras git_extra;
    Extras permissions_extra;
    friend bool operator==(const Config&, const Config&) = default;
};

// ---- referral.yaml -------------------------------------------------------------------------------

enum class CpPlan { current, previous, never, unknown };
CSPR_SPELLING(CpPlan, "current", "previous", "never", "unknown");
std::string_view cp_plan_name(CpPlan p);
std::optional<CpPlan> cp_plan_from_name(std::string_view name);

struct Criterion {
    std::string_view id;
    bool must_notify;  // one of the form's five "must be notified"; else one of nine "consider referring"
    std::string_view text;
};
// The 14 criteria of the Bradford referral form (appendix 2), in the form's order.
const std::array<Criterion, 14>& referral_criteria();
const Criterion* find_criterion(std::string_view id);

struct Referrer {
    std::string name, agency, role, contact;
    Extras extra;
    friend bool operator==(const Referrer&, const Referrer&) = default;
};

struct Child {
    std::string name;
    std::optional<Date> date_of_birth, date_of_death;
    Date incident_date{};
    std::string home_address, ethnicity, faith, disability;
    CpPlan child_protection_plan = CpPlan::unknown;
    bool looked_after = false;
    std::string whereabouts, carer;
    Extras extra;
    friend bool operator==(const Child&, const Child&) = default;
};

struct FamilyMember {
    std::string name, relationship;
    std::optional<Date> date_of_birth;
    std::string address, legal_status, ethnicity;
    Extras extra;
    friend bool operator==(const FamilyMember&, const FamilyMember&) = default;
};

struct InvolvedAgency {
    std::string name, agency, contact;
    std::optional<bool> still_involved;
    Extras extra;
    friend bool operator==(const InvolvedAgency&, const InvolvedAgency&) = default;
};

// One incident names up to four children (GOV.UK, Report a serious child safeguarding incident):
// the child and up to three other_children.
inline constexpr std::size_t kMaxChildren = 4;

struct Referral {
    std::string id;
    DateTime received{};
    std::optional<DateTime> confirmed_in_writing;
    Referrer referrer;
    Child child;
    // One incident, several children: the second to fourth (a notification names up to four).
    std::vector<Child> other_children;  // at most kMaxChildren - 1
    std::vector<FamilyMember> family;
    std::vector<InvolvedAgency> agencies;
    std::vector<std::string> criteria;
    std::string narrative;
    Extras extra;
    friend bool operator==(const Referral&, const Referral&) = default;
};

// ---- notification.yaml ---------------------------------------------------------------------------

enum class AbuseOrNeglect { known, suspected, no };
enum class Harm { died, seriously_harmed, neither };
// resident_harmed_elsewhere_in_england: the child normally lives here but was harmed in another
// English local authority's area, which notifies and leads the rapid review (Panel FAQ).
enum class Location { in_area, resident_harmed_outside_england, resident_harmed_elsewhere_in_england, neither };
CSPR_SPELLING(AbuseOrNeglect, "known", "suspected", "no");
CSPR_SPELLING(Harm, "died", "seriously-harmed", "neither");
CSPR_SPELLING(Location, "in-area", "resident-harmed-outside-england", "resident-harmed-elsewhere-in-england",
              "neither");
std::string_view abuse_name(AbuseOrNeglect a);
std::string_view harm_name(Harm h);
std::string_view location_name(Location l);
std::optional<AbuseOrNeglect> abuse_from_name(std::string_view name);
std::optional<Harm> harm_from_name(std::string_view name);
std::optional<Location> location_from_name(std::string_view name);

// The test's answers for referral.yaml's other_children, in their order: harms and the looked-after
// death duty are each child's own.
struct ChildTest {
    Harm harm = Harm::neither;
    bool looked_after = false;
    bool care_leaver = false;
    Extras extra;
    friend bool operator==(const ChildTest&, const ChildTest&) = default;
};

// The answers to the notification test (Children Act 2004 s16C(1)).
struct NotificationTest {
    AbuseOrNeglect abuse_or_neglect = AbuseOrNeglect::no;
    Harm harm = Harm::neither;
    Location location = Location::neither;
    bool looked_after = false;
    bool care_leaver = false;
    std::vector<ChildTest> other_children;
    Extras extra;
    friend bool operator==(const NotificationTest&, const NotificationTest&) = default;
};

struct RecipientRecord {
    std::string recipient;  // panel, ofsted-dfe, partners, cdr-partners, sos-ofsted, sos-ofsted-care-leaver
    std::string rule;       // the rule id whose clock applies
    std::optional<Date> sent;
    Extras extra;
    friend bool operator==(const RecipientRecord&, const RecipientRecord&) = default;
};

// One of our agencies' contributions to another local authority's rapid review.
struct Contribution {
    std::string agency;
    std::optional<Date> asked, sent;
    Extras extra;
    friend bool operator==(const Contribution&, const Contribution&) = default;
};

// The local authority where a child who normally lives here was harmed: its duty to notify and to
// lead the rapid review, kept for information; its dates are its own clocks' day 0 and facts.
struct NotifyingLa {
    std::string name;
    Date aware{};
    std::optional<Date> notified, rapid_review_sent;
    std::vector<Contribution> contributions;
    Extras extra;
    friend bool operator==(const NotifyingLa&, const NotifyingLa&) = default;
};

struct Notification {
    std::string id;
    Date aware{};
    NotificationTest test;
    // A child from elsewhere harmed here: the local authority where the child normally lives, whose
    // safeguarding partners are told and decide on a local review (Bradford DSCP procedure s6).
    std::string home_la;
    std::optional<NotifyingLa> notifying_la;
    bool notifiable = false;
    std::vector<std::string> reasons;
    std::vector<RecipientRecord> recipients;
    std::string not_notifiable_route;
    Extras extra;
    friend bool operator==(const Notification&, const Notification&) = default;
};

// ---- rapid-review.yaml ---------------------------------------------------------------------------

// Routes a rapid review can recommend, and outcomes a decision can record (Bradford, Durham and Barnet procedures).
enum class Route {
    local_cspr,
    national_review,
    single_agency_review,
    single_agency_audit,
    multi_agency_audit,
    positive_learning_review,
    other_learning,
    no_further_action
};
CSPR_SPELLING(Route, "local-cspr", "national-review", "single-agency-review", "single-agency-audit",
              "multi-agency-audit", "positive-learning-review", "other-learning", "no-further-action");
std::string_view route_name(Route r);  // "local-cspr", ...
std::optional<Route> route_from_name(std::string_view name);

struct AgencyReturn {
    std::string agency;
    std::optional<Date> requested, returned;
    std::string summary;
    Extras extra;
    friend bool operator==(const AgencyReturn&, const AgencyReturn&) = default;
};

// A safeguarding partner's sign-off or decision-maker: a name, and for sign-offs the date.
struct PartnerSign {
    std::string name;
    std::optional<Date> date;
    Extras extra;
    friend bool operator==(const PartnerSign&, const PartnerSign&) = default;
};

// The three safeguarding partners (Children Act 2004 s16E): local authority, police, ICB.
enum class Partner { local_authority, police, icb };
CSPR_SPELLING(Partner, "local_authority", "police", "icb");
inline constexpr std::array kPartners = {Partner::local_authority, Partner::police, Partner::icb};
std::string_view partner_key(Partner p);                          // "local_authority", "police", "icb"
std::optional<Partner> partner_from_name(std::string_view name);  // also accepts "local-authority", "la"

// The earlier values of a record (rapid review, decision, publication) kept when a recorded value
// was changed with --amend --reason: a recorded fact is never overwritten without a trace.
struct Amendment {
    Date date{};
    std::string reason;  // free text, which may name people: kept in the file, not in default output
    std::vector<std::pair<std::string, std::string>> previous;  // field → its earlier value
    Extras extra;
    friend bool operator==(const Amendment&, const Amendment&) = default;
};

struct RapidReview {
    std::string id;
    std::vector<AgencyReturn> returns;
    std::optional<Date> meeting;
    std::string facts, immediate_actions, learning_shared, potential_for_improvement;
    std::optional<Route> recommended_route;
    bool national_importance = false;
    std::string national_importance_note;
    std::array<PartnerSign, 3> sign_off;  // by Partner
    std::optional<Date> sent_to_panel;
    std::vector<Amendment> amendments;
    Extras extra;
    friend bool operator==(const RapidReview&, const RapidReview&) = default;
};
// Complete only with all three partners' sign-off.
bool is_complete(const RapidReview& r);

// ---- decision.yaml -------------------------------------------------------------------------------

// One criterion or circumstance of the decision (reg. 11; Working Together 2018 ch. 4), answered.
struct Answer {
    bool applies = false;
    std::string note;
    Extras extra;
    friend bool operator==(const Answer&, const Answer&) = default;
};

struct Question {
    std::string_view key;
    std::string_view text;
};
// The four criteria the partners must take into account, and the four circumstances to have regard
// to, in the guidance's order.
const std::array<Question, 4>& decision_criteria();
const std::array<Question, 4>& decision_circumstances();

struct Reviewer {
    std::string name;
    std::string conflict_of_interest;  // the declaration, e.g. "none declared"
    // The day the name was given to the Panel, Ofsted and DfE, when later than the decision: the
    // decision may be recorded before a reviewer is commissioned.
    std::optional<Date> named_on;
    Extras extra;
    friend bool operator==(const Reviewer&, const Reviewer&) = default;
};

struct Decision {
    std::string id;
    Date date{};
    Route outcome = Route::no_further_action;
    std::array<Answer, 4> criteria;
    std::array<Answer, 4> circumstances;
    std::string rationale;
    std::array<PartnerSign, 3> decided_by;  // by Partner
    bool unanimous = true;
    std::optional<Date> family_told;
    std::string family_note;  // how the family was told, or why not
    std::vector<Reviewer> reviewers;
    std::optional<Date> informed_panel, informed_ofsted, informed_dfe;
    std::vector<Amendment> amendments;
    Extras extra;
    friend bool operator==(const Decision&, const Decision&) = default;
};

// ---- publication.yaml ----------------------------------------------------------------------------

enum class DelayReason { criminal_investigation, inquest, prosecution, other };
CSPR_SPELLING(DelayReason, "criminal-investigation", "inquest", "prosecution", "other");
std::string_view delay_name(DelayReason d);
std::optional<DelayReason> delay_from_name(std::string_view name);

struct Delay {
    DelayReason reason = DelayReason::other;
    std::string note;
    std::optional<Date> panel_and_sos_told;
    Extras extra;
    friend bool operator==(const Delay&, const Delay&) = default;
};

struct Publication {
    std::string id;
    std::optional<Date> publish_on;  // planned
    bool full_report = true;
    std::string justification;  // why only the improvements information is published
    std::optional<Date> copy_panel, copy_secretary_of_state, copy_ofsted;
    // A copy that was not sent before publication, and why (copies_not_sent): it answers the alarm.
    std::string not_sent_panel, not_sent_secretary_of_state, not_sent_ofsted;
    std::optional<Delay> delay;
    std::optional<Date> published;
    std::optional<Date> available_until;  // written from the keep-available rule; never read back
    // Kept for files that have it; always false: a local review's report is kept available for a
    // year, and the three years of a national review belong to the Panel's own report.
    bool national = false;
    std::vector<Amendment> amendments;
    Extras extra;
    friend bool operator==(const Publication&, const Publication&) = default;
};

// ---- actions.yaml --------------------------------------------------------------------------------

enum class ActionStatus { open, in_progress, done, dropped };
CSPR_SPELLING(ActionStatus, "open", "in-progress", "done", "dropped");
std::string_view action_status_name(ActionStatus s);
std::optional<ActionStatus> action_status_from_name(std::string_view name);

// A change to an action that needs a reason (a new due date, dropping it), kept in the file so that
// slippage stays visible after the change: without it a re-dated or dropped action simply leaves
// the nightly check. Written in actions.yaml as `change: "due: 2026-03-31 -> 2027-03-31"`.
struct ActionChange {
    Date recorded{};       // the day cspr recorded it (today, or --as-of)
    std::string field;     // "due" or "status"
    std::string from, to;  // "2026-03-31" -> "2027-03-31"; "in-progress" -> "dropped"
    std::string reason;    // free text: shown only with --show-names
    Extras extra;
    friend bool operator==(const ActionChange&, const ActionChange&) = default;
};

struct Action {
    std::string ref;  // R1, R2, ...
    std::string recommendation;
    std::string owner;  // the agency
    Date due{};
    std::optional<Date> original_due;  // the first due date, set when the action is first re-dated
    ActionStatus status = ActionStatus::open;
    std::optional<Date> completed;
    std::string evidence;
    std::vector<ActionChange> history;  // oldest first
    Extras extra;
    friend bool operator==(const Action&, const Action&) = default;
};

struct Actions {
    std::string id;
    std::vector<Action> actions;
    Extras extra;
    friend bool operator==(const Actions&, const Actions&) = default;
};

// ---- panel-response.yaml ----------------------------------------------------------------------------

// What the Panel said of a rapid review (Bradford DSCP procedure s8, Durham SCP procedures s7).
enum class PanelSays { agrees, more_information, considering_national_review, suggests_local_review };
CSPR_SPELLING(PanelSays, "agrees", "more-information", "considering-national-review", "suggests-local-review");

// A request of the Panel for more information, and the partners' answer.
struct PanelRequest {
    Date asked{};
    std::string about;  // free text
    std::optional<Date> answered;
    Extras extra;
    friend bool operator==(const PanelRequest&, const PanelRequest&) = default;
};

// The Panel's decision to carry out a national review, and how the partners take part. Its report
// is the Panel's, published by the Panel (and kept available three years): not publication.yaml's.
struct NationalReview {
    Date decided{};
    std::string scope;          // free text
    std::string participation;  // free text
    Extras extra;
    friend bool operator==(const NationalReview&, const NationalReview&) = default;
};

struct PanelResponse {
    std::string id;
    Date received{};
    PanelSays says = PanelSays::agrees;
    std::string note;  // free text
    std::vector<PanelRequest> requests;
    std::optional<NationalReview> national_review;
    Extras extra;
    friend bool operator==(const PanelResponse&, const PanelResponse&) = default;
};

// ---- lateness.yaml -------------------------------------------------------------------------------

// Why a step was late, in words a year's figures can count (`cspr stats`); the detail is free text.
enum class LateCause {
    information_awaited,
    partner_availability,
    threshold_unclear,
    parallel_proceedings,
    family_engagement,
    capacity,
    oversight,
    other
};
CSPR_SPELLING(LateCause, "information-awaited", "partner-availability", "threshold-unclear", "parallel-proceedings",
              "family-engagement", "capacity", "oversight", "other");

// The reason one step (a rule's clock, and its subject when it has several) was late.
struct LateReason {
    std::string rule;     // a rule id: notify-panel, rapid-review, action-due, ...
    std::string subject;  // the clock's subject (panel, ofsted, R3), "" for a rule with one clock
    LateCause reason = LateCause::other;
    std::string note;         // free text: shown only with --show-names
    std::string recorded_by;  // who recorded the reason
    Date recorded{};          // the day cspr recorded it (today, or --as-of)
    Extras extra;
    friend bool operator==(const LateReason&, const LateReason&) = default;
};

struct Lateness {
    std::string id;
    std::vector<LateReason> reasons;
    Extras extra;
    friend bool operator==(const Lateness&, const Lateness&) = default;
};

// ---- a whole case --------------------------------------------------------------------------------

// Every step file of one case that exists; later steps are added as the process goes on.
struct Case {
    std::string id;
    std::optional<Referral> referral;
    std::optional<Notification> notification;
    std::optional<RapidReview> rapid_review;
    std::optional<Decision> decision;
    std::optional<Publication> publication;
    std::optional<Actions> actions;
    std::optional<PanelResponse> panel_response;
    std::optional<Lateness> lateness;
};

// The step a case has reached, for listings.
std::string_view current_step(const Case& c);

}  // namespace cspr::model
