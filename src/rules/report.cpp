// The text checks of `cspr publish-check`: does a final report have the expected shape
// (docs/report-shape.md, from Working Together 2018 ch. 4 "Expectations for the final report"), and
// does it leak a detail that identifies the child or family (report_details.cpp)? No I/O: the CLI
// reads and prints.
//
// Findings never quote the report: they can end up in logs, and a quoted line could be the very
// name or address the check found.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cspr/rules.hpp"
#include "report_details.hpp"
#include "report_text.hpp"

namespace cspr::rules {

namespace {

using namespace prose;  // words, dates, and who and by when: report_text.hpp

// ---- Lines, headings and list items ----------------------------------------------------------------

std::vector<std::string_view> split_lines(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark from Windows
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

int indent_of(std::string_view line) {
    int indent = 0;
    for (char c : line) {
        if (c == ' ') indent += 1;
        else if (c == '\t') indent += 4;
        else break;
    }
    return indent;
}

// "---", "***", "- - -": a Markdown rule, not a list item or a heading underline of '*'.
bool is_thematic_break(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.size() < 3) return false;
    const char mark = t.front();
    if (mark != '-' && mark != '*' && mark != '_') return false;
    return std::all_of(t.begin(), t.end(), [&](char c) { return c == mark || c == ' ' || c == '\t'; });
}

struct ListItem {
    int indent = 0;
    std::string_view text;  // after the marker
};

// "- x", "* x", "+ x", "• x", "1. x", "1) x".
std::optional<ListItem> list_item(std::string_view line) {
    if (is_thematic_break(line)) return std::nullopt;
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    if (j < line.size() && (line[j] == '-' || line[j] == '*' || line[j] == '+')) {
        ++j;
    } else if (line.substr(j, 3) == "\xE2\x80\xA2") {  // "•", as text copied from a word processor has
        j += 3;
    } else {
        while (j < line.size() && is_digit(line[j]) && j - i < 9) ++j;
        if (j == i || j >= line.size() || (line[j] != '.' && line[j] != ')')) return std::nullopt;
        ++j;
    }
    if (j < line.size() && line[j] != ' ' && line[j] != '\t') return std::nullopt;
    return ListItem{indent_of(line), trim(line.substr(j))};
}

struct Heading {
    int line = 0;      // 1-based
    int level = 1;     // 1..6 for Markdown; a bold line inside a Markdown report is 7 (deepest)
    std::string text;  // lower case, without '#' and emphasis marks
};

std::string heading_text(std::string_view raw) { return lowered(trim(without_markup(raw))); }

// "## Analysis": 1-6 '#', then a space or the end of the line.
std::optional<Heading> atx_heading(std::string_view line, int number) {
    if (indent_of(line) > 3) return std::nullopt;
    std::string_view t = trim(line);
    std::size_t level = 0;
    while (level < t.size() && t[level] == '#') ++level;
    if (level == 0 || level > 6 || (level < t.size() && t[level] != ' ' && t[level] != '\t')) return std::nullopt;
    t.remove_prefix(level);
    while (!t.empty() && (t.back() == '#' || is_space(t.back()))) t.remove_suffix(1);  // closing hashes
    return Heading{number, static_cast<int>(level), heading_text(t)};
}

// The "===" or "---" under a Setext heading.
std::optional<int> setext_underline(std::string_view line) {
    const std::string_view t = trim(line);
    if (indent_of(line) > 3 || t.size() < 2 || (t.front() != '=' && t.front() != '-')) return std::nullopt;
    if (!std::all_of(t.begin(), t.end(), [&](char c) { return c == t.front(); })) return std::nullopt;
    return t.front() == '=' ? 1 : 2;
}

// A short line standing on its own, between blank lines (or just before a list): a plain-text
// heading. `bold` when the whole line is emphasised ("**Recommendations**").
struct Standalone {
    bool is = false;
    bool bold = false;
};
Standalone standalone_line(const std::vector<std::string_view>& lines, std::size_t i) {
    const std::string_view t = trim(lines[i]);
    if (t.empty() || t.size() > 80 || indent_of(lines[i]) > 3 || list_item(lines[i]) || is_thematic_break(lines[i]))
        return {};
    if (std::none_of(t.begin(), t.end(), is_alpha)) return {};
    if (t.back() == '.' || t.back() == ',' || t.back() == ';') return {};
    if (i > 0 && !is_blank(lines[i - 1])) return {};
    if (i + 1 < lines.size() && !is_blank(lines[i + 1]) && !list_item(lines[i + 1])) return {};
    const bool bold =
        t.size() > 4 && ((t.starts_with("**") && t.ends_with("**")) || (t.starts_with("__") && t.ends_with("__")));
    return {true, bold};
}

// The report, split into lines, with its headings found once.
struct Document {
    std::vector<std::string_view> lines;
    std::vector<bool> code;          // inside a ``` or ~~~ fence: never a heading or an item
    std::vector<Heading> headings;   // in line order
    std::vector<int> heading_index;  // per line: index into headings, or -1
    bool markdown = false;           // has a '#' or Setext heading
};

// Markdown headings when the report has any; otherwise (a plain-text report) every standalone line.
// Inside a Markdown report, a standalone line that is wholly bold also counts: converted documents
// often mark headings only that way.
Document read_document(std::string_view text) {
    Document doc;
    doc.lines = split_lines(text);
    const std::size_t n = doc.lines.size();
    doc.code.assign(n, false);
    bool fenced = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view t = trim(doc.lines[i]);
        const bool fence = t.starts_with("```") || t.starts_with("~~~");
        doc.code[i] = fenced || fence;
        if (fence) fenced = !fenced;
    }
    std::vector<Heading> markdown, plain;
    for (std::size_t i = 0; i < n; ++i) {
        if (doc.code[i]) continue;
        const int number = static_cast<int>(i) + 1;
        if (auto h = atx_heading(doc.lines[i], number)) {
            markdown.push_back(*h);
        } else if (i + 1 < n && !doc.code[i + 1] && !is_blank(doc.lines[i]) && !list_item(doc.lines[i]) &&
                   !setext_underline(doc.lines[i]) && !is_thematic_break(doc.lines[i]) &&
                   setext_underline(doc.lines[i + 1])) {
            markdown.push_back({number, *setext_underline(doc.lines[i + 1]), heading_text(doc.lines[i])});
            ++i;  // the underline is part of the heading
        } else if (const Standalone s = standalone_line(doc.lines, i); s.is) {
            plain.push_back({number, s.bold ? 7 : 1, heading_text(doc.lines[i])});
        }
    }
    doc.markdown = !markdown.empty();
    if (markdown.empty()) {
        doc.headings = std::move(plain);
    } else {
        doc.headings = std::move(markdown);
        for (auto& h : plain)
            if (h.level == 7) doc.headings.push_back(std::move(h));
        std::sort(doc.headings.begin(), doc.headings.end(),
                  [](const Heading& a, const Heading& b) { return a.line < b.line; });
    }
    doc.heading_index.assign(n, -1);
    for (std::size_t k = 0; k < doc.headings.size(); ++k)
        doc.heading_index[static_cast<std::size_t>(doc.headings[k].line - 1)] = static_cast<int>(k);
    return doc;
}

bool is_heading_line(const Document& doc, std::size_t i) { return doc.heading_index[i] >= 0; }

// ---- Required sections -------------------------------------------------------------------------

bool is_summary_heading(const Heading& h) {
    return has(h.text, "summary") && (has(h.text, "improv") || has(h.text, "recommend"));
}
bool is_analysis_heading(const Heading& h) {
    return has(h.text, "systemic") || has(h.text, "underlying") || has(h.text, "analysis") || has(h.text, "analyse") ||
           has(h.text, "analysing");
}
bool is_recommendations_heading(const Heading& h) { return has(h.text, "recommendation"); }
// "Reviewer", "The reviewers", "About the lead reviewer"; not "Analysis by the reviewer", which is
// the analysis, whatever follows it.
bool is_reviewer_heading(const Heading& h) {
    return has(h.text, "reviewer") && !is_summary_heading(h) && !is_analysis_heading(h) &&
           !is_recommendations_heading(h);
}

// "Reviewer: A Person", "**Lead reviewers:** A and B": a short label naming the reviewer, then a name.
bool names_reviewer_inline(std::string_view line) {
    if (auto item = list_item(line)) line = item->text;
    const std::string t = without_markup(line);
    const std::size_t colon = t.find(':');
    if (colon == std::string::npos) return false;
    const std::string label = lowered(trim(std::string_view(t).substr(0, colon)));
    return has(label, "reviewer") && split_words(label).size() <= 4 &&
           !trim(std::string_view(t).substr(colon + 1)).empty();
}

// Whether line i starts another section, so cannot be the reviewer's name. In a plain-text report
// the name stands on a line of its own, just like a heading: only a heading of the shape counts.
bool is_section_heading(const Document& doc, std::size_t i) {
    const int k = doc.heading_index[i];
    if (k < 0) return false;
    const Heading& h = doc.headings[static_cast<std::size_t>(k)];
    if (doc.markdown && h.level <= 6) return true;
    return is_summary_heading(h) || is_analysis_heading(h) || is_recommendations_heading(h) || has(h.text, "reviewer");
}

void check_sections(const Document& doc, std::vector<ReportFinding>& out) {
    const auto any = [&](auto pred) { return std::any_of(doc.headings.begin(), doc.headings.end(), pred); };
    if (!any(is_summary_heading))
        out.push_back({0, "missing section: a summary of recommended improvements (a heading with \"summary\" and "
                          "\"improvements\" or \"recommended\")"});
    if (!any(is_analysis_heading))
        out.push_back({0, "missing section: an analysis of systemic or underlying reasons (a heading with "
                          "\"systemic\", \"underlying\" or \"analysis\")"});
}

void check_reviewer(const Document& doc, std::vector<ReportFinding>& out) {
    for (std::size_t i = 0; i < doc.lines.size(); ++i)
        if (!doc.code[i] && names_reviewer_inline(doc.lines[i])) return;
    int empty_heading = 0;  // the first reviewer heading with no name after it
    for (const Heading& h : doc.headings) {
        if (!is_reviewer_heading(h)) continue;
        std::size_t i = static_cast<std::size_t>(h.line);  // the line after the heading (0-based)
        if (i < doc.lines.size() && setext_underline(doc.lines[i]) && h.level <= 2) ++i;
        while (i < doc.lines.size() && is_blank(doc.lines[i])) ++i;
        if (i < doc.lines.size() && !is_thematic_break(doc.lines[i]) && !is_section_heading(doc, i)) return;
        if (empty_heading == 0) empty_heading = h.line;
    }
    if (empty_heading != 0) out.push_back({empty_heading, "reviewer not named: nothing follows the reviewer heading"});
    else
        out.push_back(
            {0, "reviewer not named (a heading \"Reviewer\" followed by the name, or a line \"Reviewer: name\")"});
}

// ---- Recommendations: who, and by when (report_who.cpp, report_when.cpp) ------------------------------

// The text of the top-level item at `first` (0-based line): its line, its continuation lines and any
// nested items, up to `end` (exclusive), the next top-level item or heading, or a paragraph that is
// no longer indented under the item.
std::string item_text(const Document& doc, std::size_t first, std::size_t end, const ListItem& item) {
    std::string text(item.text);
    bool after_blank = false;
    for (std::size_t i = first + 1; i < end; ++i) {
        const std::string_view line = doc.lines[i];
        if (is_blank(line)) {
            after_blank = true;
            continue;
        }
        if (after_blank && indent_of(line) <= item.indent && !doc.code[i]) break;
        text += ' ';
        text += trim(line);
    }
    return text;
}

void check_recommendations(const Document& doc, std::vector<ReportFinding>& out) {
    // A "Summary of recommendations" is the summary, not the list to check, unless it is the only
    // section with recommendations in its heading.
    std::vector<std::size_t> sections;
    for (std::size_t k = 0; k < doc.headings.size(); ++k)
        if (is_recommendations_heading(doc.headings[k]) && !has(doc.headings[k].text, "summary")) sections.push_back(k);
    if (sections.empty())
        for (std::size_t k = 0; k < doc.headings.size(); ++k)
            if (is_recommendations_heading(doc.headings[k])) sections.push_back(k);
    if (sections.empty()) {
        out.push_back({0, "missing section: Recommendations (a heading with \"recommendations\", each recommendation a "
                          "list item)"});
        return;
    }
    std::vector<bool> checked(doc.lines.size(), false);  // nested recommendation headings share items
    for (std::size_t k : sections) {
        const Heading& h = doc.headings[k];
        // The section runs to the next heading of the same or a higher level.
        std::size_t end = doc.lines.size();
        for (std::size_t j = k + 1; j < doc.headings.size(); ++j)
            if (doc.headings[j].level <= h.level) {
                end = static_cast<std::size_t>(doc.headings[j].line - 1);
                break;
            }
        std::vector<std::pair<std::size_t, ListItem>> items;
        for (std::size_t i = static_cast<std::size_t>(h.line); i < end; ++i)
            if (!doc.code[i] && !is_heading_line(doc, i))
                if (auto item = list_item(doc.lines[i])) items.emplace_back(i, *item);
        if (items.empty()) {
            out.push_back(
                {h.line, "the Recommendations section has no list items (write each recommendation as a list item)"});
            continue;
        }
        // Items indented deeper than the first level are details of the recommendation above them.
        int top = items.front().second.indent;
        for (const auto& [i, item] : items) top = std::min(top, item.indent);
        std::vector<std::pair<std::size_t, ListItem>> tops;
        for (const auto& entry : items)
            if (entry.second.indent <= top + 1) tops.push_back(entry);
        for (std::size_t t = 0; t < tops.size(); ++t) {
            const auto& [first, item] = tops[t];
            std::size_t stop = t + 1 < tops.size() ? tops[t + 1].first : end;
            for (std::size_t i = first + 1; i < stop; ++i)
                if (is_heading_line(doc, i)) {
                    stop = i;
                    break;
                }
            if (checked[first]) continue;
            checked[first] = true;
            const std::string whole = item_text(doc, first, stop, item);
            const bool who = says_who(item.text, whole);
            const bool when = says_by_when(whole);
            const int line = static_cast<int>(first) + 1;
            if (!who && !when)
                out.push_back({line, "recommendation does not say who or by when (name the agency first, e.g. "
                                     "\"Northdale Police: ...\", and give a date)"});
            else if (!who)
                out.push_back({line, "recommendation does not say who (name the agency first, e.g. \"Northdale Police: "
                                     "...\", or add \"Owner: ...\")"});
            else if (!when)
                out.push_back({line, "recommendation does not say by when (a date such as 2026-06-30, 30 June 2026 or "
                                     "June 2026, or \"within 6 months of ...\")"});
        }
    }
}

}  // namespace

std::vector<ReportFinding> check_report(std::string_view text, const std::vector<IdentifyingDetail>& details) {
    // A Word or PDF file read as text would "miss" every section: one finding, to convert it.
    if (auto problem = not_text(text)) return {ReportFinding{0, std::move(*problem)}};
    std::vector<ReportFinding> findings;
    const Document doc = read_document(text);
    check_sections(doc, findings);
    check_reviewer(doc, findings);
    check_recommendations(doc, findings);
    check_identifying(text, details, findings);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ReportFinding& a, const ReportFinding& b) { return a.line < b.line; });
    return findings;
}

}  // namespace cspr::rules
