// cspr deadlines: every open deadline of every case, for people (table) and for machines (json, csv,
// ics). The nightly check: exit 1 when anything is overdue.
#include <fmt/format.h>

#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

constexpr int kDeadlinesFormatVersion = 3;  // 2: act_by, late_reason; 3: informational, duty, one-token statuses

struct DeadlinesArgs {
    std::optional<int> within;
    int soon = 5;
    std::vector<std::string> cases;
    std::string fail_on = "overdue";
    bool all = false;
    bool remind = false;  // ics: an alarm the working day before
};

struct Row {
    const rules::Deadline* deadline;
    std::string status;
    std::optional<std::string> child;  // personal(): nullopt when hidden, "" for a case with no referral
};

std::vector<Row> collect(Context& ctx, const store::CaseFolder& folder, const DeadlinesArgs& a,
                         std::vector<rules::Deadline>& storage) {
    const auto cal = ctx.calendar(folder.config.region);
    const auto ids = a.cases.empty() ? store::list_case_ids(folder) : a.cases;
    // Where each case starts in storage, and its child's name as personal() gives it.
    std::vector<std::pair<std::size_t, std::optional<std::string>>> names;
    for (const auto& report : report_cases(ctx, folder, ids, cal)) {  // a case that cannot be read is named on stderr
        const auto& c = report.value;
        names.emplace_back(storage.size(), personal(ctx, c.referral ? c.referral->child.name : ""));
        storage.insert(storage.end(), report.deadlines.begin(), report.deadlines.end());
    }
    std::vector<Row> rows;
    std::size_t next_case = 0;
    std::optional<std::string> child;
    for (std::size_t i = 0; i < storage.size(); ++i) {
        while (next_case < names.size() && names[next_case].first == i) child = names[next_case++].second;
        const auto& d = storage[i];
        const std::string status(listing_status(d, a.soon));
        const bool closed =
            status == "met" || status == "met late" || status == "missed" || status == "ran" || status == "running";
        if (status == "not applicable" || (closed && !a.all)) continue;
        if (a.within && d.working_days_left > *a.within && status != "paused") continue;
        if (a.within && status == "paused") continue;
        rows.push_back({&d, status, child});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& x, const Row& y) { return x.deadline->due < y.deadline->due; });
    return rows;
}

std::string subject_of(const rules::Deadline& d) { return d.subject.empty() ? "-" : d.subject; }

std::string json_date(const std::optional<calendar::Date>& d) {
    return d ? "\"" + calendar::format_iso_date(*d) + "\"" : "null";
}

void print_json(Context& ctx, const store::CaseFolder& folder, const std::vector<Row>& rows) {
    std::map<std::string, int> counts;
    ctx.out << "{\n";
    ctx.out << fmt::format("  \"format\": \"cspr-deadlines\",\n  \"version\": {},\n  \"as_of\": \"{}\",\n  "
                           "\"partnership\": {},\n",
                           kDeadlinesFormatVersion, calendar::format_iso_date(ctx.today()),
                           json_string(folder.config.code));
    ctx.out << "  \"deadlines\": [";
    const char* separator = "\n";
    for (const auto& row : rows) {
        const auto& d = *row.deadline;
        ++counts[token(row.status)];
        ctx.out << separator << "    {";
        ctx.out << fmt::format("\"case\": {}, ", json_string(d.case_id));
        if (row.child) ctx.out << fmt::format("\"child\": {}, ", json_string(*row.child));
        ctx.out
            << fmt::format("\"step\": {}, \"rule\": {}, \"subject\": {}, \"what\": {}, \"start\": \"{}\", \"due\": "
                           "\"{}\", "
                           "\"due_time\": {}, \"working_days_left\": {}, \"status\": {}, \"met\": {}, "
                           "\"projected\": {}, \"act_by\": {}, "
                           "\"paused\": {}, \"late\": {}, \"late_reason\": {}, \"informational\": {}, \"duty\": {}, "
                           "\"note\": {}, \"override\": {}, \"source\": {}}}",
                           json_string(d.rule->step), json_string(d.rule->id),
                           d.subject.empty() ? "null" : json_string(d.subject), json_string(d.rule->what),
                           calendar::format_iso_date(d.start.day), calendar::format_iso_date(d.due),
                           d.due_time ? json_string(calendar::format_london_datetime(*d.due_time)) : "null",
                           d.working_days_left, json_string(token(row.status)),
                           json_date(d.met ? std::optional(d.met->day) : std::nullopt), d.projected ? "true" : "false",
                           json_date(d.act_by), d.paused.empty() ? "null" : json_string(d.paused),
                           d.late ? "true" : "false", d.late_reason.empty() ? "null" : json_string(d.late_reason),
                           rules::informational(d) ? "true" : "false", d.duty.empty() ? "null" : json_string(d.duty),
                           d.note.empty() ? "null" : json_string(d.note),
                           d.override_reason.empty() ? "null" : json_string(d.override_reason),
                           json_string(d.rule->source));
        separator = ",\n";
    }
    ctx.out << (rows.empty() ? "],\n" : "\n  ],\n");
    ctx.out << "  \"summary\": {";
    const char* names[] = {"overdue", "due-today", "due-soon", "upcoming", "paused",
                           "missed",  "met-late",  "met",      "running",  "ran"};
    for (std::size_t i = 0; i < std::size(names); ++i)
        ctx.out << (i ? ", " : "") << json_string(names[i]) << ": " << counts[names[i]];
    ctx.out << "}\n}\n";
}

void print_csv(Context& ctx, const std::vector<Row>& rows) {
    ctx.out << csv_start(ctx) << "case," << (shows_personal(ctx) ? "child," : "")
            << "step,rule,subject,what,due,working_days_left,status,source,late,note\n";
    for (const auto& row : rows) {
        const auto& d = *row.deadline;
        ctx.out << csv_field(d.case_id) << "," << (row.child ? csv_field(*row.child) + "," : "")
                << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", csv_field(std::string(d.rule->step)),
                               csv_field(std::string(d.rule->id)), csv_field(d.subject),
                               csv_field(std::string(d.rule->what)), due_iso(d), d.working_days_left, token(row.status),
                               csv_field(std::string(d.rule->source)), d.late ? "true" : "false", csv_field(d.note));
    }
}

// RFC 5545 text: escape \ ; , and newlines; fold lines at 75 octets (never inside a UTF-8 sequence).
std::string ics_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == ';' || c == ',') out += {'\\', c};
        else if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';  // no bare CR or other controls
        else out += c;
    }
    return out;
}

std::string ics_line(const std::string& line) {
    std::string out;
    std::size_t width = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        if (width + length > 75) {  // fold before a character that would pass 75 octets
            out += "\r\n ";
            width = 1;
        }
        out.append(line, i, length);
        width += length;
        i += length;
    }
    return out + "\r\n";
}

std::string ics_date(calendar::Date d) { return date::format("%Y%m%d", d); }

std::string uid_part(std::string s) {
    for (char& c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
    return s;
}

// An action's due date is recorded, not counted from a start: "(0 calendar days)" said nothing, so
// its event reads "Action R2 due 2026-09-30" (the owner is already in the summary).
std::string ics_due_line(const rules::Deadline& d) {
    if (d.rule->id == "action-due") return "Action " + d.subject.substr(0, d.subject.find(' ')) + " due " + due_text(d);
    return "Due " + due_text(d) + " (" + rules::describe_length(d.length, d.unit) + ")";
}

std::string london_timezone() {
    std::string out;
    for (const char* line :
         {"BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100",
          "TZNAME:BST", "DTSTART:19810329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
          "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"})
        out += ics_line(line);
    return out;
}

// --remind: an alarm at 09:00 London time on the working day before the due date.
std::string reminder(const calendar::Calendar& cal, const rules::Deadline& d) {
    const calendar::Date day = calendar::add_working_days(cal, d.due, -1);
    const auto at = calendar::require_london_datetime(calendar::format_iso_date(day) + "T09:00", "--remind");
    const std::string utc = date::format("%Y%m%dT%H%M00Z", at);
    return ics_line("BEGIN:VALARM") + ics_line("ACTION:DISPLAY") +
           ics_line("DESCRIPTION:" + ics_text(d.case_id + ": " + std::string(d.rule->id) + " due " + due_text(d))) +
           ics_line("TRIGGER;VALUE=DATE-TIME:" + utc) + ics_line("END:VALARM");
}

void print_ics(Context& ctx, const store::CaseFolder& folder, const std::vector<Row>& rows,
               const std::optional<calendar::Calendar>& remind) {
    // DTSTAMP is required; it is the as-of date so that the same input gives the same bytes.
    const std::string stamp = ics_date(ctx.today()) + "T000000Z";
    // No METHOD: METHOD:PUBLISH (RFC 5546) would need an ORGANIZER in every event, and a feed to
    // subscribe to needs neither. The time zone keeps even an empty feed valid RFC 5545, which asks
    // for at least one component.
    std::string out = ics_line("BEGIN:VCALENDAR") + ics_line("VERSION:2.0") +
                      ics_line("PRODID:-//cspr//deadlines//EN") + ics_line("CALSCALE:GREGORIAN") +
                      ics_line("X-WR-CALNAME:" + ics_text(folder.config.code + " statutory deadlines")) +
                      ics_line("X-WR-TIMEZONE:Europe/London") + london_timezone();
    for (const auto& row : rows) {
        const auto& d = *row.deadline;
        std::string summary = d.case_id + ": " + std::string(d.rule->id) +
                              (d.subject.empty() ? "" : " (" + d.subject + ")") + " - " + row.status;
        if (row.child && !row.child->empty()) summary += " - " + *row.child;
        const std::string description = std::string(d.rule->what) + "\n" + ics_due_line(d) +
                                        (d.note.empty() ? "" : "\nNote: " + d.note) +
                                        "\nSource: " + std::string(d.rule->source);
        out += ics_line("BEGIN:VEVENT");
        // Stable: an action's UID is its reference alone, so renaming its owner keeps the event.
        const std::string subject = d.rule->id == "action-due" ? d.subject.substr(0, d.subject.find(' ')) : d.subject;
        out += ics_line("UID:" + uid_part(d.case_id) + "." + uid_part(std::string(d.rule->id)) +
                        (subject.empty() ? "" : "." + uid_part(subject)) + "@cspr");
        out += ics_line("DTSTAMP:" + stamp);
        out += ics_line("DTSTART;VALUE=DATE:" + ics_date(d.due));
        out += ics_line("DTEND;VALUE=DATE:" + ics_date(d.due + date::days{1}));
        out += ics_line("SUMMARY:" + ics_text(summary));
        out += ics_line("DESCRIPTION:" + ics_text(description));
        out += ics_line("CATEGORIES:" + ics_text(token(row.status)));
        out += ics_line("TRANSP:TRANSPARENT");
        if (remind) out += reminder(*remind, d);
        out += ics_line("END:VEVENT");
    }
    out += ics_line("END:VCALENDAR");
    ctx.out << out;
}

std::string colour(const Context& ctx, const std::string& status, const std::string& text) {
    if (!ctx.env.colour) return text;
    const char* code = status == "overdue"     ? "31;1"
                       : status == "due today" ? "33;1"
                       : status == "due soon"  ? "33"
                       : status == "paused"    ? "36"
                                               : "";
    return *code ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
}

// The line the table (and so the nightly mail) starts with: "2 overdue, 1 due today, 4 due within 5
// working days". Timescales kept for information are counted apart: they never fail the check.
std::string summary_line(const std::vector<Row>& rows, int soon) {
    int overdue = 0, today = 0, within = 0, informational = 0;
    for (const Row& r : rows) {
        if (rules::informational(*r.deadline)) informational += r.status == "overdue" ? 1 : 0;
        else if (r.status == "overdue") ++overdue;
        else if (r.status == "due today") ++today;
        else if (r.status == "due soon") ++within;
    }
    std::string line = fmt::format("{} overdue, {} due today, {} due within {} working day{}", overdue, today, within,
                                   soon, soon == 1 ? "" : "s");
    if (informational > 0) line += fmt::format(" ({} more overdue, kept for information)", informational);
    return line;
}

// Beneath a row: why it is paused, and its note (lateness, act-by, who met it).
std::vector<std::string> row_note(const Row& row) {
    const auto& d = *row.deadline;
    std::string note = row.status == "paused" ? "paused: " + d.paused : "";
    if (!d.note.empty()) note += (note.empty() ? "" : "; ") + d.note;
    if (note.empty()) return {};
    return {note};
}

// The table fits the terminal (80 columns and up): the due date, WHO and CHILD wrap, notes go on a
// line beneath their row; SOURCE only with --wide (show has it too).
Table deadline_table(const Context& ctx, const std::vector<Row>& rows) {
    Table t;
    t.rows = {{"DUE", "LEFT", "STATUS", "CASE", "RULE", "WHO"}};
    if (ctx.wide) t.rows[0].push_back("SOURCE");
    if (shows_personal(ctx)) t.rows[0].insert(t.rows[0].begin() + 4, "CHILD");
    for (const auto& row : rows) {
        const auto& d = *row.deadline;
        std::vector<std::string> cells = {due_text(d) + (d.projected ? "*" : ""),
                                          row.status == "paused" ? "-" : std::to_string(d.working_days_left),
                                          row.status,
                                          d.case_id,
                                          std::string(d.rule->id),
                                          subject_of(d)};
        if (ctx.wide)
            cells.push_back(d.override_reason.empty() ? std::string(d.rule->source) : "local: " + d.override_reason);
        if (row.child) cells.insert(cells.begin() + 4, row.child->empty() ? "-" : *row.child);
        t.rows.push_back(std::move(cells));
        t.notes.push_back(row_note(row));
    }
    const std::size_t who = t.rows[0].size() - (ctx.wide ? 2 : 1);
    t.flexible = {{0, 14}, {who, 8}, {who - 1, 12}};
    if (shows_personal(ctx)) t.flexible.push_back({4, 6});
    t.note_column = 2;
    return t;
}

void print_table(Context& ctx, const std::vector<Row>& rows, int soon) {
    if (rows.empty()) {
        ctx.out << "no open deadlines\n";
        return;
    }
    ctx.out << summary_line(rows, soon) << "\n";
    // Colour goes on after the widths are measured, so that escapes never skew the columns.
    const auto lines = render_table(deadline_table(ctx, rows), ctx.table_width());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == 0) {
            ctx.out << lines[i];
            continue;
        }
        for (std::size_t start = 0, end = 0; start < lines[i].size(); start = end + 1) {
            end = lines[i].find('\n', start);
            ctx.out << colour(ctx, rows[i - 1].status, lines[i].substr(start, end - start)) << "\n";
        }
    }
    if (std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.deadline->projected; }))
        ctx.out << "* in a year of projected bank holidays: assumes no new bank holiday is announced\n";
    ctx.out << "LEFT: working days to the due date, negative when overdue\n";
}

void run_deadlines(Context& ctx, const DeadlinesArgs& a) {
    const auto& format = ctx.format();
    refuse_excel_unless_csv(ctx);
    if (a.fail_on != "overdue" && a.fail_on != "due-soon")
        throw Error("'" + a.fail_on + "' is not overdue or due-soon", {.field = "--fail-on"});
    if (a.within && *a.within < 0) throw Error("must not be negative", {.field = "--within"});
    const auto folder = ctx.open_folder();
    for (const auto& id : a.cases) {
        try {
            store::existing_case_path(folder, id);
        } catch (const Error& e) {
            throw Error(e.message(), {.field = "--case"});
        }
    }
    std::vector<rules::Deadline> storage;
    const auto rows = collect(ctx, folder, a, storage);
    if (format == "json") print_json(ctx, folder, rows);
    else if (format == "csv") print_csv(ctx, rows);
    else if (format == "ics")
        print_ics(ctx, folder, rows, a.remind ? std::optional(ctx.calendar(folder.config.region)) : std::nullopt);
    else print_table(ctx, rows, a.soon);
    const auto failing = [&](const Row& r) {
        if (rules::informational(*r.deadline)) return false;  // the Panel's timescale or another body's duty
        return r.status == "overdue" ||
               (a.fail_on == "due-soon" && (r.status == "due today" || r.status == "due soon"));
    };
    // A case left out (exit 2, set by report_cases) outranks an overdue deadline: the answer is incomplete.
    if (std::any_of(rows.begin(), rows.end(), failing) && ctx.exit_code == kExitOk) ctx.exit_code = kExitNo;
}

}  // namespace

void setup_deadlines(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<DeadlinesArgs>();
    sub.add_option("--within", a->within, "Only deadlines due within N working days (and overdue ones)");
    sub.add_option("--soon", a->soon, "How many working days count as due soon (default 5)");
    sub.add_option("--case", a->cases, "Only these cases (repeat)");
    sub.add_option("--fail-on", a->fail_on, "overdue (default) or due-soon: what makes the exit code 1");
    sub.add_flag("--all", a->all, "Also show met deadlines and running periods");
    add_excel_flag(sub, ctx);
    add_wide_flag(sub, ctx);
    sub.add_flag("--remind", a->remind, "ics: an alarm at 09:00 on the working day before each due date");
    sub.add_flag("--show-names", ctx.show_names, "Add the child's name (cases are named by ID only otherwise)");
    add_examples(sub, R"(  cspr deadlines
  cspr deadlines --as-of 2025-03-12 --within 5
  cspr deadlines --format json | jq '.deadlines[] | select(.status == "overdue")'
  cspr deadlines --format ics > deadlines.ics
  cspr deadlines --fail-on due-soon || echo "something needs doing"

Exit codes, for scripts: 0 nothing overdue; 1 something overdue (or due today or soon with
--fail-on due-soon); 2 error. A case with a file cspr cannot read is left out and named on stderr,
one line per bad file; every other case is listed as usual, and the exit code is 2 (it outranks 1).
Formats: table (default; colour only on a terminal and when NO_COLOR
is unset), json (shape in docs/nightly.md and schemas/deadlines.schema.json), csv, ics (RFC 5545).)");
    sub.callback([&ctx, a] { run_deadlines(ctx, *a); });
}

}  // namespace cspr::cli
