// The identifying details a case records, for `cspr publish-check` (docs/report-shape.md "Identifying
// details"): drawn from the rows of referral.yaml's field table that say how they identify someone
// (Meta::identifies, cspr/field_tables.hpp), so a new identifying row is searched for as soon as the
// table tags it. Where a report gives one away is report_details.cpp.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/field_tables.hpp"
#include "cspr/rules.hpp"
#include "report_details.hpp"
#include "report_text.hpp"

namespace cspr::rules {

namespace {

using namespace prose;
using model::Detail;

bool is_honorific(std::string_view word) {
    const std::string w = lowered(word);
    for (std::string_view h : {"mr", "mrs", "ms", "miss", "mx", "dr", "mr.", "mrs.", "ms.", "mx.", "dr."})
        if (w == h) return true;
    return false;
}

// A name as recorded, with the punctuation around its words made spaces ("Robin 'Bobby' Example",
// "Robin (Bobby) Example", "EXAMPLE, Robin", "Robin Example/Smith") and a leading title dropped.
// An apostrophe inside a word stays ("O'Hara").
std::string clean_name(std::string_view raw) {
    std::string s = fold(raw).cased;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool inside = i > 0 && i + 1 < s.size() && is_alpha(s[i - 1]) && is_alpha(s[i + 1]);
        if (c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '/' || c == ';' || c == ':' ||
            (c == '\'' && !inside))
            s[i] = ' ';
    }
    auto words = split_words(s);
    while (!words.empty() && is_honorific(words.front())) words.erase(words.begin());
    std::string out;
    for (std::string_view w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

// The first line of an address: up to the first comma, with a "Flat 3" kept with its street.
std::string first_line(std::string_view address) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= address.size()) {
        const std::size_t comma = address.find_first_of(",\n", start);
        const std::string_view part =
            trim(address.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (!part.empty()) parts.push_back(part);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (parts.empty()) return {};
    std::string line(parts[0]);
    const auto words = split_words(parts[0]);
    static constexpr std::array<std::string_view, 5> kUnits = {"flat", "apartment", "apt", "unit", "room"};
    if (parts.size() > 1 && words.size() == 2 &&
        std::find(kUnits.begin(), kUnits.end(), lowered(words[0])) != kUnits.end())
        line += ", " + std::string(parts[1]);
    return line;
}

// A UK postcode inside an address ("ND1 2AB", "SW1A1AA"), upper case with one space; the last one
// found, as the postcode ends an address.
std::optional<std::string> find_postcode(std::string_view address) {
    std::string s(address);
    std::transform(s.begin(), s.end(), s.begin(), to_upper);
    const auto fits = [&](std::size_t pos, std::string_view shape) {  // A: letter, 9: digit
        if (pos + shape.size() > s.size()) return false;
        for (std::size_t i = 0; i < shape.size(); ++i)
            if (shape[i] == 'A' ? !is_upper(s[pos + i]) : !is_digit(s[pos + i])) return false;
        return true;
    };
    std::optional<std::string> found;
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        if (!is_upper(s[pos]) || !word_start(s, pos)) continue;
        for (std::string_view outward : {"A9", "A99", "AA9", "AA99", "A9A", "AA9A"}) {
            if (!fits(pos, outward)) continue;
            const std::size_t after = pos + outward.size();
            const std::size_t inward = skip_space(s, after);
            if (fits(inward, "9AA") && word_end(s, inward + 3)) {
                found = s.substr(pos, outward.size()) + " " + s.substr(inward, 3);
                break;
            }
        }
    }
    return found;
}

// Words of a carer or of where a child stayed that are not a name or a place: relations, and the
// small words around them ("Maternal grandmother", "With her aunt", "At home").
bool is_relation_word(std::string_view word) {
    static constexpr std::array<std::string_view, 44> kWords =
        {"mother",     "father",     "grandmother", "grandfather", "grandparent", "grandparents", "grandma", "grandad",
         "granny",     "nan",        "aunt",        "auntie",      "uncle",       "sister",       "brother", "cousin",
         "stepmother", "stepfather", "partner",     "maternal",    "paternal",    "foster",       "carer",   "carers",
         "kinship",    "friend",     "family",      "neighbour",   "guardian",    "special",      "the",     "a",
         "an",         "and",        "of",          "with",        "her",         "his",          "their",   "at",
         "in",         "home",       "staying",     "parents"};
    const std::string w = lowered(word);
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end() || is_honorific(w) || w.ends_with("'s");
}

// The runs of capitalised words in `text` that are not relations: the names in "Maternal
// grandmother, Ada Rose Hall" or "Staying with Ada Hall".
std::vector<std::string> capitalised_runs(std::string_view text) {
    std::vector<std::string> runs;
    std::string run;
    const std::string cleaned = clean_name(text);  // the words below are views into it
    for (std::string_view w : split_words(cleaned)) {
        if (is_upper(w.front()) && !is_relation_word(w)) {
            if (!run.empty()) run += ' ';
            run += w;
        } else {
            if (!run.empty()) runs.push_back(std::move(run));
            run.clear();
        }
    }
    if (!run.empty()) runs.push_back(std::move(run));
    return runs;
}

}  // namespace

namespace {

// ---- The tagged rows of the referral -----------------------------------------------------------------

// One row tagged identifies(), its value as text: a date in ISO form, "" for none.
struct Tagged {
    Detail how;
    std::string_view kind;
    std::string text;
};

template <class T>
concept ListOfDescribed = requires(const T& list) {
    typename T::value_type;
    list.begin();
}
&&model::Described<typename T::value_type>;

// A visitor of the referral's table and the tables nested in it (the child, each family member and
// involved agency): every tagged row, in table order. A tag is only read on a text or a date row.
class TaggedRows {
public:
    explicit TaggedRows(std::vector<Tagged>& out) : out_(out) {}

    template <class T>
    void operator()(const T& value, const model::Meta& meta, model::Check<T> = nullptr) {
        if constexpr (std::is_same_v<T, std::string>) take(meta, value);
        else if constexpr (std::is_same_v<T, model::Date>) take(meta, calendar::format_iso_date(value));
        else if constexpr (std::is_same_v<T, std::optional<model::Date>>)
            take(meta, value ? calendar::format_iso_date(*value) : "");
        else if constexpr (model::Described<T>) fields(*this, value);
        else if constexpr (ListOfDescribed<T>)
            for (const auto& item : value) fields(*this, item);
    }
    template <class X, class F>
    void group(const model::Meta&, X, F&& describe) {
        describe(*this);
    }
    template <class T>
    void codec(const T&, const model::Meta&, const model::Codec<T>&) {}
    void extras(const model::Extras&) {}

private:
    void take(const model::Meta& meta, std::string text) {
        if (meta.detail != Detail::none) out_.push_back({meta.detail, meta.detail_kind, std::move(text)});
    }
    std::vector<Tagged>& out_;
};

// The order details are gathered in, declared once here: the same text twice keeps the kind of the
// first. The records of the child and the family (names, dates, addresses) come first, in table
// order, so a surname the child shares with the family is the child's; then the names in the carer,
// where the child is, and last the professionals and schools.
int precedence(Detail how) {
    switch (how) {
        case Detail::none:
        case Detail::name:
        case Detail::date:
        case Detail::address: return 0;
        case Detail::names_in_text: return 1;
        case Detail::place: return 2;
        case Detail::practitioner: return 3;
        case Detail::school: return 4;
    }
    return 5;
}

// ---- Gathering the details -----------------------------------------------------------------------------

// The details so far. The same text twice (a surname shared by the family, an address they share) is
// one detail, under the first kind.
class Gathered {
public:
    void add(std::string_view kind, std::string_view text) {
        text = trim(text);
        if (letter_count(text) < 3 && std::none_of(text.begin(), text.end(), is_digit)) return;
        const std::string key = lowered(text);
        if (std::any_of(list.begin(), list.end(), [&](const IdentifyingDetail& d) { return lowered(d.text) == key; }))
            return;
        list.push_back({std::string(kind), std::string(text)});
    }
    void add_name(std::string_view kind, std::string_view raw) {
        const std::string name = clean_name(raw);
        add(kind, name);
        // Each part of 3 letters or more: a shorter part ("Jo") would flag ordinary words.
        std::string part;
        for (char ch : name + " ") {
            if (is_space(ch) || ch == '-') {
                if (letter_count(part) >= 3 && !is_honorific(part)) add(kind, part);
                part.clear();
            } else {
                part += ch;
            }
        }
    }
    void add_address(std::string_view kind, std::string_view address) {
        if (trim(address).empty()) return;
        add(kind, address);
        add(kind, first_line(address));
        if (auto postcode = find_postcode(address)) add("postcode", *postcode);
    }
    // Where the child is: from its house number on, an address ("... at 7 Larkspur Close, Southtown");
    // before it, any capitalised name or place ("Staying with Ada Hall").
    void add_place(std::string_view kind, std::string_view w) {
        std::size_t number = std::string_view::npos;
        for (std::size_t i = 0; i < w.size() && number == std::string_view::npos; ++i)
            if (is_digit(w[i]) && word_start(w, i)) number = i;
        for (const std::string& name : capitalised_runs(w.substr(0, number))) add(kind, name);
        if (number != std::string_view::npos) add_address(kind, w.substr(number));
    }

    std::vector<IdentifyingDetail> list;
};

// The words of an address's parts after its first, but for a part with a number: the area's names.
void add_area(std::string_view address, std::vector<std::string>& area) {
    std::size_t comma = address.find(',');
    while (comma != std::string_view::npos) {
        const std::size_t next = address.find(',', comma + 1);
        const std::string_view part =
            address.substr(comma + 1, next == std::string_view::npos ? std::string_view::npos : next - comma - 1);
        if (std::none_of(part.begin(), part.end(), is_digit))
            for (std::string_view word : split_words(part)) area.push_back(lowered(word));
        comma = next;
    }
}

// A school, academy, nursery or college names where the child went, unless its name is only the
// area's (the town is not a detail: "Northdale Primary School").
bool names_a_school(std::string_view agency, const std::vector<std::string>& area) {
    const std::string low = lowered(agency);
    if (!has(low, "school") && !has(low, "academy") && !has(low, "nursery") && !has(low, "college")) return false;
    static constexpr std::array<std::string_view, 16> kTypeWords = {"school",     "academy",   "nursery",   "college",
                                                                    "primary",    "secondary", "infant",    "infants",
                                                                    "junior",     "high",      "community", "the",
                                                                    "pre-school", "preschool", "and",       "of"};
    const auto words = split_words(low);
    return !std::all_of(words.begin(), words.end(), [&](std::string_view w) {
        return std::find(kTypeWords.begin(), kTypeWords.end(), w) != kTypeWords.end() ||
               std::find(area.begin(), area.end(), w) != area.end();
    });
}

// A row's details, by how its tag says it identifies someone.
void gather(const Tagged& row, const std::vector<std::string>& area, Gathered& out) {
    switch (row.how) {
        case Detail::none: return;
        case Detail::name:
        case Detail::practitioner: out.add_name(row.kind, row.text); return;
        case Detail::date: out.add(row.kind, row.text); return;
        case Detail::address: out.add_address(row.kind, row.text); return;
        // The names in it, not the relation ("Maternal grandmother, Ada Rose Hall").
        case Detail::names_in_text:
            for (const std::string& name : capitalised_runs(row.text)) out.add_name(row.kind, name);
            return;
        case Detail::place: out.add_place(row.kind, row.text); return;
        case Detail::school:
            if (names_a_school(row.text, area)) out.add(row.kind, row.text);
            return;
    }
}

}  // namespace

std::vector<IdentifyingDetail> identifying_details(const model::Case& c) {
    if (!c.referral) return {};
    std::vector<Tagged> rows;
    TaggedRows visitor(rows);
    fields(visitor, *c.referral);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Tagged& a, const Tagged& b) { return precedence(a.how) < precedence(b.how); });
    std::vector<std::string> area;  // the area's names, from every address the case records
    for (const Tagged& row : rows)
        if (row.how == Detail::address) add_area(row.text, area);
    Gathered out;
    for (const Tagged& row : rows) gather(row, area, out);
    return std::move(out.list);
}

}  // namespace cspr::rules
