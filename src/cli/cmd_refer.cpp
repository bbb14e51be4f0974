// cspr refer: record a referral (Bradford referral form, appendix 2), or its written confirmation.
#include <fmt/format.h>

#include <memory>

#include "app.hpp"
#include "case_change.hpp"
#include "cspr/field_docs.hpp"

namespace cspr::cli {

namespace {

struct ReferArgs {
    std::optional<std::string> id, from, received, confirmed;
    std::optional<std::string> referrer_name, referrer_agency, referrer_role, referrer_contact;
    std::optional<std::string> child_name, child_dob, child_died, incident, cp_plan, looked_after;
    std::vector<std::string> criteria;
    std::optional<std::string> narrative;
    bool print_template = false;
    bool again = false;
    bool edit = false;
};

// The --template form, made from the field tables (store/form_template.cpp); --from refuses a form
// that still holds what it leaves to be filled in.
const std::string& blank_form() {
    static const std::string text = store::form_template(*model::find_file_kind("referral"));
    return text;
}

void require(const std::optional<std::string>& value, std::string_view option) {
    if (!value)
        throw Error("required (or give the whole form with --from FILE; see --template)",
                    {.field = std::string(option)});
}

// The referral from the --from form (if any; its problems are collected in it) with every option
// applied over it.
model::Referral build_referral(const ReferArgs& a, Form* form) {
    model::Referral r;
    if (form) {
        r = store::parse_referral_form(form->text, form->path, form->problems);
    } else {
        for (const auto& [value, option] : {std::pair{&a.received, "--received"},
                                            {&a.referrer_name, "--referrer-name"},
                                            {&a.referrer_agency, "--referrer-agency"},
                                            {&a.referrer_role, "--referrer-role"},
                                            {&a.child_name, "--child-name"},
                                            {&a.incident, "--child-incident-date"},
                                            {&a.cp_plan, "--child-protection-plan"},
                                            {&a.looked_after, "--looked-after"},
                                            {&a.narrative, "--narrative"}})
            require(*value, option);
    }
    if (a.received) r.received = calendar::require_london_datetime(*a.received, "--received");
    if (a.confirmed) r.confirmed_in_writing = calendar::require_london_datetime(*a.confirmed, "--confirmed-in-writing");
    if (a.referrer_name) r.referrer.name = *a.referrer_name;
    if (a.referrer_agency) r.referrer.agency = *a.referrer_agency;
    if (a.referrer_role) r.referrer.role = *a.referrer_role;
    if (a.referrer_contact) r.referrer.contact = *a.referrer_contact;
    if (a.child_name) r.child.name = *a.child_name;
    // Personal dates are never repeated in an error message.
    const auto personal_date = [](const std::string& text, const char* option) {
        if (auto d = calendar::parse_iso_date(text)) return *d;
        throw Error("not a date; expected YYYY-MM-DD", {.field = option});
    };
    if (a.child_dob) r.child.date_of_birth = personal_date(*a.child_dob, "--child-date-of-birth");
    if (a.child_died) r.child.date_of_death = personal_date(*a.child_died, "--child-date-of-death");
    if (a.incident) r.child.incident_date = calendar::require_iso_date(*a.incident, "--child-incident-date");
    if (a.cp_plan) r.child.child_protection_plan = option_choice<model::CpPlan>(*a.cp_plan, "--child-protection-plan");
    if (a.looked_after) r.child.looked_after = require_yes_no(*a.looked_after, "--looked-after");
    for (const auto& c : a.criteria) {
        if (!model::find_criterion(c))
            throw Error("'" + c + "' is not a criterion of the referral form (see --template)",
                        {.field = "--criterion"});
        if (std::find(r.criteria.begin(), r.criteria.end(), c) == r.criteria.end()) r.criteria.push_back(c);
    }
    if (a.narrative) r.narrative = *a.narrative;
    // Only spaces is as empty as nothing (F18). A form's own fields are checked with the rest of it.
    for (const auto& [text, field] : {std::pair{&a.referrer_name, "--referrer-name"},
                                      {&a.referrer_agency, "--referrer-agency"},
                                      {&a.referrer_role, "--referrer-role"},
                                      {&a.child_name, "--child-name"},
                                      {&a.narrative, "--narrative"}})
        if (*text && text->value().find_first_not_of(" \t\r\n") == std::string::npos)
            throw Error("must not be empty", {.field = field});
    return r;
}

// A second referral of the same child for the same incident is, far more often than not, the first
// one typed again (a retry): refused, naming the case (never the child), unless --again.
void refuse_duplicate(const store::CaseFolder& folder, const model::Referral& r) {
    const std::string name = rules::name_key(r.child.name);
    for (const auto& id : store::list_case_ids(folder)) {
        const auto path = folder.root / "cases" / id / store::kReferralFile;
        bool same = false;
        try {
            const auto text = store::read_file_if_exists(path);
            if (!text) continue;
            store::Diagnostics quiet(store::Diagnostics::Mode::collect);
            const auto existing = store::parse_referral(*text, path.string(), quiet);
            same =
                existing.child.incident_date == r.child.incident_date && rules::name_key(existing.child.name) == name;
        } catch (const Error&) {
            // a case whose referral cannot be read is reported by validate, not here
        }
        if (same)
            throw Error("this child and incident date are already referred in " + id + " (see 'cspr show " + id +
                        "'); to record a second referral all the same, add --again");
    }
}

// Made before the write, so that a failure here leaves nothing written.
std::string confirmation_deadline(const Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    const auto cal = ctx.calendar(folder.config.region);
    std::string text;
    for (const auto& d : rules::case_deadlines(c, folder.config, cal, ctx.today()))
        if (d.rule->id == "referral-confirm")
            text += fmt::format("written confirmation: due {} ({}; {}), {}\n", due_text(d),
                                rules::describe_length(d.length, d.unit), d.rule->source, status_text(d));
    return text;
}

void record_confirmation(Context& ctx, const ReferArgs& a) {
    CaseChange change(ctx, *a.id);
    model::Case& c = change.after();
    if (!c.referral) throw Error("case " + *a.id + " has no referral.yaml", {.field = "ID"});
    if (!a.confirmed)
        throw Error("give --confirmed-in-writing DATETIME to record the written confirmation of " + *a.id,
                    {.field = "--confirmed-in-writing"});
    if (a.from || a.received || a.referrer_name || a.referrer_agency || a.referrer_role || a.referrer_contact ||
        a.child_name || a.child_dob || a.child_died || a.incident || a.cp_plan || a.looked_after ||
        !a.criteria.empty() || a.narrative)
        throw Error("for an existing referral only --confirmed-in-writing can be recorded; other changes are made by "
                    "editing "
                    "referral.yaml",
                    {.field = "ID"});
    const auto confirmed = calendar::require_london_datetime(*a.confirmed, "--confirmed-in-writing");
    if (c.referral->confirmed_in_writing && *c.referral->confirmed_in_writing != confirmed)
        throw Error("already confirmed in writing on " +
                        calendar::format_london_datetime(*c.referral->confirmed_in_writing) +
                        "; a change is made by editing referral.yaml under review",
                    {.field = "--confirmed-in-writing"});
    if (calendar::london_date_of(confirmed) > ctx.today())
        throw Error(*a.confirmed + " is after today (" + calendar::format_iso_date(ctx.today()) + ")",
                    {.field = "--confirmed-in-writing"});
    c.referral->confirmed_in_writing = confirmed;
    const std::string message = "refer " + *a.id + ": confirmed in writing " + *a.confirmed;
    change.save(store::kReferralFile, store::format_referral(*c.referral), message, [&] {
        return *a.id + ": referral confirmed in writing " + *a.confirmed + "\n" +
               confirmation_deadline(ctx, change.folder(), c);
    });
}

// Not a CaseChange: there is no case yet to lock and load. Its ID is allocated under the lock of
// cases/ (not of a case), and two files are written together (ids.yaml and referral.yaml), each put
// back if the other fails.
void record_referral(Context& ctx, const ReferArgs& a) {
    const auto folder = ctx.open_folder();
    model::Case c;
    std::optional<Form> form;
    if (a.from) form = read_form(*a.from, blank_form());
    c.referral = build_referral(a, form ? &*form : nullptr);
    if (form) refuse_form_problems(ctx, *form, nullptr, c, store::kReferralFile);  // all of them at once
    refuse_case_problems(folder, nullptr, c, store::kReferralFile, ctx.today());
    // cases/ is locked while the ID is allocated, so that two referrals never get the same one (and
    // two of the same child are never both recorded); the repository's lock is taken inside it.
    const store::FolderLock lock(folder.root / "cases", "the case folder (allocating an ID)", store::lock_wait());
    if (!a.again) refuse_duplicate(folder, *c.referral);
    const auto repository_lock = ctx.require_commit_possible(folder);  // held until committed
    const int year = static_cast<int>(date::year_month_day{calendar::london_date_of(c.referral->received)}.year());
    c.id = c.referral->id = store::next_case_id(folder, year);  // refused here when the year is full
    const std::string content = store::format_referral(*c.referral);
    const std::string deadline = confirmation_deadline(ctx, folder, c);
    const auto ids = folder.root / "cases" / "ids.yaml";
    const auto path = store::case_path(folder, c.id) / store::kReferralFile;
    const auto before = store::remember_files({ids, path});
    // ids.yaml first, so that a crash between the two writes never leaves a case that ids.yaml is
    // behind (doctor removes an empty case folder); a referral that fails to write (a full disk)
    // puts ids.yaml back and takes its new case folder away: exit 2 changes nothing.
    try {
        store::record_case_id(folder, c.id);
        store::write_case_file(folder, path, content);
    } catch (...) {
        store::restore_files(before);
        throw;
    }
    ctx.out << c.id << ": referral recorded in " << path.string() << "\n" << deadline;
    ctx.commit_if_asked(folder, {path, ids},
                        "refer " + c.id + ": referral received " +
                            calendar::format_london_datetime(c.referral->received),
                        before);
}

}  // namespace

void setup_refer(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<ReferArgs>();
    sub.add_option("ID", a->id, "An existing case, to record its written confirmation (--confirmed-in-writing)");
    sub.add_flag("--template", a->print_template, "Print a blank, commented referral form for --from");
    sub.add_option("--from", a->from, "A whole referral form in YAML (see --template); options override it");
    sub.add_flag("--edit", a->edit,
                 "Fill in the form in $VISUAL or $EDITOR (as git commit does), kept in forms/ until it records");
    sub.add_option("--received", a->received, "When the referral was made, YYYY-MM-DDTHH:MM (London time)");
    sub.add_option("--confirmed-in-writing,--confirmed", a->confirmed,
                   "When it was confirmed in writing, YYYY-MM-DDTHH:MM");
    sub.add_option("--referrer-name", a->referrer_name, "Referrer's name");
    sub.add_option("--referrer-agency", a->referrer_agency, "Referrer's agency");
    sub.add_option("--referrer-role", a->referrer_role, "Referrer's role or designation");
    sub.add_option("--referrer-contact", a->referrer_contact, "Email, address or phone");
    sub.add_option("--child-name", a->child_name, "The child's name (kept in the case file only)");
    sub.add_option("--child-date-of-birth,--child-dob", a->child_dob, "Date of birth, YYYY-MM-DD");
    sub.add_option("--child-date-of-death,--child-died", a->child_died, "Date of death, YYYY-MM-DD, if the child died");
    sub.add_option("--child-incident-date,--incident", a->incident, "Date of the critical incident, YYYY-MM-DD");
    sub.add_option("--child-protection-plan,--cp-plan", a->cp_plan,
                   "Child protection plan: current, previous, never or unknown");
    sub.add_option("--looked-after", a->looked_after, "Looked after by the local authority: yes or no");
    sub.add_option("--criterion", a->criteria,
                   "A criterion of the referral form that applies (repeat; see --template)");
    sub.add_option("--narrative", a->narrative, "Events and circumstances that triggered the referral");
    sub.add_flag("--again", a->again,
                 "Record it even though a case already has a referral of this child for this incident date");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr refer --template > form.yaml             # fill it in, then:
  cspr refer --from form.yaml
  cspr refer --edit                               # the same form, in $EDITOR, checked when you save
  cspr refer --received 2025-03-03T10:30 --referrer-name "Alex Fictional" \
      --referrer-agency "Northdale Police" --referrer-role "Detective Sergeant" \
      --child-name "Robin Example" --child-incident-date 2025-03-01 --child-date-of-death 2025-03-01 \
      --child-protection-plan previous --looked-after no --criterion died-abuse-neglect \
      --narrative "Robin was taken to hospital..."
  cspr refer NDSCP-2025-001 --confirmed-in-writing 2025-03-04T09:15

The referral must be confirmed in writing within )" +
                          table_timescale("referral-confirm") + R"( (rule referral-confirm, a local
timescale: 'cspr rules' gives its source and this folder's figure). The case ID is allocated from
the year the referral was received.)");
    sub.callback([&ctx, a] {
        if (a->print_template) ctx.out << blank_form();
        else if (a->id) record_confirmation(ctx, *a);
        else if (a->edit) edit_then_run(ctx, "referral", blank_form(), *a, record_referral);
        else record_referral(ctx, *a);
    });
}

}  // namespace cspr::cli
