// Printing helpers shared by the subcommands.
#include <fmt/format.h>

#include "app.hpp"

namespace cspr::cli {

void add_excel_flag(CLI::App& sub, Context& ctx) {
    sub.add_flag("--excel", ctx.excel, "With --format csv: start with a byte-order mark, so that Excel reads UTF-8");
}

std::string csv_start(const Context& ctx) { return ctx.excel ? "\xEF\xBB\xBF" : ""; }

void refuse_excel_unless_csv(const Context& ctx) {
    if (ctx.excel && ctx.format() != "csv") throw Error("is for --format csv", {.field = "--excel"});
}

void add_commit_flag(CLI::App& sub, Context& ctx) {
    sub.add_flag("--commit", ctx.commit,
                 "Stage exactly the files written and commit them (also: git.commit in cspr.yaml)");
}

// yes and true, no and false: the options say what the files say, and both are common habits.
bool require_yes_no(const std::string& text, std::string_view what) {
    if (text == "yes" || text == "true") return true;
    if (text == "no" || text == "false") return false;
    throw Error("'" + text + "' is not yes or no (or true or false)", {.field = std::string(what)});
}

namespace {

// The bytes of the control character at s[i]: 1 for C0 and DEL, 2 for a C1 control (U+0080 to
// U+009F, UTF-8 C2 80 to C2 9F, e.g. CSI U+009B), 0 for anything else. All act on terminals.
std::size_t control_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return 1;
    if (c != 0xC2 || i + 1 >= s.size()) return 0;
    const auto next = static_cast<unsigned char>(s[i + 1]);
    return next >= 0x80 && next <= 0x9F ? 2 : 0;
}

}  // namespace

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const std::size_t control = control_length(s, i);
        if (c == '"' || c == '\\') out += {'\\', c};
        else if (control > 0)
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + control - 1]));  // the code point
        else out += c;
        i += control > 1 ? control - 1 : 0;
    }
    return out + "\"";
}

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::size_t control = control_length(s, i);
        out += control > 0 ? '?' : s[i];
        i += control > 1 ? control - 1 : 0;
    }
    return out;
}

std::string csv_field(std::string_view s, bool text) {
    std::string cell(s);
    if (text) {
        // A spreadsheet runs a cell that starts with = + - @ (or tab or CR) as a formula: a leading '
        // makes it text. Control bytes (a terminal escape) are replaced, as in tables.
        if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
            cell.insert(0, 1, '\'');
        cell = terminal_safe(cell);
    }
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string format_table(const std::vector<std::vector<std::string>>& raw_rows) {
    // Every cell may hold text from a case file: no control byte reaches the terminal raw.
    std::vector<std::vector<std::string>> rows;
    rows.reserve(raw_rows.size());
    for (const auto& raw : raw_rows) {
        auto& row = rows.emplace_back();
        for (const auto& cell : raw) row.push_back(terminal_safe(cell));
    }
    std::vector<std::size_t> widths;
    const auto width = [](const std::string& s) {  // UTF-8 aware enough for names and titles
        return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], width(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - width(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string due_text(const rules::Deadline& d) {
    if (d.status == rules::Status::not_applicable) return "-";
    return d.due_time ? calendar::format_london_datetime(*d.due_time) : calendar::format_iso_date(d.due);
}

std::string status_text(const rules::Deadline& d) {
    // Lateness counts in the rule's own unit; time left from a date-only "today" counts in days.
    const auto in_days = [&](int n) {
        return rules::describe_length(n, d.unit == model::Unit::working_days ? model::Unit::working_days
                                                                             : model::Unit::calendar_days);
    };
    switch (d.status) {
        case rules::Status::met: return "met";
        case rules::Status::met_late:
            return "met late (" +
                   rules::describe_length(d.late_by, d.unit == model::Unit::hours ? model::Unit::hours
                                                     : d.unit == model::Unit::working_days
                                                         ? model::Unit::working_days
                                                         : model::Unit::calendar_days) +
                   ")";
        case rules::Status::overdue:
            // Due on a Friday and looked at on the Saturday: late, though no working day has passed.
            if (d.days_left == 0)
                return "overdue (" + rules::describe_length(-d.calendar_days_left, model::Unit::calendar_days) + ")";
            return "overdue (" + in_days(-d.days_left) + ")";
        case rules::Status::pending:
            if (d.rule->period) return "running (" + in_days(d.days_left) + " left)";
            return d.days_left == 0 ? "due today" : in_days(d.days_left) + " left";
        case rules::Status::paused: return "paused (" + d.paused + ")";
        case rules::Status::missed: return "missed (not done; the reason is recorded)";
        case rules::Status::not_applicable: return "not applicable";
    }
    return "";
}

std::string table_timescale(std::string_view rule_id) {
    const rules::Rule* rule = rules::find_rule(rule_id);
    return rule ? rules::describe_length(rule->length, rule->unit) : std::string(rule_id);
}

std::string status_and_note(const rules::Deadline& d) {
    return d.note.empty() ? status_text(d) : status_text(d) + "; " + d.note;
}

void print_deadline_table(std::ostream& out, const std::vector<rules::Deadline>& deadlines) {
    std::vector<std::vector<std::string>> rows = {{"DUE", "STATUS", "RULE", "WHO", "SOURCE"}};
    for (const auto& d : deadlines) {
        std::string due = due_text(d);
        if (d.projected) due += "*";
        rows.push_back({due, status_and_note(d), std::string(d.rule->id), d.subject.empty() ? "-" : d.subject,
                        d.override_reason.empty() ? std::string(d.rule->source) : "local: " + d.override_reason});
    }
    out << format_table(rows);
    if (std::any_of(deadlines.begin(), deadlines.end(), [](const auto& d) { return d.projected; }))
        out << "* in a year of projected bank holidays: assumes no new bank holiday is announced\n";
}

std::vector<Error> locate_problems(const store::CaseFolder& folder, const std::string& case_id,
                                   const std::vector<rules::Problem>& problems) {
    std::vector<Error> out;
    for (const auto& p : problems) {
        const store::fs::path path = case_id.empty() ? folder.root / p.file : folder.root / "cases" / case_id / p.file;
        int line = 0;
        std::error_code ec;
        if (store::fs::exists(path, ec)) line = store::line_of_field(store::read_file(path), p.field);
        out.emplace_back(p.message, Location{path.string(), line, p.field});
    }
    return out;
}

bool shows_personal(const Context& ctx) { return ctx.show_names; }

std::optional<std::string> personal(const Context& ctx, std::string_view value) {
    if (!shows_personal(ctx)) return std::nullopt;
    return std::string(value);
}

std::pair<std::string, std::string> split_assignment(const std::string& text, std::string_view option,
                                                     std::string_view example) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("'" + text + "' should be NAME=VALUE, e.g. " + std::string(example),
                    {.field = std::string(option)});
    return {text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace cspr::cli
