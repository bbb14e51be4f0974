// "By when" in a recommendation of a final report (Working Together 2018 ch. 4 "Expectations for the
// final report": recommendations say what is required of whom and by when). What counts is in
// docs/report-shape.md, "By when"; tests/report/recommendations-*.txt hold the phrasings it must
// accept and reject. Forgiving of form, strict about substance: a time someone can be held to (a
// date, a month, a quarter, a span from publication) counts; "as soon as possible", "in due course",
// "ongoing" and a year alone do not.
#include <algorithm>
#include <array>

#include <date/date.h>

#include "report_text.hpp"

namespace cspr::rules::prose {

namespace {

bool word_at(std::string_view s, std::size_t pos, std::string_view w) {
    return s.substr(pos, w.size()) == w && word_end(s, pos + w.size());
}

// Past `w` and the space after it when the text at pos is that word; otherwise pos.
std::size_t past(std::string_view s, std::size_t pos, std::string_view w) {
    return word_at(s, pos, w) ? skip_space(s, pos + w.size()) : pos;
}

// A number as reports write one: digits, a word to ninety-nine ("eighteen", "twenty-four", "twenty
// four"), or "a"/"an" ("within a year"). Its value and end.
std::optional<std::pair<int, std::size_t>> number_at(std::string_view s, std::size_t pos) {
    static constexpr std::array<std::string_view, 20> kOnes = {"zero",    "one",       "two",      "three",
                                                               "four",    "five",      "six",      "seven",
                                                               "eight",   "nine",      "ten",      "eleven",
                                                               "twelve",  "thirteen",  "fourteen", "fifteen",
                                                               "sixteen", "seventeen", "eighteen", "nineteen"};
    static constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                              "sixty",  "seventy", "eighty", "ninety"};
    if (auto n = digits_at(s, pos, 1, 3)) return n;
    if (word_at(s, pos, "a")) return std::pair{1, pos + 1};
    if (word_at(s, pos, "an")) return std::pair{1, pos + 2};
    for (std::size_t t = 0; t < kTens.size(); ++t) {
        if (!word_at(s, pos, kTens[t])) continue;
        const int tens = static_cast<int>(t + 2) * 10;
        const std::size_t end = pos + kTens[t].size();
        if (end < s.size() && (s[end] == '-' || s[end] == ' '))
            for (int one = 1; one <= 9; ++one)
                if (word_at(s, end + 1, kOnes[static_cast<std::size_t>(one)]))
                    return std::pair{tens + one, end + 1 + kOnes[static_cast<std::size_t>(one)].size()};
        return std::pair{tens, end};
    }
    for (std::size_t n = 0; n < kOnes.size(); ++n)
        if (word_at(s, pos, kOnes[n])) return std::pair{static_cast<int>(n), pos + kOnes[n].size()};
    return std::nullopt;
}

enum class Unit { days, weeks, months, years };

struct Span {
    Unit unit = Unit::days;
    std::size_t end = 0;
};

// "6 months", "three working days", "a year": a number, then a unit of days, weeks, months or years.
// Hours are not a unit here: "within 24 hours" is how fast a service acts, not when a change is made.
std::optional<Span> span_at(std::string_view s, std::size_t pos) {
    const auto number = number_at(s, pos);
    if (!number) return std::nullopt;
    std::size_t p = skip_space(s, number->second);
    if (p == number->second) return std::nullopt;
    p = past(s, past(s, p, "working"), "calendar");
    static constexpr std::array<std::pair<std::string_view, Unit>, 8> kUnits = {{{"days", Unit::days},
                                                                                 {"day", Unit::days},
                                                                                 {"weeks", Unit::weeks},
                                                                                 {"week", Unit::weeks},
                                                                                 {"months", Unit::months},
                                                                                 {"month", Unit::months},
                                                                                 {"years", Unit::years},
                                                                                 {"year", Unit::years}}};
    for (const auto& [name, unit] : kUnits)
        if (word_at(s, p, name)) return Span{unit, p + name.size()};
    return std::nullopt;
}

// "of publication", "from the date of this report", "after the audit": the event a span counts from.
bool event_after(std::string_view s, std::size_t pos) {
    pos = skip_space(s, pos);
    for (std::string_view w : {"of", "from", "after"})
        if (word_at(s, pos, w))
            return std::any_of(s.begin() + static_cast<std::ptrdiff_t>(pos + w.size()), s.end(), is_alnum);
    return false;
}

// "within 6 months of publication", "within the next two years", "within 3 months": a span of weeks,
// months or years alone is read as from publication. A span of days needs its event ("within 10
// working days of a referral"): "share within 5 days" is a service standard, not a deadline.
bool within_at(std::string_view s, std::size_t pos) {
    if (!word_at(s, pos, "within")) return false;
    std::size_t p = skip_space(s, pos + 6);
    if (word_at(s, p, "the")) p = past(s, past(s, past(s, p, "the"), "next"), "first");
    const auto span = span_at(s, p);
    return span && (span->unit != Unit::days || event_after(s, span->end));
}

// "no later than 6 months after publication", "in six months' time".
bool no_later_than_at(std::string_view s, std::size_t pos) {
    std::size_t p = past(s, pos, "no");
    if (p == pos) p = past(s, pos, "not");
    if (p == pos || !word_at(s, p, "later")) return false;
    p = past(s, past(s, p, "later"), "than");
    const auto span = span_at(s, p);
    return span && event_after(s, span->end);
}
bool in_time_at(std::string_view s, std::size_t pos) {
    if (!word_at(s, pos, "in")) return false;
    const auto span = span_at(s, skip_space(s, pos + 2));
    if (!span) return false;
    std::size_t p = span->end;
    if (s.substr(p, 1) == "'") ++p;
    else if (s.substr(p, 3) == "\xE2\x80\x99") p += 3;  // a curly apostrophe
    return word_at(s, skip_space(s, p), "time");
}

// A year as a deadline is written: 2026, or a financial or school year, 2026/27, 2026-27, 2026/2027.
bool year_at(std::string_view s, std::size_t pos) {
    const auto year = digits_at(s, pos, 4, 4);
    if (!year || year->first < 1900) return false;
    std::size_t end = year->second;
    if (end < s.size() && (s[end] == '/' || s[end] == '-'))
        if (auto next = digits_at(s, end + 1, 2, 4); next && next->second - end - 1 != 3) end = next->second;
    return word_end(s, end);
}

// "Q2 2026", "Q3 of 2026/27", "quarter 2 2026": a quarter with its year.
bool quarter_at(std::string_view s, std::size_t pos) {
    std::size_t p = pos;
    if (s.size() > pos + 1 && s[pos] == 'q' && s[pos + 1] >= '1' && s[pos + 1] <= '4' && word_end(s, pos + 2))
        p = pos + 2;
    else if (word_at(s, pos, "quarter")) {
        const auto n = number_at(s, skip_space(s, pos + 7));
        if (!n || n->first < 1 || n->first > 4) return false;
        p = n->second;
    } else {
        return false;
    }
    if (p < s.size() && s[p] == ',') ++p;
    return year_at(s, past(s, skip_space(s, p), "of"));
}

// "autumn 2026", "the spring term 2027": a season, or a school term, with its year.
bool season_at(std::string_view s, std::size_t pos) {
    for (std::string_view season : {"spring", "summer", "autumn", "winter"})
        if (word_at(s, pos, season)) return year_at(s, past(s, skip_space(s, pos + season.size()), "term"));
    return false;
}

// "the end of 2026", "the end of the 2026/27 school year": the end of a year is a date.
bool end_of_year_at(std::string_view s, std::size_t pos) {
    if (!word_at(s, pos, "end")) return false;
    const std::size_t of = skip_space(s, pos + 3);
    return word_at(s, of, "of") && year_at(s, past(s, skip_space(s, of + 2), "the"));
}

// "by 30 June", "by 30th of June", "by June 30th", "before the end of June": a day and month without
// the year, after "by" or "before", which can only mean the next one.
bool by_day_and_month_at(std::string_view s, std::size_t pos) {
    std::size_t p = past(s, pos, "by");
    if (p == pos) p = past(s, pos, "before");
    if (p == pos) return false;
    p = past(s, p, "the");
    if (word_at(s, p, "end")) {
        const std::size_t of = skip_space(s, p + 3);
        return word_at(s, of, "of") && month_at(s, past(s, skip_space(s, of + 2), "the")).has_value();
    }
    const auto valid_day = [](int day, unsigned month) {
        return date::year_month_day{date::year{2000}, date::month{month}, date::day{static_cast<unsigned>(day)}}
            .ok();  // 2000: 29 February
    };
    if (auto day = digits_at(s, p, 1, 2)) {
        const std::size_t after = skip_space(s, skip_ordinal(s, day->second));
        const auto month = month_at(s, past(s, after, "of"));
        return month && after > day->second && valid_day(day->first, month->first);
    }
    if (auto month = month_at(s, p)) {
        const auto day = digits_at(s, skip_space(s, month->second), 1, 2);
        return day && valid_day(day->first, month->first);
    }
    return false;
}

// "Timescale: 6 months", "By when - twelve weeks": a span in a field that says what it is.
bool time_field_at(std::string_view s, std::size_t pos) {
    static constexpr std::array<std::string_view, 9> kLabels = {"timescale",  "timescales", "timeframe",
                                                                "time frame", "by when",    "deadline",
                                                                "due",        "target",     "target date"};
    for (std::string_view label : kLabels) {
        if (!word_at(s, pos, label)) continue;
        std::size_t p = skip_space(s, pos + label.size());
        if (s.substr(p, 1) == ":" || s.substr(p, 1) == "-") p += 1;
        else if (s.substr(p, 3) == "\xE2\x80\x93" || s.substr(p, 3) == "\xE2\x80\x94") p += 3;  // en and em dash
        else continue;
        if (span_at(s, skip_space(s, p))) return true;
    }
    return false;
}

bool time_at(std::string_view s, std::size_t pos) {
    return date_at(s, pos, true) || within_at(s, pos) || no_later_than_at(s, pos) || in_time_at(s, pos) ||
           quarter_at(s, pos) || season_at(s, pos) || end_of_year_at(s, pos) || by_day_and_month_at(s, pos) ||
           time_field_at(s, pos);
}

}  // namespace

bool says_by_when(std::string_view text) {
    const std::string s = lowered(without_markup(text));
    for (std::size_t pos = 0; pos < s.size(); ++pos)
        if (is_alnum(s[pos]) && word_start(s, pos) && time_at(s, pos)) return true;
    return false;
}

}  // namespace cspr::rules::prose
