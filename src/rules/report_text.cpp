// Reading a final report's prose for `cspr publish-check`: words, dates in every form a UK report
// writes them (and the case's dates of birth and death in looser forms), and whether the file is text
// at all (docs/report-shape.md). No I/O.
#include <algorithm>
#include <array>

#include <date/date.h>

#include "report_details.hpp"
#include "report_text.hpp"

namespace cspr::rules::prose {

namespace {

// After a month or day: an optional comma, then at least one space, then a four-digit year.
std::optional<std::pair<int, std::size_t>> year_after(std::string_view s, std::size_t pos) {
    if (pos < s.size() && s[pos] == ',') ++pos;
    const std::size_t after = skip_space(s, pos);
    if (after == pos) return std::nullopt;
    auto year = digits_at(s, after, 4, 4);
    if (!year || !word_end(s, year->second)) return std::nullopt;
    return year;
}

// "T10:30" after an ISO date: a date-time, whose date still counts.
bool iso_time_at(std::string_view s, std::size_t pos) {
    return pos + 1 < s.size() && s[pos] == 't' && is_digit(s[pos + 1]);
}

bool valid(const FoundDate& d) {
    if (d.month < 1 || d.month > 12) return false;
    if (d.day == 0) return true;
    // A two-digit year cannot be a leap year we can check; 2000 stands in for any "00".
    const int y = d.two_digit_year ? 2000 + d.year : d.year;
    return date::year_month_day{date::year{y}, date::month{d.month}, date::day{d.day}}.ok();
}

}  // namespace

// ---- Characters and words ------------------------------------------------------------------------

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), to_lower);
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        const std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

std::size_t letter_count(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return is_alpha(c) || b >= 0xC0;  // a UTF-8 lead byte, not a continuation byte
    }));
}

std::size_t skip_space(std::string_view s, std::size_t pos, bool commas) {
    while (pos < s.size()) {
        if (is_space(s[pos]) || (commas && s[pos] == ',')) ++pos;
        else if (s.substr(pos, 2) == "\xC2\xA0") pos += 2;
        else break;
    }
    return pos;
}

std::string without_markup(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != '*' && c != '_' && c != '`') out += c;
    return out;
}

// ---- Dates in prose --------------------------------------------------------------------------------

// A run of min..max digits at pos that is not followed by another digit.
std::optional<std::pair<int, std::size_t>> digits_at(std::string_view s, std::size_t pos, std::size_t min,
                                                     std::size_t max) {
    std::size_t end = pos;
    while (end < s.size() && is_digit(s[end])) ++end;
    const std::size_t n = end - pos;
    if (n < min || n > max) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < end; ++i) value = value * 10 + (s[i] - '0');
    return std::pair{value, end};
}

// A month name at pos in lower-case text: "april", "apr", "apr.", "sept". Returns month and end.
std::optional<std::pair<unsigned, std::size_t>> month_at(std::string_view s, std::size_t pos) {
    static constexpr std::array<std::string_view, 12> kNames = {"january",   "february", "march",    "april",
                                                                "may",       "june",     "july",     "august",
                                                                "september", "october",  "november", "december"};
    // Most words start with a letter no month starts with: a quick no before 36 comparisons.
    if (pos >= s.size() || std::string_view("adfjmnos").find(s[pos]) == std::string_view::npos) return std::nullopt;
    for (unsigned m = 0; m < 12; ++m) {
        // The full name, the three-letter abbreviation, and "sept", the only four-letter one in use.
        for (const std::string_view name :
             {kNames[m], kNames[m].substr(0, 3), m == 8 ? std::string_view("sept") : kNames[m]}) {
            if (s.substr(pos, name.size()) != name || !word_end(s, pos + name.size())) continue;
            std::size_t end = pos + name.size();
            if (name.size() < kNames[m].size() && end < s.size() && s[end] == '.') ++end;
            return std::pair{m + 1, end};
        }
    }
    return std::nullopt;
}

std::size_t skip_ordinal(std::string_view s, std::size_t pos) {
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (s.substr(pos, 2) == suffix && word_end(s, pos + 2)) return pos + 2;
    return pos;
}

// A date starting at pos (a word start) in lower-case text, in any form docs/report-shape.md lists:
// 2019-04-02, 02/04/2019, 2/4/2019, 2.4.2019, 02/04/19, 2 April 2019, 2nd of Apr 2019,
// April 2, 2019; and with `month_year`, also June 2026.
std::optional<FoundDate> date_at(std::string_view s, std::size_t pos, bool month_year) {
    std::optional<FoundDate> found;
    if (auto first = digits_at(s, pos, 1, 4)) {
        const auto [n, end] = *first;
        if (end - pos == 4) {  // ISO: 2019-04-02 (and the forgiving 2019-4-2)
            if (end < s.size() && s[end] == '-')
                if (auto m = digits_at(s, end + 1, 1, 2); m && m->second < s.size() && s[m->second] == '-')
                    if (auto d = digits_at(s, m->second + 1, 1, 2);
                        d && (word_end(s, d->second) || iso_time_at(s, d->second)))
                        found = FoundDate{n, unsigned(m->first), unsigned(d->first), false, d->second};
        } else if (end - pos <= 2) {
            const int day = n;
            if (end < s.size() && (s[end] == '/' || s[end] == '.' || s[end] == '-')) {  // 02/04/2019
                const char sep = s[end];
                if (auto m = digits_at(s, end + 1, 1, 2); m && m->second < s.size() && s[m->second] == sep) {
                    // Two-digit years only with slashes: "4.2.19" is far more often a section number.
                    if (auto y = digits_at(s, m->second + 1, sep == '/' ? 2 : 4, 4);
                        y && word_end(s, y->second) && y->second - m->second - 1 != 3)
                        found = FoundDate{y->first, unsigned(m->first), unsigned(day), y->second - m->second - 1 == 2,
                                          y->second};
                }
            } else {  // 2 April 2019, 2nd of April 2019
                const std::size_t ordinal = skip_ordinal(s, end);
                std::size_t p = skip_space(s, ordinal);
                if (s.substr(p, 3) == "of ") p = skip_space(s, p + 2);
                if (auto m = month_at(s, p); m && p > ordinal)
                    if (auto y = year_after(s, m->second))
                        found = FoundDate{y->first, m->first, unsigned(day), false, y->second};
            }
        }
    } else if (auto m = month_at(s, pos)) {  // April 2, 2019; June 2026
        const std::size_t p = skip_space(s, m->second);
        if (p > m->second)
            if (auto d = digits_at(s, p, 1, 2))
                if (auto y = year_after(s, skip_ordinal(s, d->second)))
                    found = FoundDate{y->first, m->first, unsigned(d->first), false, y->second};
        if (!found && month_year)
            if (auto y = year_after(s, m->second)) found = FoundDate{y->first, m->first, 0, false, y->second};
    }
    if (found && !valid(*found)) return std::nullopt;
    return found;
}

// ---- The report as the detail search reads it, and the case's dates in it (report_details.hpp) ---------

namespace {

// Latin-1 letters (U+00C0..U+00FF, "\xC3" then 0x80..0xBF) without their accent; '\0' for none.
constexpr std::string_view kLatin1{"AAAAAAACEEEEIIII"
                                   "DNOOOOO\0OUUUUY\0s"
                                   "aaaaaaaceeeeiiii"
                                   "dnooooo\0ouuuuy\0y",
                                   64};

// Byte sequences the search reads otherwise: dropped (""), or read as `as`.
struct Folding {
    std::string_view bytes, as;
};
constexpr Folding kFoldings[] = {
    {"\xC2\xAD", ""},                                                      // soft hyphen
    {"\xC2\xA0", " "},                                                     // no-break space
    {"\xE2\x80\x8B", ""},   {"\xE2\x80\x8C", ""},   {"\xE2\x80\x8D", ""},  // zero-width space, joiners
    {"\xE2\x80\x98", "'"},  {"\xE2\x80\x99", "'"},                         // curly apostrophes
    {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},                        // curly quotes
    {"\xE2\x81\xA0", ""},   {"\xEF\xBB\xBF", ""},                          // word joiner, byte-order mark
    {"\xCA\xBC", "'"},                                                     // modifier apostrophe
};

// The length of a combining accent at the start of `rest` (U+0300..U+036F), else 0.
std::size_t combining_accent(std::string_view rest) {
    if (rest.size() < 2) return 0;
    const auto b = static_cast<unsigned char>(rest[0]), c = static_cast<unsigned char>(rest[1]);
    return (b == 0xCC && c >= 0x80) || (b == 0xCD && c >= 0x80 && c < 0xB0) ? 2 : 0;
}

// Reads the sequence at the start of `rest` into `out`; returns how many bytes it took.
std::size_t fold_one(std::string_view rest, std::string& out) {
    const char b = rest[0];
    if (b == '*' || b == '_' || b == '`' || b == '\\') return 1;  // emphasis, escapes
    for (const Folding& f : kFoldings)
        if (rest.starts_with(f.bytes)) {
            out += f.as;
            return f.bytes.size();
        }
    if (const std::size_t n = combining_accent(rest)) return n;
    if (rest.size() >= 2 && static_cast<unsigned char>(b) == 0xC3) {  // a Latin-1 letter, without its accent
        const auto c = static_cast<unsigned char>(rest[1]);
        if (c >= 0x80 && c <= 0xBF && kLatin1[c - 0x80] != '\0') {
            out += kLatin1[c - 0x80];
            return 2;
        }
    }
    out += b;
    return 1;
}

}  // namespace

Folded fold(std::string_view text) {
    Folded f;
    f.cased.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) i += fold_one(text.substr(i), f.cased);
    f.low = lowered(f.cased);
    return f;
}

namespace {

// One part of a date: a number (with its digits, and whether it had "st", "nd", "rd" or "th"), a
// month's name, an ordinal word ("second") or a year after an apostrophe ("'19").
struct DatePart {
    enum Kind { number, month, ordinal, short_year } kind = number;
    int value = 0;
    std::size_t digits = 0;
    std::size_t end = 0;
};

std::optional<DatePart> date_part_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return std::nullopt;
    if (s[pos] == '\'') {
        if (auto y = digits_at(s, pos + 1, 2, 2); y && word_end(s, y->second))
            return DatePart{DatePart::short_year, y->first, 2, y->second};
        return std::nullopt;
    }
    if (is_digit(s[pos])) {
        auto n = digits_at(s, pos, 1, 8);
        if (!n) return std::nullopt;
        const std::size_t end = skip_ordinal(s, n->second);
        if (!word_end(s, end)) return std::nullopt;
        return DatePart{end > n->second ? DatePart::ordinal : DatePart::number, n->first, n->second - pos, end};
    }
    if (auto m = month_at(s, pos)) return DatePart{DatePart::month, int(m->first), 0, m->second};
    static constexpr std::array<std::string_view, 31> kOrdinals =
        {"first",        "second",       "third",          "fourth",        "fifth",        "sixth",
         "seventh",      "eighth",       "ninth",          "tenth",         "eleventh",     "twelfth",
         "thirteenth",   "fourteenth",   "fifteenth",      "sixteenth",     "seventeenth",  "eighteenth",
         "nineteenth",   "twentieth",    "twenty-first",   "twenty-second", "twenty-third", "twenty-fourth",
         "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth",
         "thirty-first"};
    for (std::size_t k = kOrdinals.size(); k-- > 0;)  // "twenty-first" before "first"
        if (s.substr(pos, kOrdinals[k].size()) == kOrdinals[k] && word_end(s, pos + kOrdinals[k].size()))
            return DatePart{DatePart::ordinal, int(k) + 1, 0, pos + kOrdinals[k].size()};
    return std::nullopt;
}

// Between the parts of a date: spaces, '/', '-', '.', ',' and the words "of" and "the". Whether a
// '.' was among them (a two-digit year with dots is far more often a section number: "4.2.19").
std::size_t skip_date_gap(std::string_view s, std::size_t pos, bool& dot) {
    while (pos < s.size()) {
        const std::size_t after = skip_space(s, pos, true);
        if (after > pos) pos = after;
        else if (s[pos] == '/' || s[pos] == '-' || s[pos] == '.') dot = (s[pos++] == '.') || dot;
        else if ((s.substr(pos, 2) == "of" && word_end(s, pos + 2)) ||
                 (s.substr(pos, 3) == "the" && word_end(s, pos + 3)))
            pos += s[pos] == 'o' ? 2 : 3;
        else break;
    }
    return pos;
}

}  // namespace

std::vector<DateMatch> find_wanted_dates(std::string_view s, const std::vector<WantedDate>& dates) {
    std::vector<DateMatch> out;
    if (dates.empty()) return out;
    const auto wanted = [&](int year, bool two_digit, int month, int day) -> const WantedDate* {
        for (const WantedDate& w : dates)
            if ((two_digit ? w.year % 100 == year : w.year == year) && int(w.month) == month && int(w.day) == day)
                return &w;
        return nullptr;
    };
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        if (!word_start(s, pos) || !(is_alnum(s[pos]) || s[pos] == '\'')) continue;
        const WantedDate* found = nullptr;
        std::size_t end = 0;
        // The forms date_at knows (docs/report-shape.md), then the looser ones a reader still knows.
        if (auto d = date_at(s, pos, false)) {
            found = wanted(d->year, d->two_digit_year, int(d->month), int(d->day));
            end = d->end;
        }
        std::vector<DatePart> parts;
        bool dot = false;
        for (std::size_t p = pos; !found && parts.size() < 3;) {
            auto part = date_part_at(s, p);
            if (!part) break;
            parts.push_back(*part);
            const std::size_t next = skip_date_gap(s, part->end, dot);
            if (next == part->end) break;
            p = next;
        }
        if (!found && parts.size() == 1 && parts[0].kind == DatePart::number &&
            parts[0].digits == 8) {  // 20190402, 02042019
            const int v = parts[0].value;
            found = wanted(v / 10000, false, v / 100 % 100, v % 100);
            if (!found) found = wanted(v % 10000, false, v / 10000 % 100, v / 1000000);
            end = parts[0].end;
        }
        if (!found && parts.size() == 3) {
            const DatePart &a = parts[0], &b = parts[1], &c = parts[2];
            const auto is_day = [](const DatePart& p) {
                return (p.kind == DatePart::number && p.digits <= 2) || p.kind == DatePart::ordinal;
            };
            const auto is_num = [](const DatePart& p) { return p.kind == DatePart::number && p.digits <= 2; };
            const bool year4 = c.kind == DatePart::number && c.digits == 4;
            const bool year2 = c.kind == DatePart::short_year || (c.kind == DatePart::number && c.digits == 2);
            if (a.kind == DatePart::number && a.digits == 4) {
                if (is_num(b) && is_num(c)) found = wanted(a.value, false, b.value, c.value);  // 2019/04/02
            } else if (year4 || year2) {
                if (is_day(a) && b.kind == DatePart::month)
                    found = wanted(c.value, year2, b.value, a.value);  // 2-Apr-19
                else if (a.kind == DatePart::month && is_day(b))
                    found = wanted(c.value, year2, a.value, b.value);  // April the 2nd 2019
                else if (is_num(a) && is_num(b) && !(dot && year2)) {
                    found = wanted(c.value, year2, b.value, a.value);              // day first
                    if (!found) found = wanted(c.value, year2, a.value, b.value);  // US: month first
                }
            }
            end = c.end;
        }
        if (found) {
            out.push_back({pos, end, found->detail});
            pos = end - 1;
        }
    }
    return out;
}

// ---- Whether the file is text at all ------------------------------------------------------------------
// By the first bytes, as file(1) does: most final reports are written in Word, and a .docx read as
// text "misses" every section, which sends the user to add sections rather than to convert the file.

std::optional<std::string> not_text(std::string_view bytes) {
    const auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts("PK\x03\x04")) {
        // A .docx keeps its text under word/; an .odt names its type in its first entry.
        if (has(bytes, "word/"))
            return "this is a Word file (.docx), not text: convert it first, e.g. pandoc final.docx -o final.md";
        if (has(bytes, "opendocument.text"))
            return "this is an OpenDocument file (.odt), not text: convert it first, e.g. pandoc final.odt -o final.md";
        return "this is a ZIP file, not text: if it is a Word or OpenDocument report, convert it first, e.g. pandoc "
               "final.docx -o final.md";
    }
    if (starts("%PDF")) return "this is a PDF file, not text: convert it first, e.g. pdftotext final.pdf final.txt";
    if (starts("\xD0\xCF\x11\xE0"))
        return "this is an old Word file (.doc), not text: save it as .docx in Word, then convert it, e.g. pandoc "
               "final.docx -o final.md";
    if (starts("{\\rtf"))
        return "this is a Rich Text file (.rtf), not Markdown or plain text: convert it first, e.g. pandoc final.rtf "
               "-o final.md";
    // Notepad's "Unicode" is UTF-16: every other byte of English text is a NUL.
    if (starts("\xFF\xFE") || starts("\xFE\xFF"))
        return "this is UTF-16 text, not UTF-8: save it as UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 final.txt > "
               "final-utf8.txt";
    if (has(bytes, std::string_view("\0", 1)))
        return "this is a binary file, not text (it has a NUL byte): save the report as Markdown or plain text first";
    return std::nullopt;
}

}  // namespace cspr::rules::prose
