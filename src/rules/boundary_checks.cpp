// Cases that cross a local authority's boundary (notification.yaml home_la and notifying_la): part of
// check_case, and the check against cspr.yaml's own local authority.
#include <algorithm>
#include <cctype>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

constexpr std::string_view kFile = "notification.yaml";

std::string iso(calendar::Date d) { return calendar::format_iso_date(d); }

// Council names are compared as people type them: case and runs of spaces do not count.
std::string folded(std::string_view name) {
    std::string out;
    for (char ch : name) {
        if (std::isspace(static_cast<unsigned char>(ch))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void before(std::vector<Problem>& out, const std::string& field, const std::optional<calendar::Date>& later,
            calendar::Date earlier, std::string_view what) {
    if (later && *later < earlier)
        out.push_back(
            {std::string(kFile), field, iso(*later) + " is before " + std::string(what) + " (" + iso(earlier) + ")"});
}

void check_contributions(std::vector<Problem>& out, const model::NotifyingLa& la) {
    for (std::size_t i = 0; i < la.contributions.size(); ++i) {
        const auto& c = la.contributions[i];
        const std::string field = "notifying_la.contributions[" + std::to_string(i) + "]";
        if (c.agency.find_first_not_of(" \t") == std::string::npos)
            out.push_back({std::string(kFile), field + ".agency", "must not be empty"});
        for (std::size_t j = 0; j < i; ++j)
            if (folded(la.contributions[j].agency) == folded(c.agency))
                out.push_back({std::string(kFile), field + ".agency", c.agency + " is listed twice"});
        before(out, field + ".asked", c.asked, la.aware, la.name + " became aware");
        if (c.asked) before(out, field + ".sent", c.sent, *c.asked, "it was asked");
        if (c.sent && !c.asked)
            out.push_back({std::string(kFile), field + ".asked", "a contribution sent needs the day it was asked"});
    }
}

void check_notifying_la(std::vector<Problem>& out, const model::NotifyingLa& la,
                        const std::optional<model::Referral>& referral) {
    if (la.name.find_first_not_of(" \t") == std::string::npos)
        out.push_back({std::string(kFile), "notifying_la.name", "must not be empty"});
    if (referral) before(out, "notifying_la.aware", la.aware, referral->child.incident_date, "the incident");
    before(out, "notifying_la.notified", la.notified, la.aware, la.name + " became aware");
    if (la.rapid_review_sent && !la.notified)
        out.push_back({std::string(kFile), "notifying_la.rapid_review_sent",
                       "a rapid review sent to the Panel follows the notification: record notified first"});
    if (la.notified)
        before(out, "notifying_la.rapid_review_sent", la.rapid_review_sent, *la.notified, "it notified the Panel");
    check_contributions(out, la);
}

}  // namespace

std::vector<Problem> check_cross_boundary(const model::Notification& n,
                                          const std::optional<model::Referral>& referral) {
    std::vector<Problem> out;
    const auto where = n.test.location;
    const bool elsewhere = where == model::Location::resident_harmed_elsewhere_in_england;
    if (elsewhere && !n.notifying_la)
        out.push_back({std::string(kFile), "notifying_la",
                       "the child was harmed in another English local authority's area: record that authority, which "
                       "notifies ('cspr notify ID ... --notifying-la NAME --notifying-la-aware DATE')"});
    if (!elsewhere && n.notifying_la)
        out.push_back({std::string(kFile), "notifying_la",
                       "another authority notifies only for a child of ours harmed elsewhere in England (location "
                       "resident-harmed-elsewhere-in-england); the test says " +
                           std::string(model::location_name(where))});
    if (!n.home_la.empty() && where != model::Location::in_area)
        out.push_back({std::string(kFile), "home_la",
                       "the area where the child normally lives is for a child harmed here (location in-area); the "
                       "test says " +
                           std::string(model::location_name(where))});
    if (n.notifying_la) check_notifying_la(out, *n.notifying_la, referral);
    return out;
}

std::vector<Problem> check_case_in_folder(const model::Case& c, const model::Config& config) {
    std::vector<Problem> out;
    if (!c.notification || config.local_authority.empty()) return out;
    const auto& n = *c.notification;
    const std::string ours = folded(config.local_authority);
    if (n.notifying_la && folded(n.notifying_la->name) == ours)
        out.push_back({std::string(kFile), "notifying_la.name",
                       n.notifying_la->name +
                           " is this partnership's own local authority (cspr.yaml "
                           "local_authority): a child harmed in our area is ours to notify (location in-area)"});
    if (!n.home_la.empty() && folded(n.home_la) == ours)
        out.push_back({std::string(kFile), "home_la",
                       n.home_la + " is this partnership's own local authority (cspr.yaml local_authority): leave "
                                   "home_la out for a child who lives here"});
    return out;
}

}  // namespace cspr::rules
