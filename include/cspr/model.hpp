// Plain value types for a partnership's settings and a case, one struct per file kind.
// No I/O and no YAML here: `store` reads and writes them, `rules` reasons about them.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cspr/calendar.hpp"

namespace cspr::model {

using calendar::Date;
using calendar::DateTime;

// Keys a file held that cspr does not know, kept so that a rewrite does not drop them: each value is
// the YAML text of that key's value in flow style (`{a: 1}`, `[x, y]`, `"text"`).
using Extras = std::vector<std::pair<std::string, std::string>>;

inline constexpr int kSchemaVersion = 1;

// ---- cspr.yaml -----------------------------------------------------------------------------------

enum class Unit { working_days, calendar_days, hours, months, years };
std::string_view unit_name(Unit u);  // "working-days", ...
std::optional<Unit> unit_from_name(std::string_view name);

struct TimescaleOverride {
    int length = 0;
    Unit unit = Unit::working_days;
    std::string reason;
    std::string source;
    Extras extra;
    friend bool operator==(const TimescaleOverride&, const TimescaleOverride&) = default;
};

struct Config {
    std::string partnership;
    std::string code;
    std::string local_authority;
    calendar::Region region = calendar::kDefaultRegion;
    bool git_commit = false;
    std::map<std::string, TimescaleOverride> timescales;  // by rule id
    Extras extra;
    Extras git_extra;
    friend bool operator==(const Config&, const Config&) = default;
};

// ---- referral.yaml -------------------------------------------------------------------------------

enum class CpPlan { current, previous, never, unknown };
std::string_view cp_plan_name(CpPlan p);
std::optional<CpPlan> cp_plan_from_name(std::string_view name);

struct Criterion {
    std::string_view id;
    bool must_notify;  // one of the form's five "must be notified"; else one of nine "consider referring"
    std::string_view text;
};
// The 14 criteria of the Bradford referral form (seed 001, appendix 2), in the form's order.
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

struct Referral {
    std::string id;
    DateTime received{};
    std::optional<DateTime> confirmed_in_writing;
    Referrer referrer;
    Child child;
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
enum class Location { in_area, resident_harmed_outside_england, neither };
std::string_view abuse_name(AbuseOrNeglect a);
std::string_view harm_name(Harm h);
std::string_view location_name(Location l);
std::optional<AbuseOrNeglect> abuse_from_name(std::string_view name);
std::optional<Harm> harm_from_name(std::string_view name);
std::optional<Location> location_from_name(std::string_view name);

// The answers to the notification test (Children Act 2004 s16C(1)).
struct NotificationTest {
    AbuseOrNeglect abuse_or_neglect = AbuseOrNeglect::no;
    Harm harm = Harm::neither;
    Location location = Location::neither;
    bool looked_after = false;
    bool care_leaver = false;
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

struct Notification {
    std::string id;
    Date aware{};
    NotificationTest test;
    bool notifiable = false;
    std::vector<std::string> reasons;
    std::vector<RecipientRecord> recipients;
    std::string not_notifiable_route;
    Extras extra;
    friend bool operator==(const Notification&, const Notification&) = default;
};

// ---- a whole case --------------------------------------------------------------------------------

// Every step file of one case that exists; later steps are added as the process goes on.
struct Case {
    std::string id;
    std::optional<Referral> referral;
    std::optional<Notification> notification;
};

// The step a case has reached, for listings.
std::string_view current_step(const Case& c);

}  // namespace cspr::model
