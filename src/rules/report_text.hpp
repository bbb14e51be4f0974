// Private to the report checker of `cspr publish-check` (src/rules/report*.cpp): reading words and
// dates in a report's prose, and the recognisers of a recommendation's owner and time. Not part of
// the public interface (include/cspr/rules.hpp): these are heuristics over English text that change
// as real reports show phrasings they miss (docs/report-shape.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cspr::rules::prose {

// ---- Characters and words (report_text.cpp) ---------------------------------------------------------
// ASCII only, deliberately: a non-ASCII byte is compared as it is and never counts as part of a
// word, so "Robin’s" (curly apostrophe) still flags "Robin". Safer to flag than to miss.

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

std::string lowered(std::string_view s);
std::string_view trim(std::string_view s);
inline bool has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }
std::vector<std::string_view> split_words(std::string_view s);
// Letters in a UTF-8 string, counting each non-ASCII character once (names need not be ASCII).
std::size_t letter_count(std::string_view s);
// Whitespace between words: spaces, tabs, line breaks, and the no-break space that word processors
// put between a first name and a surname (and commas, with `commas`). The position after the run.
std::size_t skip_space(std::string_view s, std::size_t pos, bool commas = false);
inline bool word_start(std::string_view s, std::size_t pos) { return pos == 0 || !is_alnum(s[pos - 1]); }
inline bool word_end(std::string_view s, std::size_t pos) { return pos >= s.size() || !is_alnum(s[pos]); }
// Emphasis and code marks, removed so that "**Northdale Police**:" reads as "Northdale Police:".
std::string without_markup(std::string_view s);

// ---- Dates in prose (report_text.cpp) ---------------------------------------------------------------

struct FoundDate {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;             // 0: only a month and year ("June 2026")
    bool two_digit_year = false;  // "02/04/19"
    std::size_t end = 0;
};

// A run of min..max digits at pos that is not followed by another digit: its value and end.
std::optional<std::pair<int, std::size_t>> digits_at(std::string_view s, std::size_t pos, std::size_t min,
                                                     std::size_t max);
// A month name at pos in lower-case text: "april", "apr", "apr.", "sept". Its number and end.
std::optional<std::pair<unsigned, std::size_t>> month_at(std::string_view s, std::size_t pos);
// Past "st", "nd", "rd" or "th" after a day's number.
std::size_t skip_ordinal(std::string_view s, std::size_t pos);
// A date starting at pos (a word start) in lower-case text, in any form docs/report-shape.md lists;
// with `month_year`, also a month and year alone ("june 2026").
std::optional<FoundDate> date_at(std::string_view s, std::size_t pos, bool month_year);

// ---- Whether a file is text at all (report_text.cpp) ------------------------------------------------

// For a report that is not UTF-8 text (a Word, OpenDocument or PDF file, an RTF file, UTF-16, any
// NUL byte), what it is and how to convert it; nothing for text. Read as text, such a file would
// fail every check for reasons that have nothing to do with the report.
std::optional<std::string> not_text(std::string_view bytes);

// ---- A recommendation's owner and time ----------------------------------------------------------------

// Does the text say by when: a date, a month and year, a quarter or season with its year, "within N
// months", "within N days of <event>", a "Timescale: 6 months" field? (report_when.cpp)
bool says_by_when(std::string_view text);
// Does a recommendation say who: `first_line` its first line, `whole` all its text. (report_who.cpp)
bool says_who(std::string_view first_line, std::string_view whole);

}  // namespace cspr::rules::prose
