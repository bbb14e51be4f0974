// "Who" in a recommendation of a final report (Working Together 2018 ch. 4 "Expectations for the final
// report": recommendations say what is required of whom and by when). What counts is in
// docs/report-shape.md, "Who"; tests/report/recommendations-*.txt hold the phrasings it must accept
// and reject. An owner is an agency named as the one to act: before a colon or dash, in an "Owner:"
// field, in brackets at the end, or as the subject of "should", "will", "must" (or of any verb after
// "It is recommended that"). A sentence with no actor ("Lessons should be learned") has none.
#include <algorithm>
#include <array>

#include "report_text.hpp"

namespace cspr::rules::prose {

namespace {

using Words = std::vector<std::string_view>;

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// "Recommendation 3:", "R3.", "Recommendation 2a -": a number, not an owner.
std::string_view without_recommendation_number(std::string_view t) {
    const std::string low = lowered(t.substr(0, std::min<std::size_t>(t.size(), 20)));
    std::size_t p = 0;
    if (low.starts_with("recommendation")) p = 14;
    else if (low.size() > 1 && low[0] == 'r' && is_digit(low[1])) p = 1;
    else return t;
    p = skip_space(t, p);
    const std::size_t number = p;
    while (p < t.size() && (is_alnum(t[p]) || t[p] == '.') && p - number < 6) ++p;
    if (p == number) return t;
    p = skip_space(t, p);
    if (p < t.size() && (t[p] == ':' || t[p] == '.' || t[p] == ')' || t[p] == '-')) ++p;
    else if (t.substr(p, 3) == "\xE2\x80\x93" || t.substr(p, 3) == "\xE2\x80\x94") p += 3;  // en and em dash
    else if (p == t.size() || t[p - 1] != ' ') return t;
    return trim(t.substr(p));
}

// A word without the punctuation around it: "(ICB)," is "ICB".
std::string_view bare(std::string_view w) {
    while (!w.empty() && std::string_view("(\"'").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
    while (!w.empty() && std::string_view("),.;:\"'").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    return w;
}

// "NHS", "CAMHS", "(ICB)": two or more capitals and no small letters.
bool is_acronym(std::string_view w) {
    return std::count_if(w.begin(), w.end(), is_upper) >= 2 && std::none_of(w.begin(), w.end(), is_lower);
}

constexpr std::array<std::string_view, 10> kJoins = {"of", "and", "for", "the", "&", "in", "on", "at", "with", "-"};

// "Northdale Police", "The Safeguarding Children Partnership", "the ICB": capitalised words (two or
// more, or one acronym), with "of", "and", "the" and the like between them. One capitalised word alone
// ("Training", "The policy") starts too many ordinary sentences to count.
bool is_capitalised_name(const Words& words) {
    int capitalised = 0;
    bool acronym = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = bare(words[i]);
        if (w.empty()) return false;
        if (is_upper(w.front())) {
            ++capitalised;
            acronym = acronym || is_acronym(w);
        } else if ((capitalised == 0 && !(i == 0 && w == "the")) || !is_one_of(lowered(w), kJoins)) {
            return false;
        }
    }
    return capitalised >= 2 || acronym;
}

// The last word of an agency named by what it is, in any case: "the partnership", "the safeguarding
// partners", "schools", "the police". Words that can also name a thing ("services", "team") count
// only with a word before them that says whose ("children's services", "partner agencies"): "All
// agencies should" names no one. A service named by what it does counts only as a whole ("social
// care", "health visiting"): "Good care should" and "Home visiting should" name no one.
constexpr std::array<std::string_view, 42> kAgencies =
    {"partnership",   "partnerships", "partners",  "board",      "boards",      "icb",         "icbs",
     "police",        "constabulary", "council",   "councils",   "authority",   "authorities", "school",
     "schools",       "academy",      "academies", "college",    "colleges",    "nursery",     "nurseries",
     "trust",         "trusts",       "hospital",  "hospitals",  "probation",   "midwifery",   "commissioner",
     "commissioners", "director",     "directors", "department", "directorate", "committee",   "subgroup",
     "sub-group",     "ofsted",       "cafcass",   "gps",        "nhs",         "dfe",         "government"};
constexpr std::array<std::string_view, 18> kAgenciesWithOwner = {"service",   "services", "team",     "teams",
                                                                 "agency",    "agencies", "provider", "providers",
                                                                 "practices", "lead",     "leads",    "manager",
                                                                 "managers",  "chair",    "group",    "force",
                                                                 "unit",      "hub"};
constexpr std::array<std::string_view, 6> kServices = {"social care",    "health visiting", "health visitors",
                                                       "school nursing", "school nurses",   "community nursing"};
constexpr std::array<std::string_view, 17> kDeterminers = {"the",  "a",    "an",         "all",   "each",       "every",
                                                           "any",  "some", "relevant",   "other", "those",      "these",
                                                           "this", "that", "individual", "their", "appropriate"};
constexpr std::array<std::string_view, 18> kPrepositions = {"of",     "for",   "in",    "on",    "at",     "with",
                                                            "from",   "by",    "about", "into",  "to",     "across",
                                                            "within", "under", "over",  "after", "before", "during"};

// Verbs that open a recommendation addressed to no one: in "Ask schools to ..." or "Review how
// schools are told ...", the schools are the object, not the owner.
constexpr std::array<std::string_view, 36> kImperatives =
    {"review",   "audit",    "ensure",  "check",   "ask",        "make",     "provide",   "develop",   "share",
     "consider", "support",  "remind",  "agree",   "commission", "raise",    "update",    "establish", "strengthen",
     "improve",  "embed",    "promote", "seek",    "undertake",  "explore",  "write",     "require",   "encourage",
     "enable",   "evaluate", "monitor", "publish", "deliver",    "identify", "introduce", "give",      "help"};

bool is_agency_phrase(const Words& words) {
    if (words.empty() || is_one_of(lowered(bare(words.front())), kImperatives)) return false;
    // "The lead in each school": the part before a preposition is the subject; after it, the object.
    std::vector<std::string> low;
    for (std::string_view w : words) {
        low.push_back(lowered(bare(w)));
        if (is_one_of(low.back(), kPrepositions)) {
            low.pop_back();
            break;
        }
    }
    if (low.empty() || low.size() > 8) return false;
    std::string head = low.back();
    if (head.ends_with("'s")) head.resize(head.size() - 2);
    if (is_one_of(head, kAgencies)) return true;
    if (low.size() >= 2 && is_one_of(low[low.size() - 2] + " " + head, kServices)) return true;
    const bool whose = std::any_of(low.begin(), low.end() - 1, [](const std::string& w) {
        return !is_one_of(w, kDeterminers) && !is_one_of(w, kJoins);
    });
    return whose && is_one_of(head, kAgenciesWithOwner);
}

bool is_owner_name(const Words& words) {
    return !words.empty() && words.size() <= 10 && (is_capitalised_name(words) || is_agency_phrase(words));
}

Words first_words(std::string_view text, std::size_t n) {
    Words words = split_words(text);
    if (words.size() > n) words.resize(n);
    return words;
}

// "Northdale Police should ...", "The partnership will ...", "Northdale Police, with the school, must":
// the subject of the first verb of obligation names an agency (or its part before a comma does).
// "Is", "are", "has" and "have" follow too many other subjects ("how schools are told"): after
// them only an agency's capitalised name counts.
bool owner_then_obligation(const Words& words) {
    static constexpr std::array<std::string_view, 10> kObligations = {"should", "must",  "will",   "shall",  "to",
                                                                      "need",   "needs", "agrees", "agreed", "ought"};
    static constexpr std::array<std::string_view, 4> kWeak = {"is", "are", "has", "have"};
    for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string verb = lowered(bare(words[k]));
        const bool weak = is_one_of(verb, kWeak);
        if (!weak && !is_one_of(verb, kObligations)) continue;
        const auto named = [&](std::size_t n) {
            const Words subject(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n));
            return weak ? is_capitalised_name(subject) : is_owner_name(subject);
        };
        for (std::size_t j = 1; j < k; ++j)
            if (words[j - 1].ends_with(",") && named(j)) return true;
        return named(k);
    }
    return false;
}

// After "It is recommended that", "The review recommends that", "That": the subject of any verb
// ("That Northdale Police share ...", "That the partnership ensures ...").
bool owner_then_verb(const Words& words) {
    for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string_view next = bare(words[k]);
        if (next.empty() || !is_lower(next.front()) || is_one_of(next, kJoins) || is_one_of(next, kDeterminers))
            continue;
        if (is_owner_name(Words(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k)))) return true;
    }
    return false;
}

// Where the owner may start: the item's start; after a leading clause and its comma ("By 30 June
// 2026, Northdale Police should", "Following this review, the partnership should"); after "that".
bool names_subject(const Words& words) {
    if (owner_then_obligation(words)) return true;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const Words rest(words.begin() + static_cast<std::ptrdiff_t>(i + 1), words.end());
        if (words[i].ends_with(",") && owner_then_obligation(rest)) return true;
        if (lowered(bare(words[i])) != "that") continue;
        const bool recommends = i == 0 || std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i),
                                                      [](std::string_view w) { return has(lowered(w), "recommend"); });
        if (recommends && (owner_then_verb(rest) || owner_then_obligation(rest))) return true;
    }
    return false;
}

// The words that name an owner's field: "Owner", "Lead agency", "Responsible agency", "By whom".
constexpr std::array<std::string_view, 8> kOwnerKeys = {"owner",       "owners",      "lead", "leads",
                                                        "responsible", "accountable", "who",  "whom"};

// Field names that head a line, not an agency: "Action: ...", "By June 2026: ...", and the owner's
// fields ("Owner: ...", "Action owner: ..."), which has_owner_field reads with their value.
bool is_field_label(std::string_view label) {
    static constexpr std::array<std::string_view, 28> kFields =
        {"action",   "actions",  "recommendation", "recommendations", "what",       "why",      "how",       "when",
         "by when",  "aim",      "purpose",        "outcome",         "outcomes",   "note",     "rationale", "finding",
         "findings", "learning", "priority",       "timescale",       "timescales", "deadline", "date",      "target",
         "status",   "progress", "target date",    "timeframe"};
    const Words words = split_words(label);
    return is_one_of(lowered(label), kFields) ||
           (!words.empty() && (is_one_of(lowered(bare(words.front())), kOwnerKeys) ||
                               is_one_of(lowered(bare(words.back())), kOwnerKeys)));
}

// "Northdale Police: ..." The label starts with a capital (an organisation's name), is not a date
// ("By June 2026: ...") and is not a field name.
bool starts_with_owner_label(std::string_view t) {
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view label = trim(t.substr(0, colon));
    if (label.empty() || !is_upper(label.front()) || label.size() > 60 || split_words(label).size() > 8) return false;
    return !trim(t.substr(colon + 1)).empty() && !says_by_when(label) && !is_field_label(label);
}

// "Northdale Council – review ...", "Northdale Police - share ...": a dash is looser than a colon, so
// the label must read as an agency's name.
bool starts_with_owner_dash(std::string_view t) {
    std::size_t dash = std::min({t.find(" - "), t.find("\xE2\x80\x93"), t.find("\xE2\x80\x94")});
    if (dash == std::string_view::npos) return false;
    const std::string_view label = trim(t.substr(0, dash));
    return is_owner_name(split_words(label)) && !says_by_when(label) && !is_field_label(label);
}

// The separator of a field at pos: ':', a spaced hyphen, an en or em dash. Its length, or 0.
std::size_t separator_at(std::string_view s, std::size_t pos) {
    if (s[pos] == ':') return 1;
    if (s.substr(pos, 3) == " - ") return 3;
    if (s.substr(pos, 3) == "\xE2\x80\x93" || s.substr(pos, 3) == "\xE2\x80\x94") return 3;
    return 0;
}

// "Owner: TBC" names no one yet.
bool is_placeholder(std::string_view value) {
    const std::string v = lowered(trim(value));
    for (std::string_view p : {"tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be decided",
                               "to be determined", "n/a", "none", "unknown"})
        if (v.starts_with(p) && word_end(v, p.size())) return true;
    return false;
}

// Does the label before a separator (its last 1 to 4 words) name the owner's field: "Owner",
// "Responsible agency", "Action owner", "By whom"? It starts or ends with the field's word, and starts
// a sentence or with a capital, so that "contact the lead practitioner - ..." is prose; a lower-case
// "owner:" right before a colon counts.
bool is_owner_label(const Words& before, bool at_start, bool colon) {
    if (before.empty()) return false;
    if (colon && is_one_of(lowered(bare(before.back())), kOwnerKeys)) return true;
    for (std::size_t n = 1; n <= std::min<std::size_t>(4, before.size()); ++n) {
        const std::size_t first = before.size() - n;
        const std::string_view word = bare(before[first]);
        if (word.empty()) continue;
        const bool starts = (first == 0 && at_start) ||
                            (first > 0 && (before[first - 1].ends_with(".") || before[first - 1].ends_with(";"))) ||
                            is_upper(word.front()) || before[first].starts_with("(");
        const bool key = is_one_of(lowered(word), kOwnerKeys) || is_one_of(lowered(bare(before.back())), kOwnerKeys);
        if (starts && key) return true;
    }
    return false;
}

// "Owner: X", "Responsible agency: X", "Lead agency - X", "(Lead: X)" anywhere in the item.
bool has_owner_field(std::string_view text) {
    const std::string s = without_markup(text);
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        const std::size_t sep = separator_at(s, pos);
        if (sep == 0) continue;
        const std::string_view value = trim(std::string_view(s).substr(pos + sep));
        if (value.empty() || !is_alnum(value.front()) || is_placeholder(value)) continue;
        // The few words before it, from at most 80 characters back (a partial first word dropped).
        const std::size_t from = pos > 80 ? pos - 80 : 0;
        Words before = split_words(std::string_view(s).substr(from, pos - from));
        if (from > 0 && !before.empty()) before.erase(before.begin());
        if (is_owner_label(before, from == 0, s[pos] == ':')) return true;
    }
    return false;
}

// "... by 30 June 2026 (Northdale Police)." An agency in brackets at the very end.
bool ends_with_owner_in_brackets(std::string_view text) {
    const std::string s = without_markup(text);
    std::string_view t = s;
    while (!t.empty() && (is_space(t.back()) || t.back() == '.' || t.back() == ';')) t.remove_suffix(1);
    if (t.empty() || t.back() != ')') return false;
    const std::size_t open = t.rfind('(');
    if (open == std::string_view::npos) return false;
    return is_owner_name(split_words(t.substr(open + 1, t.size() - open - 2)));
}

}  // namespace

bool says_who(std::string_view first_line, std::string_view whole) {
    if (has_owner_field(whole) || ends_with_owner_in_brackets(whole)) return true;
    const std::string first = without_markup(first_line);
    const std::string_view t = without_recommendation_number(first);
    if (starts_with_owner_label(t) || starts_with_owner_dash(t)) return true;
    // The subject may run onto the next line of the item: read its first words whole.
    const std::string all = without_markup(whole);
    return names_subject(first_words(without_recommendation_number(all), 24));
}

}  // namespace cspr::rules::prose
