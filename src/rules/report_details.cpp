// The identifying details of `cspr publish-check`: where a final report gives one away in a form a
// reader would recognise (docs/report-shape.md "Identifying details"). Findings name the line and the
// kind, never the text. Which details a case records (names of the child, family, carer and
// practitioners, schools, dates of birth and death, addresses, where the child was staying,
// postcodes) is report_case_details.cpp.
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

using namespace prose;

// ---- Which words of a detail, in which forms ---------------------------------------------------------

// Words that are also names: as a name part alone, matched only when the report capitalises it
// ("Green" but not "the village green"). Whole names are always matched in any case.
constexpr std::array<std::string_view, 96> kCommonWords =
    {"green",  "hall",  "rose",  "hope",   "may",   "white", "brown", "black", "grey",    "gray",   "gold",
     "silver", "wood",  "woods", "hill",   "young", "king",  "bird",  "lane",  "street",  "park",   "ford",
     "marsh",  "moss",  "stone", "rock",   "bush",  "bell",  "cook",  "baker", "ward",    "page",   "price",
     "hunt",   "long",  "short", "little", "lord",  "sharp", "wise",  "best",  "good",    "day",    "knight",
     "bishop", "power", "law",   "love",   "north", "south", "east",  "west",  "field",   "fields", "grace",
     "joy",    "faith", "dawn",  "summer", "will",  "mark",  "bill",  "rob",   "sue",     "pat",    "drew",
     "ray",    "jack",  "frank", "guy",    "holly", "ivy",   "iris",  "daisy", "heather", "lily",   "violet",
     "ruby",   "amber", "pearl", "hazel",  "dale",  "glen",  "cliff", "chase", "miles",   "dean",   "max",
     "penny",  "brook", "angel", "fox",    "wolf",  "reed",  "rich",  "april"};

bool is_common_word(std::string_view low) {
    return std::find(kCommonWords.begin(), kCommonWords.end(), low) != kCommonWords.end();
}

// Street types and the abbreviations an address is written with ("Nowhere Ln", "Larkspur Cl.").
constexpr std::array<std::array<std::string_view, 3>, 20> kStreetTypes = {{
    {"street", "st", ""},    {"road", "rd", ""},         {"lane", "ln", ""},
    {"avenue", "ave", "av"}, {"close", "cl", ""},        {"drive", "dr", ""},
    {"court", "ct", ""},     {"crescent", "cres", ""},   {"place", "pl", ""},
    {"gardens", "gdns", ""}, {"terrace", "terr", "tce"}, {"square", "sq", ""},
    {"grove", "gr", "gro"},  {"parade", "pde", ""},      {"row", "", ""},
    {"way", "", ""},         {"walk", "", ""},           {"mews", "", ""},
    {"rise", "", ""},        {"view", "", ""},
}};

const std::array<std::string_view, 3>* street_type(std::string_view low) {
    for (const auto& t : kStreetTypes)
        if (t[0] == low || (!t[1].empty() && t[1] == low) || (!t[2].empty() && t[2] == low)) return &t;
    return nullptr;
}

bool is_name_kind(std::string_view kind) { return kind.ends_with("name") && kind != "school's name"; }
bool is_place_kind(std::string_view kind) { return kind == "address" || kind == "whereabouts"; }

// A detail as words to find in order, each one of some alternatives, separated by any whitespace
// (and commas, for an address); a postcode's halves may also be written together or with a hyphen.
struct TextPattern {
    std::vector<std::vector<std::string>> words;
    bool commas = false;
    bool postcode = false;
    bool capital = false;  // a common word: only where the report capitalises it
    bool plural = false;   // a surname: also "the Smiths" and "Smiths'"
};

std::vector<std::string> split_low(std::string_view low, bool commas) {
    std::vector<std::string> words;
    std::string word;
    for (char c : low) {
        if (is_space(c) || (commas && c == ',')) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// A name word with and without its apostrophes ("o'brien", "obrien").
std::vector<std::string> name_forms(const std::string& w) {
    std::string bare;
    for (char c : w)
        if (c != '\'') bare += c;
    return bare == w ? std::vector<std::string>{w} : std::vector<std::string>{w, bare};
}

// An address word with its street type's abbreviations.
std::vector<std::string> place_forms(const std::string& w) {
    std::vector<std::string> forms{w};
    if (const auto* t = street_type(w))
        for (std::string_view f : *t)
            if (!f.empty() && f != w) forms.emplace_back(f);
    return forms;
}

std::vector<TextPattern> patterns_for(const IdentifyingDetail& d) {
    std::vector<TextPattern> out;
    const std::string low = fold(d.text).low;
    if (d.kind == "postcode") {
        std::string compact;
        for (char c : low)
            if (!is_space(c)) compact += c;
        TextPattern p;
        p.postcode = true;
        if (compact.size() > 3)
            p.words = {{compact.substr(0, compact.size() - 3)}, {compact.substr(compact.size() - 3)}};
        else p.words = {{compact}};
        out.push_back(std::move(p));
        return out;
    }
    if (is_name_kind(d.kind)) {
        const auto words = split_low(low, false);
        if (words.empty()) return out;
        if (words.size() == 1) {
            TextPattern p;
            p.words = {name_forms(words[0])};
            p.capital = is_common_word(words[0]);
            p.plural = true;
            out.push_back(std::move(p));
            return out;
        }
        // The whole name, and its first and last words without the middle ones; spaced, or run
        // together as in a file name ("RobinOBrien.jpg").
        std::vector<std::vector<std::string>> shapes{words};
        if (words.size() > 2) shapes.push_back({words.front(), words.back()});
        for (const auto& shape : shapes) {
            TextPattern spaced, joined;
            std::string together, together_bare;
            for (const auto& w : shape) {
                spaced.words.push_back(name_forms(w));
                together += w;
                together_bare += name_forms(w).back();
            }
            joined.words = {together == together_bare ? std::vector<std::string>{together}
                                                      : std::vector<std::string>{together, together_bare}};
            out.push_back(std::move(spaced));
            out.push_back(std::move(joined));
        }
        return out;
    }
    const bool place = is_place_kind(d.kind);
    TextPattern whole;
    whole.commas = place;
    for (const auto& w : split_low(low, place))
        whole.words.push_back(place ? place_forms(w) : std::vector<std::string>{w});
    out.push_back(std::move(whole));
    if (d.kind == "school's name") {
        // "Oakwood Primary" for "Oakwood Primary School", when two words or more are left.
        auto words = split_low(low, false);
        if (words.size() >= 3 && (words.back() == "school" || words.back() == "academy" || words.back() == "nursery" ||
                                  words.back() == "college")) {
            TextPattern p;
            for (std::size_t i = 0; i + 1 < words.size(); ++i) p.words.push_back({words[i]});
            out.push_back(std::move(p));
        }
    }
    if (!place) return out;
    // The street as a reader would write it: without the flat ("12 Nowhere Lane"), and without the
    // house number when it ends in a street type ("Nowhere Lane", "Nowhere Ln").
    std::vector<std::vector<std::string>> segments;
    std::size_t start = 0;
    while (start <= low.size()) {
        const std::size_t comma = low.find(',', start);
        auto words =
            split_low(low.substr(start, comma == std::string::npos ? std::string::npos : comma - start), false);
        if (!words.empty()) segments.push_back(std::move(words));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    static constexpr std::array<std::string_view, 5> kUnits = {"flat", "apartment", "apt", "unit", "room"};
    for (const auto& seg : segments) {
        if (std::find(kUnits.begin(), kUnits.end(), seg[0]) != kUnits.end() && seg.size() <= 2) continue;
        if (seg.size() < 2 || !is_digit(seg[0][0])) break;  // the first street line has a house number
        TextPattern numbered, street;
        for (const auto& w : seg) numbered.words.push_back(place_forms(w));
        if (seg.size() >= 3 && street_type(seg.back()))
            for (std::size_t i = 1; i < seg.size(); ++i) street.words.push_back(place_forms(seg[i]));
        out.push_back(std::move(numbered));
        if (!street.words.empty()) out.push_back(std::move(street));
        break;
    }
    return out;
}

// ---- Finding them ----------------------------------------------------------------------------------

struct Match {
    std::size_t begin = 0, end = 0;
    std::size_t detail = 0;  // index into the details, for the kind
};

// Where the words from the k-th on match at pos, the end of the match.
std::optional<std::size_t> match_from(std::string_view s, std::size_t pos, const TextPattern& p, std::size_t k) {
    if (k == p.words.size()) return pos;
    if (k > 0) {
        std::size_t after = skip_space(s, pos, p.commas);
        if (p.postcode && after == pos && pos < s.size() && s[pos] == '-') after = pos + 1;
        if (after == pos && !p.postcode) return std::nullopt;
        pos = after;
    }
    for (const std::string& w : p.words[k]) {
        if (s.substr(pos, w.size()) != w) continue;
        const std::size_t end = pos + w.size();
        if (!p.postcode && k + 1 < p.words.size() && !word_end(s, end)) continue;
        if (auto found = match_from(s, end, p, k + 1)) return found;
    }
    return std::nullopt;
}

// After a surname at [pos, end): "s'" anywhere, or "s" after "the" ("the Smiths").
bool plural_at(std::string_view s, std::size_t pos, std::size_t end) {
    if (end >= s.size() || s[end] != 's' || !word_end(s, end + 1)) return false;
    if (end + 1 < s.size() && s[end + 1] == '\'') return true;
    std::size_t b = pos;
    while (b > 0 && is_space(s[b - 1])) --b;
    return b < pos && b >= 3 && s.substr(b - 3, 3) == "the" && word_start(s, b - 3);
}

// One scan of the report per form of the detail's first word, checking the rest in place.
void find_text(const Folded& f, const TextPattern& p, std::size_t detail, std::vector<Match>& out) {
    const std::string_view s = f.low;
    if (p.words.empty()) return;
    for (const std::string& first : p.words.front()) {
        if (first.empty()) continue;
        for (std::size_t pos = s.find(first); pos != std::string_view::npos; pos = s.find(first, pos + 1)) {
            if (!word_start(s, pos)) continue;
            if (p.capital && !is_upper(f.cased[pos])) continue;
            const auto end = match_from(s, pos, p, 0);
            if (!end) continue;
            if (word_end(s, *end)) out.push_back({pos, *end, detail});
            else if (p.plural && plural_at(s, pos, *end)) out.push_back({pos, *end + 1, detail});
        }
    }
}

}  // namespace

namespace prose {

void check_identifying(std::string_view text, const std::vector<IdentifyingDetail>& details,
                       std::vector<ReportFinding>& out) {
    const Folded f = fold(text);
    std::vector<Match> matches;
    std::vector<WantedDate> dates;
    for (std::size_t k = 0; k < details.size(); ++k) {
        const IdentifyingDetail& d = details[k];
        if (trim(d.text).empty()) continue;
        if (d.kind == "date of birth" || d.kind == "date of death") {
            if (auto date = calendar::parse_iso_date(trim(d.text))) {
                const date::year_month_day ymd{*date};
                dates.push_back({int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()), k});
                continue;
            }
        }
        for (const TextPattern& p : patterns_for(d)) find_text(f, p, k, matches);
    }
    for (const DateMatch& m : find_wanted_dates(f.low, dates)) matches.push_back({m.begin, m.end, m.detail});

    // A shorter detail inside a longer one on the same line is the same finding ("Robin" inside
    // "Robin Example", the postcode inside the whole address): report the longer one only. Folding
    // keeps every line break, so lines are counted in the folded text.
    const std::string_view s = f.low;
    std::vector<std::size_t> line_starts{0};
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '\n') line_starts.push_back(i + 1);
    const auto line_of = [&](std::size_t pos) {
        return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), pos) - line_starts.begin());
    };
    std::sort(matches.begin(), matches.end(),
              [](const Match& a, const Match& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
    int line = 0;
    std::size_t covered = 0;  // the end of the furthest match kept on this line
    std::vector<std::string_view> kinds_on_line;
    for (const Match& m : matches) {
        const int l = line_of(m.begin);
        if (l != line) {
            line = l;
            covered = 0;
            kinds_on_line.clear();
        }
        if (m.end <= covered) continue;
        covered = m.end;
        const std::string_view kind = details[m.detail].kind;
        if (std::find(kinds_on_line.begin(), kinds_on_line.end(), kind) != kinds_on_line.end()) continue;
        kinds_on_line.push_back(kind);
        out.push_back({l, "identifying detail: " + std::string(kind)});
    }
}

}  // namespace prose

}  // namespace cspr::rules
