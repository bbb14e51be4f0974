// The spellings of every enumeration in the case files, and the referral form's criteria.
#include <algorithm>

#include "cspr/file_kinds.hpp"
#include "cspr/model.hpp"

namespace cspr::model {

namespace {

const std::array<Question, 4> kDecisionCriteria = {{
    {"improvements_needed", "highlights or may highlight improvements needed, including ones identified before"},
    {"recurrent_themes", "highlights or may highlight recurrent themes in safeguarding children"},
    {"multi_agency_concerns", "highlights or may highlight concerns about two or more organisations working together"},
    {"panel_considered", "is one the Panel considered and concluded a local review may be more appropriate"},
}};
const std::array<Question, 4> kDecisionCircumstances = {{
    {"single_agency_concern", "there is concern about the actions of a single agency"},
    {"no_agency_involvement", "there was no agency involvement, and that gives cause for concern"},
    {"cross_boundary", "more than one local authority, police area or ICB was involved, including families moving"},
    {"institutional_setting", "the case happened in an institutional setting"},
}};

const std::array<Criterion, 14> kCriteria = {{
    {"died-abuse-neglect", true,
     "A child dies (including by suspected suicide) and abuse or neglect is known or suspected to be a factor"},
    {"died-custody", true,
     "A child dies in police custody, on remand or after sentence, in a YOI, secure training centre or secure "
     "children's home, or detained under the Mental Capacity Act 2005"},
    {"life-threatening-injury", true,
     "A potentially life-threatening injury or serious and permanent impairment of health or development through "
     "abuse or neglect"},
    {"serious-sexual-abuse", true, "The child has been subjected to serious sexual abuse"},
    {"serious-offence-by-child", true,
     "The child has perpetrated a particularly serious offence against another child or an adult"},
    {"risk-not-recognised", false,
     "Clear evidence of a risk of significant harm that was not recognised, not shared or not acted on appropriately"},
    {"institutional-setting", false, "The child was abused or neglected in an institutional setting"},
    {"looked-after-abuse", false, "The child was abused or neglected while looked after by the local authority"},
    {"died-absent", false, "The child died while absent from, or run away from, home or another care setting"},
    {"concerns-not-taken-seriously", false,
     "An agency or professional considers its concerns were not taken seriously, or acted on appropriately, by "
     "another"},
    {"procedure-failings", false,
     "Possible failings in the local operation of safeguarding procedures beyond the handling of this case"},
    {"cp-plan", false, "The child is, or was, the subject of a child protection plan"},
    {"protocols-need-change", false,
     "Local protocols or procedures may need to change, or are not understood or acted on"},
    {"national-implications", false,
     "National implications for systems or processes, or significant public interest or community issues"},
}};

}  // namespace

std::span<const std::string_view> Spelling<calendar::Region>::names() {
    static const auto names = [] {
        std::array<std::string_view, calendar::kAllRegions.size()> out{};
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = calendar::region_name(calendar::kAllRegions[i]);
        return out;
    }();
    return names;
}

std::string_view unit_name(Unit u) { return name_of(u); }
std::optional<Unit> unit_from_name(std::string_view name) { return from_name<Unit>(name); }
std::string_view cp_plan_name(CpPlan p) { return name_of(p); }
std::optional<CpPlan> cp_plan_from_name(std::string_view name) { return from_name<CpPlan>(name); }
std::string_view abuse_name(AbuseOrNeglect a) { return name_of(a); }
std::string_view harm_name(Harm h) { return name_of(h); }
std::string_view location_name(Location l) { return name_of(l); }
std::optional<AbuseOrNeglect> abuse_from_name(std::string_view name) { return from_name<AbuseOrNeglect>(name); }
std::optional<Harm> harm_from_name(std::string_view name) { return from_name<Harm>(name); }
std::optional<Location> location_from_name(std::string_view name) { return from_name<Location>(name); }

const std::array<Criterion, 14>& referral_criteria() { return kCriteria; }

const Criterion* find_criterion(std::string_view id) {
    const auto it = std::find_if(kCriteria.begin(), kCriteria.end(), [&](const Criterion& c) { return c.id == id; });
    return it == kCriteria.end() ? nullptr : &*it;
}

std::string_view route_name(Route r) { return name_of(r); }
std::optional<Route> route_from_name(std::string_view name) { return from_name<Route>(name); }
std::string_view partner_key(Partner p) { return name_of(p); }
std::optional<Partner> partner_from_name(std::string_view name) {
    if (name == "la" || name == "local-authority") return Partner::local_authority;
    return from_name<Partner>(name);
}
std::string_view delay_name(DelayReason d) { return name_of(d); }
std::optional<DelayReason> delay_from_name(std::string_view name) { return from_name<DelayReason>(name); }
std::string_view action_status_name(ActionStatus s) { return name_of(s); }
std::optional<ActionStatus> action_status_from_name(std::string_view name) { return from_name<ActionStatus>(name); }
const std::array<Question, 4>& decision_criteria() { return kDecisionCriteria; }
const std::array<Question, 4>& decision_circumstances() { return kDecisionCircumstances; }

bool is_complete(const RapidReview& r) {
    return std::all_of(r.sign_off.begin(), r.sign_off.end(),
                       [](const PartnerSign& s) { return !s.name.empty() && s.date; });
}

std::string_view current_step(const Case& c) {
    // Early actions can be recorded mid-review: a local review is at "actions" only once published.
    const bool local_review = c.decision && c.decision->outcome == Route::local_cspr;
    const bool published = c.publication && c.publication->published;
    if (c.actions && (!local_review || published)) return "actions";
    if (c.publication && c.publication->published) return "published";
    if (c.publication) return "publishing";
    if (c.decision) return c.decision->outcome == Route::local_cspr ? "review" : "decided";
    if (c.rapid_review) return c.rapid_review->sent_to_panel ? "rapid review sent" : "rapid review";
    if (c.notification) return c.notification->notifiable ? "notified" : "not notifiable";
    if (c.referral) return "referred";
    return "empty";
}

const FileKind* find_file_kind(std::string_view name) {
    for (const FileKind& k : kFileKinds)
        if (k.name == name) return &k;
    return nullptr;
}

}  // namespace cspr::model
