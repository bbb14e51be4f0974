// Printing helpers shared by the subcommands.
#include <fmt/format.h>

#include <algorithm>

#include "app.hpp"

namespace cspr::cli {

void add_excel_flag(CLI::App& sub, Context& ctx) {
    sub.add_flag("--excel", ctx.excel, "With --format csv: start with a byte-order mark, so that Excel reads UTF-8");
}

void add_wide_flag(CLI::App& sub, Context& ctx) {
    sub.add_flag("--wide", ctx.wide,
                 "A table as wide as its cells, with every column (SOURCE too); not fitted to the terminal");
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

namespace {

// Columns a terminal gives a cell: UTF-8 aware enough for names and titles.
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first `n` characters of `s` (whole UTF-8 sequences), for a word longer than its column.
std::size_t bytes_of_chars(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80 && seen++ == n) break;
    }
    return i;
}

// The words of a cell, split after spaces and (in a cell) hyphens: "sos-ofsted-care-leaver" may break
// after each hyphen, but a command in a note keeps "--sent" whole. Each piece keeps its trailing space
// or hyphen so that the pieces join back exactly.
std::vector<std::string> pieces(std::string_view text, bool at_hyphens) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == ' ' || (at_hyphens && text[i] == '-' && i > start && text[i - 1] != '-')) {
            out.emplace_back(text.substr(start, i + 1 - start));
            start = i + 1;
        }
    if (start < text.size()) out.emplace_back(text.substr(start));
    return out;
}

void trim_right(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
}

std::vector<std::vector<std::string>> safe_cells(const std::vector<std::vector<std::string>>& raw_rows) {
    // Every cell may hold text from a case file: no control byte reaches the terminal raw.
    std::vector<std::vector<std::string>> rows;
    rows.reserve(raw_rows.size());
    for (const auto& raw : raw_rows) {
        auto& row = rows.emplace_back();
        for (const auto& cell : raw) row.push_back(terminal_safe(cell));
    }
    return rows;
}

// Narrows the flexible columns, widest first, until the table fits `width` or none can give more.
void fit_columns(std::vector<std::size_t>& widths, const std::vector<Table::Flexible>& flexible, std::size_t width) {
    const auto total = [&] {
        std::size_t sum = widths.empty() ? 0 : 2 * (widths.size() - 1);
        for (auto w : widths) sum += w;
        return sum;
    };
    while (total() > width) {
        const Table::Flexible* widest = nullptr;
        for (const auto& f : flexible)
            if (f.column < widths.size() && widths[f.column] > f.min &&
                (widest == nullptr || widths[f.column] > widths[widest->column]))
                widest = &f;
        if (widest == nullptr) return;
        --widths[widest->column];
    }
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, std::size_t width, bool at_hyphens) {
    if (width == 0 || display_width(text) <= width) return {std::string(text)};
    std::vector<std::string> lines(1);
    for (std::string piece : pieces(text, at_hyphens)) {
        std::string probe = lines.back() + piece;
        trim_right(probe);
        if (!lines.back().empty() && display_width(probe) > width) {
            trim_right(lines.back());
            lines.emplace_back();
        }
        while (display_width(piece) > width && !(piece.back() == ' ' && display_width(piece) == width + 1)) {
            const std::size_t cut = bytes_of_chars(piece, width);  // a word longer than the column
            lines.back() = piece.substr(0, cut);
            lines.emplace_back();
            piece.erase(0, cut);
        }
        lines.back() += piece;
    }
    for (auto& line : lines) trim_right(line);
    return lines;
}

std::vector<std::string> render_table(const Table& table, std::size_t width) {
    const auto rows = safe_cells(table.rows);
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    if (width > 0) fit_columns(widths, table.flexible, width);
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<std::vector<std::string>> cells;
        std::size_t height = 1;
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            cells.push_back(wrap_text(rows[r][i], width > 0 ? widths[i] : 0, true));
            height = std::max(height, cells.back().size());
        }
        std::string text;
        for (std::size_t line_no = 0; line_no < height; ++line_no) {
            std::string line;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const std::string cell = line_no < cells[i].size() ? cells[i][line_no] : "";
                line += cell;
                if (i + 1 < cells.size()) line += std::string(widths[i] - display_width(cell) + 2, ' ');
            }
            trim_right(line);
            text += line + "\n";
        }
        const std::vector<std::string> no_notes;
        const auto& notes = r > 0 && r - 1 < table.notes.size() ? table.notes[r - 1] : no_notes;
        std::size_t indent = table.note_indent;
        for (std::size_t i = 0; i < table.note_column && i < widths.size(); ++i) indent += widths[i] + 2;
        const std::size_t room = width > indent + 20 ? width - indent : width > 0 ? 20 : 0;
        for (const auto& note : notes)
            for (const auto& line : wrap_text(terminal_safe(note), room, false))
                text += std::string(indent, ' ') + line + "\n";
        out.push_back(std::move(text));
    }
    return out;
}

std::string format_table(const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    for (const auto& row : render_table(Table{.rows = rows}, 0)) out += row;
    return out;
}

std::string format_date(calendar::Date d) {
    return std::string(calendar::weekday_abbrev(d)) + " " + calendar::format_iso_date(d);
}

std::string due_iso(const rules::Deadline& d) {
    if (d.status == rules::Status::not_applicable) return "-";
    return d.due_time ? calendar::format_london_datetime(*d.due_time) : calendar::format_iso_date(d.due);
}

std::string due_text(const rules::Deadline& d) {
    if (d.status == rules::Status::not_applicable) return "-";
    std::string text = format_date(d.due);
    if (d.due_time) text += " " + calendar::format_london_datetime(*d.due_time).substr(11);  // HH:MM
    return text;
}

std::string_view listing_status(const rules::Deadline& d, int soon) {
    switch (d.status) {
        case rules::Status::met: return d.rule->period ? "ran" : "met";
        case rules::Status::met_late: return "met late";
        case rules::Status::paused: return "paused";
        case rules::Status::missed: return "missed";
        case rules::Status::overdue: return "overdue";
        case rules::Status::not_applicable: return "not applicable";
        case rules::Status::pending: break;
    }
    if (d.rule->period) return "running";
    if (d.working_days_left <= 0 && d.days_left <= 0) return "due today";
    return d.working_days_left <= soon ? "due soon" : "upcoming";
}

std::string token(std::string_view status) {
    std::string t(status);
    std::replace(t.begin(), t.end(), ' ', '-');
    return t;
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
